/// Turns quoted passages into direct quotes: keeps the ones that are speech and finds who said them.
///
/// A passage is speech when a speech verb is next to it ("said, "...", "...," she said), when it
/// opens its paragraph or follows a colon, when it runs over paragraphs or never closes, or when it
/// is long (six words or more). It is not speech when it reads like a title or a name (every
/// content word capitalised: "Person of the Year", "Welcome To Video"), and short quoted phrases
/// without a speech verb next to them are scare quotes or terms ("road load", "major").
struct DirectQuotes {
    let doc: QuoteDocument
    let resolver: SpeakerResolver
    /// When not empty, decides for passages of four words or more whether they are speech
    /// (`QuoteDecision.isSpeech`), with the rules' answer as one of its features.
    var model: QuoteModel = .empty

    /// One found direct quote and the verb that attributed it.
    struct Found {
        var passage: Int
        var speaker: Speaker?
        var cue: QuoteWords?
        var cueToken: Int?
    }

    /// `everyLongPassage`: for training, also attribute passages of four words or more that are
    /// not taken for speech, so the source ranker learns from every gold quote.
    func find(everyLongPassage: Bool = false) -> [Found] {
        var found: [Found] = []
        var speakerOf = [Speaker?](repeating: nil, count: doc.passages.count)
        var accepted = [Bool](repeating: false, count: doc.passages.count)
        var features = QuoteFeatures()
        for p in doc.passages.indices {
            let post = postCue(p)
            guard speech(p, post: post, features: &features) || everyLongPassage && wordCount(p) >= 4 else { continue }
            accepted[p] = true
            var result = Found(passage: p, speaker: nil, cue: nil, cueToken: nil)
            attribute(p, post: post, into: &result, previous: { q in
                var k = q - 1
                while k >= 0 && !accepted[k] { k -= 1 }
                guard k >= 0, doc.passages[q].firstParagraph - doc.passages[k].lastParagraph <= 1 else { return nil }
                return speakerOf[k]
            })
            speakerOf[p] = result.speaker
            found.append(result)
        }
        return found
    }

    // MARK: Is it speech?

    private func wordCount(_ p: Int) -> Int {
        let inside = insideTokens(p)
        return QuoteFeatureSource(doc: doc, resolver: resolver).words(inside.lowerBound, inside.upperBound)
    }

    /// The rules' answer, or the model's for closed one-paragraph passages of four words or more.
    private func speech(_ p: Int, post: (token: Int, adjacent: Bool, words: Int)?, features f: inout QuoteFeatures) -> Bool {
        let rule = isSpeech(p, post: post)
        guard !model.isEmpty else { return rule }
        // Unclosed and multi-paragraph passages stay with the rules: the corpus the model learns
        // from pairs closing marks only, so it has no examples of them.
        let passage = doc.passages[p]
        guard wordCount(p) >= 4, !passage.isUnclosed, passage.segments.count == 1 else { return rule }
        speechFeatures(p, rule: rule, post: post, into: &f)
        return model.says(.isSpeech, f)
    }

    /// Features of passage `p` for "these are someone's words".
    func speechFeatures(_ p: Int, rule: Bool, post: (token: Int, adjacent: Bool, words: Int)?, into f: inout QuoteFeatures) {
        let source = QuoteFeatureSource(doc: doc, resolver: resolver)
        let passage = doc.passages[p]
        let inside = insideTokens(p)
        let open = doc.openToken[p], close = doc.closeToken[p]
        f.start(.isSpeech)
        f.add(1, rule ? 1 : 0)
        let words = QuoteFeatureSource.bucket(source.words(inside.lowerBound, inside.upperBound))
        f.add(2, words)
        f.add(3, rule ? 1 : 0, words)
        f.add(4, isTitleLike(inside) ? 1 : 0)
        f.add(5, post.map { QuoteFeatureSource.bucket($0.words) } ?? 9)
        f.add(6, source.wordClass(open - 1)); f.add(7, source.wordClass(close >= 0 ? close + 1 : -1))
        f.add(8, source.key(open - 1), source.key(open - 2))
        f.add(9, (passage.isUnclosed ? 1 : 0) + (passage.segments.count > 1 ? 2 : 0))
        f.add(10, open <= 0 || doc.tokens[open - 1].paragraph != doc.tokens[open].paragraph ? 1 : 0)
        // A speech verb among the four words before the opening mark, and anywhere in the sentence.
        var verbBefore: UInt64 = 0, seen = 0
        var t = open - 1
        while t >= 0 && seen < 4 && doc.tokens[t].paragraph == doc.tokens[max(open, 0)].paragraph {
            if doc.tokens[t].isWord {
                if !doc.tokens[t].flags.isDisjoint(with: [.speechVerb, .shortQuoteVerb, .reportVerb]) { verbBefore = UInt64(seen + 1); break }
                seen += 1
            }
            t -= 1
        }
        f.add(11, verbBefore)
        var verbInSentence: UInt64 = 0
        for k in doc.sentenceRange(of: inside.lowerBound) where doc.tokens[k].isWord && doc.tokens[k].passage < 0
            && !doc.tokens[k].flags.isDisjoint(with: [.speechVerb, .reportVerb]) { verbInSentence = 1; break }
        f.add(12, verbInSentence, words)
        // Inside: the first word's case, a sentence end inside, the last mark.
        f.add(13, doc.tokens[inside.lowerBound].isCapitalized ? 1 : 0, words)
        let lastMark = inside.upperBound > inside.lowerBound && !doc.tokens[inside.upperBound - 1].isWord ? doc.tokens[inside.upperBound - 1].key : 0
        f.add(14, lastMark)
        f.add(15, source.key(inside.lowerBound))
        var pronouns: UInt64 = 0
        for k in inside where doc.tokens[k].isWord && (doc.tokens[k].key == QuoteKeys.i || doc.tokens[k].key == QuoteKeys.we) { pronouns = 1; break }
        f.add(16, pronouns, words)
    }

    func isSpeech(_ p: Int, post: (token: Int, adjacent: Bool, words: Int)?) -> Bool {
        let passage = doc.passages[p]
        let inside = insideTokens(p)
        var words = 0
        for t in inside where doc.tokens[t].isWord { words += 1 }
        guard words > 0 else { return false }
        if isTitleLike(inside) { return false }
        if passage.isUnclosed || passage.segments.count > 1 { return true }
        if words >= 6 { return true }
        if let post, post.words <= (words <= 3 ? 6 : 9) { return true }
        let open = doc.openToken[p]
        if open >= 0 {
            if open == 0 || doc.tokens[open - 1].paragraph != doc.tokens[open].paragraph { return words >= 2 }
            // A speech verb among the last four words before the opening mark, or a colon.
            var t = open - 1, seen = 0
            if doc.tokens[t].mark == 0x3A { return true }
            while t >= 0 && seen < 4 && doc.tokens[t].paragraph == doc.tokens[open].paragraph {
                let token = doc.tokens[t]
                if token.passage >= 0 || token.closesPassage >= 0 || doc.isTerminator(t) { break }
                if token.isWord {
                    if !token.flags.isDisjoint(with: [.speechVerb, .shortQuoteVerb]) { return true }
                    seen += 1
                }
                t -= 1
            }
        }
        return false
    }

    /// The tokens inside passage `p` (its marks left out): they are consecutive.
    func insideTokens(_ p: Int) -> Range<Int> {
        let open = doc.openToken[p]
        var t = open >= 0 ? open + 1 : 0
        while t < doc.tokens.count && doc.tokens[t].passage != p { t += 1 }
        let first = t
        while t < doc.tokens.count && doc.tokens[t].passage == p { t += 1 }
        return first..<t
    }

    /// Every content word capitalised and no sentence inside: a title or a name.
    private func isTitleLike(_ inside: Range<Int>) -> Bool {
        var content = 0
        for t in inside {
            let token = doc.tokens[t]
            if !token.isWord {
                if (token.mark == 0x2E || token.mark == 0x3F || token.mark == 0x21), t + 1 < inside.upperBound,
                   doc.tokens[t + 1].isCapitalized, !(token.mark == 0x2E && t > inside.lowerBound && doc.isAbbreviation(t - 1)) { return false }
                continue
            }
            let first = doc.text.scalars[token.start]
            if !ScalarClass.isUppercase(first) && !ScalarClass.isLowercase(first) { continue }  // numbers
            if token.flags.contains(.titleCaseSmallWord) { continue }
            if !token.isCapitalized { return false }
            content += 1
        }
        return content >= 2
    }

    // MARK: Who said it?

    /// A speech verb after the closing mark, within nine words and before the clause ends.
    /// `adjacent` when only punctuation stands between the mark and the verb ("," said X).
    func postCue(_ p: Int) -> (token: Int, adjacent: Bool, words: Int)? {
        let close = doc.closeToken[p]
        guard close >= 0 else { return nil }
        let tokens = doc.tokens
        // After a quotation that ends a sentence, only a short attribution counts ("..." Ford said.)
        let endsSentence = close + 1 < tokens.count && tokens[close + 1].sentence != tokens[close].sentence
        var u = close + 1, words = 0
        var subjectLike = false
        while u < tokens.count && tokens[u].paragraph == tokens[close].paragraph && words < (endsSentence ? 4 : 9) {
            if tokens[u].opensPassage >= 0 || doc.isTerminator(u) || tokens[u].mark == 0x3A { break }
            if tokens[u].isWord {
                if isCue(u) {
                    // Only a subject may stand between: a name, a pronoun or a description.
                    return words == 0 || subjectLike ? (u, words == 0, words) : nil
                }
                if tokens[u].flags.contains(.clauseWord) { return nil }
                if tokens[u].isCapitalized || !tokens[u].flags.isDisjoint(with: [.personPronoun, .groupPronoun, .personRole, .organizationNoun]) {
                    subjectLike = true
                }
                words += 1
            }
            u += 1
        }
        return nil
    }

    /// Token `u` is a speech verb that can attribute a quotation.
    private func isCue(_ u: Int) -> Bool {
        let token = doc.tokens[u]
        guard token.isWord, token.flags.contains(.speechVerb) else { return false }
        if token.key == LexiconTable.according { return doc.isWord(u + 1, QuoteKeys.to) }
        if token.isCapitalized { return false }  // "United States", "Says Who"
        if doc.isWord(u - 1, QuoteKeys.as) { return false }  // "as reported by"
        return true
    }

    private func attribute(_ p: Int, post: (token: Int, adjacent: Bool, words: Int)?, into result: inout Found,
                           previous: (Int) -> Speaker?) {
        let passage = doc.passages[p]
        let tokens = doc.tokens
        let open = doc.openToken[p]
        let close = doc.closeToken[p]

        func take(_ speaker: Speaker?, _ cue: Int?) -> Bool {
            guard let speaker else { return false }
            result.speaker = speaker
            if let cue {
                result.cueToken = cue
                result.cue = doc.cue(cue)
            }
            return true
        }
        func viaPost(_ cue: Int, adjacent: Bool) -> Speaker? {
            let sentenceEnd = doc.sentenceRange(of: cue).upperBound
            if let agent = passiveAgent(cue, limit: sentenceEnd) { return agent }
            if doc.isWord(cue, LexiconTable.according) { return resolver.subjectAfter(cue + 1, limit: sentenceEnd) }
            if adjacent {
                return resolver.subjectAfter(cue, limit: sentenceEnd) ?? resolver.subjectBefore(cue, from: close + 1)
            }
            return resolver.subjectBefore(cue, from: close + 1) ?? resolver.subjectAfter(cue, limit: sentenceEnd)
        }
        func viaPre(_ cue: Int, limit: Int) -> Speaker? {
            if let agent = passiveAgent(cue, limit: limit) { return agent }
            if doc.isWord(cue, LexiconTable.according) { return resolver.subjectAfter(cue + 1, limit: limit) }
            // "X emphasized the need ..., saying "...": the participle shares the main clause's subject.
            if doc.endsIn(cue, "ing"), cue > 0, tokens[cue - 1].mark == 0x2C {
                let sentence = doc.sentenceRange(of: cue)
                if let subject = resolver.firstSubject(in: sentence.lowerBound..<cue) { return subject }
            }
            return resolver.subjectBefore(cue, from: doc.sentenceRange(of: cue).lowerBound)
                ?? resolver.subjectAfter(cue, limit: limit)
        }

        // 1. "...," she said — the usual order when the quotation ends with a comma.
        let innerEnd = passage.span.end - 1
        let last = doc.text.scalars[innerEnd].value
        let commaStyle = close >= 0 && (
            last == 0x2C || last == 0x3F || last == 0x21 || last == 0x2014
            || (close + 1 < tokens.count && (tokens[close + 1].mark == 0x2C || tokens[close + 1].mark == 0x2014)))
        if let post, commaStyle, take(viaPost(post.token, adjacent: post.adjacent), post.token) { return }

        // 2. She said, "..." — a speech verb earlier in the same clause.
        var regionStart = 0
        if open >= 0 {
            regionStart = doc.sentenceRange(of: open).lowerBound
            var t = open - 1
            while t >= regionStart {
                if tokens[t].closesPassage >= 0 || tokens[t].passage >= 0 { regionStart = t + 1; break }
                t -= 1
            }
            var u = open - 1
            while u >= regionStart {
                if isCue(u), take(viaPre(u, limit: open), u) { return }
                u -= 1
            }
            if open > regionStart && tokens[open - 1].mark == 0x3A && take(resolver.firstSubject(in: regionStart..<open), nil) { return }
        }

        // 3. "..." Ford said. — a speech verb after a quotation that ends a sentence.
        if let post, take(viaPost(post.token, adjacent: post.adjacent), post.token) { return }

        // 4. "al-Julani said:" / "He continued:" ending the paragraph before.
        if open >= 0, open > 0, tokens[open - 1].paragraph != tokens[open].paragraph, tokens[open - 1].mark == 0x3A {
            let lead = doc.sentenceRange(of: open - 1)
            var u = open - 2
            while u >= lead.lowerBound {
                if isCue(u), take(viaPre(u, limit: open - 1), u) { return }
                u -= 1
            }
            if take(resolver.firstSubject(in: lead.lowerBound..<(open - 1)), nil) { return }
        }

        // 5. The nearest speech verb earlier in the paragraph ("Zapata said, adding ... . "It's ...").
        if open >= 0 {
            var u = regionStart - 1
            while u >= 0 && tokens[u].paragraph == tokens[open].paragraph {
                if tokens[u].passage < 0, isCue(u) {
                    let sentence = doc.sentenceRange(of: u)
                    if take(viaPre(u, limit: sentence.upperBound), u) { return }
                }
                u -= 1
            }
        }

        // 6. A quotation that follows another one without its own verb: the same speaker.
        if take(previous(p), nil) { return }
    }

    /// "was told by X": the speaker is the agent after "by".
    private func passiveAgent(_ cue: Int, limit: Int) -> Speaker? {
        guard doc.wordFlags(cue - 1).contains(.passiveAuxiliary) else { return nil }
        var u = cue + 1
        while u < min(limit, cue + 4) {
            if doc.isWord(u, QuoteKeys.by) { return resolver.subjectAfter(u, limit: limit) }
            u += 1
        }
        return nil
    }
}
