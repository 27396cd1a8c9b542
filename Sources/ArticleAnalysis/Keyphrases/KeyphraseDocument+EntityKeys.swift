extension KeyphraseDocument {
    /// Candidate keys of the entities' names, aliases and mentions. Salience is taken relative to
    /// the most salient entity, so the boost does not depend on how the entity stage scales it. A
    /// key that names two entities stands for the first.
    ///
    /// Every form is keyed by `formKey`: from the article's words at the span of a mention that
    /// spells it (`wordsKey`: the words there are already scanned, hashed and numbered), or from
    /// its own scalars (`phraseKey`) when there is none or the words there are not exactly those a
    /// scan of the form finds. Every key an entity's forms give stands for that entity, whichever
    /// form gives it, so mentions are keyed before the name and aliases: the name's span is the
    /// first mention that equals it (those mentions are not keyed again).
    func entityKeys(_ entities: [Entity]) -> EntityKeys {
        var topSalience: Double? = nil  // as `max()`: the first of equals, NaN never replacing
        for entity in entities where topSalience.map({ $0 < entity.salience }) ?? true { topSalience = entity.salience }
        let top = topSalience ?? 0
        var table = EntityKeys(capacity: 2 * entities.count)
        // The scalars of a form keyed from its own text (grown for a longer form).
        var scratch = ScratchBlock<Unicode.Scalar>(capacity: 0)
        scalars.withUnsafeBufferPointer { text in
            readerWords.words.withUnsafeBufferPointer { readerWordList in
                for n in entities.indices {
                    let salience = top > 0 ? max(0, entities[n].salience) / top : 0
                    let mentions = entities[n].mentions
                    let entityKey = EntityKey(entity: n, salience: salience, mentions: mentions.count)
                    let name = entities[n].name
                    var nameSpan: TextSpan? = nil
                    for mention in mentions {
                        if mention.text == name {
                            // Most mentions: a string comparison skips keying them (the name is keyed below).
                            if nameSpan == nil { nameSpan = mention.span }
                            continue
                        }
                        table.add(formKey(mention.text, mention.span, text, readerWordList, &scratch), entityKey)
                    }
                    table.add(formKey(name, nameSpan, text, readerWordList, &scratch), entityKey)
                    for alias in entities[n].aliases {
                        let span = mentions.first(where: { $0.text == alias })?.span
                        table.add(formKey(alias, span, text, readerWordList, &scratch), entityKey)
                    }
                }
            }
        }
        return table
    }

    /// Candidate keys that name entities, and what each stands for.
    struct EntityKeys {
        private var index: FlatHashMap<Int32>
        private var keys: [EntityKey] = []

        init(capacity: Int) {
            index = FlatHashMap<Int32>(capacity: max(16, capacity))
            keys.reserveCapacity(capacity)
        }

        /// Lets `key` stand for `entity` unless it already stands for another one.
        mutating func add(_ key: UInt64?, _ entity: EntityKey) {
            guard let key, !index.contains(key) else { return }
            index.set(key, Int32(keys.count))
            keys.append(entity)
        }

        /// The number of keys.
        var count: Int { keys.count }

        @inline(__always)
        subscript(_ key: UInt64) -> EntityKey? {
            guard let k = index[key] else { return nil }
            return keys[Int(k)]
        }
    }

    /// The key of the entity form `form`: from the words at `span` when the form spells it and
    /// they give one (`wordsKey`), else from the form's own scalars (`phraseKey`, decoded into
    /// `scratch`, which grows for a longer form).
    private func formKey(_ form: String, _ span: TextSpan?, _ text: UnsafeBufferPointer<Unicode.Scalar>,
                         _ readerWordList: UnsafeBufferPointer<ReaderWords.Word>,
                         _ scratch: inout ScratchBlock<Unicode.Scalar>) -> UInt64? {
        if let span, KeyphraseDocument.spells(form, text, span), let key = wordsKey(span, text, readerWordList) {
            return key
        }
        var form = form
        return form.withUTF8 { utf8 -> UInt64? in
            // A form decodes to at most as many scalars as it has UTF-8 bytes.
            if utf8.count > scratch.capacity { scratch = ScratchBlock(capacity: max(64, utf8.count)) }
            return scratch.withWhole { buffer in
                let length = ScalarText.decode(utf8, into: buffer)
                return phraseKey(UnsafeBufferPointer(rebasing: buffer[..<length]), EnglishWords.connectorHashes, EnglishWords.stopHashes)
            }
        }
    }

    /// True when `form` is exactly the scalars `span` of the text.
    static func spells(_ form: String, _ text: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan) -> Bool {
        guard span.start >= 0, span.start <= span.end, span.end <= text.count else { return false }
        return form.unicodeScalars.elementsEqual(text[span.start..<span.end])
    }

    /// The key `phraseKey` gives the scalars `span` of the text, from the article's words there:
    /// nil when a scan of the span alone might find other words than the article's, that is,
    /// when the span cuts a word (except just before a possessive: "Khashoggi" of
    /// "Khashoggi’s"), holds a scalar outside every word and is not white space, or joins two
    /// words that the article's scan kept apart (two sentences). Otherwise the words there are
    /// exactly those of a scan of the span: a word's extent depends only on its own scalars and
    /// the one after it, each inside the span and inside its sentence.
    func wordsKey(_ span: TextSpan, _ text: UnsafeBufferPointer<Unicode.Scalar>,
                  _ readerWordList: UnsafeBufferPointer<ReaderWords.Word>) -> UInt64?? {
        let connectorHashes = EnglishWords.connectorHashes
        let s = span.start, e = span.end
        guard 0 <= s, s < e, e <= text.count, let p = text.baseAddress, let w = readerWordList.baseAddress else { return nil }
        let count = readerWordList.count
        // The first word ending after the span's start.
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if w[middle].token.end <= s { low = middle + 1 } else { high = middle }
        }
        var j = low
        guard j < count, w[j].token.start >= s else { return nil }
        var key = FNV1a.offsetBasis
        var any = false
        var position = s
        while j < count {
            let token = w[j].token
            if token.start >= e { break }
            guard token.start >= position else { return nil }  // words out of order: not a scan's
            // Only white space between words, and no word of another scan right after one.
            for k in position..<token.start where !ScalarClass.isWhitespace(p[k]) { return nil }
            if token.start == position && position > s && token.spaceBefore { return nil }
            var tokenEnd = token.end
            if tokenEnd > e {
                // The span stops inside the word: a scan of the span finds the same word only when
                // it stops right before the word's possessive and does not itself end in one.
                guard token.kind == .word, w[j].strippedEnd == e else { return nil }
                if WordScanner.endWithoutPossessive(p, token.start, e) < e { return nil }
                var digits = true  // all ASCII digits: a number to such a scan
                for k in token.start..<e where !ScalarClass.isASCIIDigit(p[k]) { digits = false; break }
                if digits { return nil }
                tokenEnd = e
            }
            if token.kind == .word {
                // As `phraseKey`.
                if let connector = connectorHashes[w[j].strippedHash] {
                    key = KeyphraseDocument.extendKey(key, -1 - Int(connector))
                } else if !w[j].isContent {
                    return .some(nil)
                } else {
                    key = KeyphraseDocument.extendKey(key, Int(w[j].term))
                    any = true
                }
            }
            position = tokenEnd
            j += 1
        }
        for k in position..<e where !ScalarClass.isWhitespace(p[k]) { return nil }
        return .some(any ? key : nil)
    }

    /// The candidate key of a name (its words as terms and connectors), or nil when a word of it
    /// is not a term of this article or is a stop word that cannot be inside a phrase.
    func phraseKey(_ p: UnsafeBufferPointer<Unicode.Scalar>, _ connectorHashes: FlatHashMap<Int32>, _ stopHashes: FlatHashMap<Int32>) -> UInt64? {
        var key = FNV1a.offsetBasis
        var any = false
        var i = 0
        var space = true
        while let token = WordScanner.nextToken(p, &i, p.count, space: &space) {
            guard token.kind == .word, let s = p.baseAddress else { continue }
            // Hashed as the shared word pass hashes the article's words.
            let word = ReaderWords.word(s, token, stopHashes)
            if let connector = connectorHashes[word.strippedHash] {
                key = KeyphraseDocument.extendKey(key, -1 - Int(connector))
            } else if !word.isContent {
                return nil
            } else if let term = termIndex[word.stemHash] {
                key = KeyphraseDocument.extendKey(key, Int(term))
                any = true
            } else {
                return nil
            }
        }
        return any ? key : nil
    }
}
