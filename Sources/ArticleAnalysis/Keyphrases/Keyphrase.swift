/// A phrase that says what the article is about, with its score (higher is better).
public struct Keyphrase: Sendable, Equatable {
    public var text: String
    public var score: Double
    public init(text: String, score: Double) { self.text = text; self.score = score }
}

/// Picks the phrases that best say what an article is about, from statistics of the article
/// itself (no part-of-speech tagger, no corpus), in the spirit of YAKE (Campos et al., 2020):
/// casing, position and frequency of words, and how often a phrase recurs as a unit.
///
/// 1. Candidates are runs of one to four words inside a sentence, not crossing punctuation or a
///    number, that start and end with a content word; inside, only connectors such as "of", "on",
///    "the" may appear ("attacks on the West"). Stop words (see `EnglishWords`) are never a
///    candidate alone, and a run that cuts a sequence of capitalised words in two ("leader of
///    Jabhat" out of "Jabhat al-Nusrah") is not a candidate. Words are counted by stem.
/// 2. Each content word weighs 1 + ln(frequency), up to double when written as a name or acronym
///    away from a sentence start, up to half again when it first appears in the lede.
/// 3. A candidate scores the geometric mean of its words' weights times 1 + ln(how often it
///    recurs as a unit), with a small bonus for two- and three-word phrases and a penalty for a
///    lone common noun. Candidates that name an entity (its name, an alias or a mention) recur as
///    often as the entity is mentioned and are boosted by its salience relative to the most
///    salient entity.
/// 4. Near duplicates fold: a phrase whose stemmed content words equal those of a better one
///    ("attack the West" after "attacks on the West"), that names the same entity as a better
///    one, that is a name holding or held by a better name ("Khashoggi", "Jamal Khashoggi"), or
///    that only ever occurs inside a better one ("Khorasan" inside "Khorasan Group"), is dropped.
///    Adverbs ("-ly") never appear in a phrase, and one never ends in "-ed" ("crashed").
///
/// The reported score is the phrase's raw score over the best phrase's (1 for the best, falling).
public struct KeyphraseExtractor: Sendable {
    public var count = 10
    public var maximumWords = 4

    public init() {}

    public func extract(_ text: ScalarText, _ segmentation: Segmentation, _ entities: [Entity]) -> [Keyphrase] {
        extract(text, ReaderWords(text.scalars, segmentation), entities)
    }

    /// As above, with the article's words already scanned (shared with summary and tone).
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func extract(_ text: ScalarText, _ words: ReaderWords, _ entities: [Entity]) -> [Keyphrase] {
        var document = KeyphraseDocument(text.scalars, words, maximumWords: maximumWords)
        document.scoreWords()
        return document.select(count: count, entities: entities, text: text)
    }
}

/// The statistics one extraction needs: words, their terms, and the candidate phrases.
///
/// Words are identified by hashes (`WordHash`) and terms by number, so counting and lookups
/// build no strings; only the chosen phrases become `String`s. A candidate is a run of words
/// (`first...last`), so comparing two candidates reads their words' term numbers in place.
/// Positions and counts are 32-bit, so that words, terms and candidates take half the memory
/// (each article's arrays are new, cold memory).
struct KeyphraseDocument {
    struct Word {
        var start: Int32
        /// The end without a possessive ("al-Qaeda’s" ends before "’s").
        var end: Int32
        /// The term (stem) number for a content word; -1 - connector number for a connector;
        /// `Int32.min` for other stop words.
        var term: Int32
        /// Words in one segment are not separated by punctuation, a number or a sentence end.
        var segment: Int32
        var flags: Flags

        /// What a word is, and what its neighbours in the same segment are (noted as the next word
        /// is read, so that building the candidates reads a flag instead of the words around); one
        /// byte, so that a word is 20 bytes.
        struct Flags: OptionSet {
            let rawValue: UInt8
            /// Written with a capital somewhere ("Syria", "al-Qaeda", "FSB").
            static let nameLike = Flags(rawValue: 1)
            static let firstInSentence = Flags(rawValue: 2)
            /// "-ly" adverb: never inside a phrase (noted for content words: no other word can be one).
            static let adverb = Flags(rawValue: 4)
            /// "-ed" word: never at the end of a phrase (noted for content words, the only ends).
            static let pastTense = Flags(rawValue: 8)
            /// The next word has a capital ("use Syria").
            static let precedesName = Flags(rawValue: 16)
            /// Name-like, and the next word is a name-like content word: a phrase ending here would
            /// cut a name in two ("leader of Jabhat" | "al-Nusrah").
            static let precedesNamePart = Flags(rawValue: 32)
            /// Name-like, and the word before is a name-like content word: a phrase starting here
            /// would cut a name in two.
            static let followsNamePart = Flags(rawValue: 64)
        }

        var isNameLike: Bool { flags.contains(.nameLike) }
        var isFirstInSentence: Bool { flags.contains(.firstInSentence) }
        var isAdverb: Bool { flags.contains(.adverb) }
        var isPastTense: Bool { flags.contains(.pastTense) }
        var precedesName: Bool { flags.contains(.precedesName) }
        var precedesNamePart: Bool { flags.contains(.precedesNamePart) }
        var followsNamePart: Bool { flags.contains(.followsNamePart) }
        var isContent: Bool { term >= 0 }
        var isConnector: Bool { term < 0 && term != Int32.min }
    }

    struct Term {
        var count: Int32 = 0
        var nameCount: Int32 = 0
        var acronymCount: Int32 = 0
        var firstSentence: Int32
        var score = 0.0
        /// ln(score), computed when a phrase of three or more content words first needs it.
        var logScore = Double.nan
    }

    struct Candidate {
        /// The phrase's key: its terms and connectors, hashed (`extendKey`).
        var key: UInt64
        var score = 0.0
        /// First and last word of the first occurrence.
        var first: Int32
        var last: Int32
        /// The first occurrence not at a sentence start (its casing is the phrase's own), or -1.
        var midSentenceFirst: Int32 = -1
        var count: Int32 = 0
        var contentWords: Int32 = 0
        /// The words of the first occurrence.
        var words: ClosedRange<Int> { Int(first)...Int(last) }
    }

    /// What a candidate key that names an entity (its name, an alias or a mention) stands for.
    struct EntityKey {
        var entity: Int
        /// Salience relative to the most salient entity.
        var salience: Double
        var mentions: Int
    }

    let scalars: [Unicode.Scalar]
    /// The shared word pass, read again to key entity mentions (`wordsKey`).
    let readerWords: ReaderWords
    var words: [Word]
    var terms: [Term]
    var termIndex: HashIndex
    var candidates: [Candidate]

    init(_ scalars: [Unicode.Scalar], _ segmentation: Segmentation, maximumWords: Int) {
        self.init(scalars, ReaderWords(scalars, segmentation), maximumWords: maximumWords)
    }

    init(_ scalars: [Unicode.Scalar], _ readerWords: ReaderWords, maximumWords: Int) {
        self.scalars = scalars
        self.readerWords = readerWords
        var terms: [Term] = []
        var contentWordCount = 0
        // Words and terms are written in place: appending to and updating an array checks its
        // storage every time, and this runs for every word of every article.
        let words = [Word](unsafeUninitializedCapacity: readerWords.words.count) { wordBuffer, wordCount in
            terms = [Term](unsafeUninitializedCapacity: readerWords.termCount) { termBuffer, termCount in
                (wordCount, termCount, contentWordCount) = KeyphraseDocument.fill(wordBuffer, termBuffer, scalars, readerWords)
            }
        }
        self.words = words
        self.terms = terms
        termIndex = readerWords.termIndex
        candidates = KeyphraseDocument.candidates(of: words, contentWords: contentWordCount, maximumWords: maximumWords)
    }

    /// Writes the words of `readerWords` (words proper, not numbers nor punctuation) and their
    /// terms, numbered as the shared pass numbered the stems (in order of first occurrence);
    /// returns how many of each it wrote, and how many of the words are content words.
    private static func fill(_ wordBuffer: UnsafeMutableBufferPointer<Word>, _ termBuffer: UnsafeMutableBufferPointer<Term>,
                             _ scalars: [Unicode.Scalar], _ readerWords: ReaderWords) -> (words: Int, terms: Int, contentWords: Int) {
        let connectorHashes = EnglishWords.connectorHashes
        var wordCount = 0, termCount = 0, contentWordCount = 0
        // Positions fit in 32 bits (checked once here, not for every word).
        precondition(scalars.count < Int(Int32.max), "text too long")
        scalars.withUnsafeBufferPointer { p in
            readerWords.words.withUnsafeBufferPointer { readerWordList in
                guard let text = p.baseAddress, let list = readerWordList.baseAddress,
                      let words = wordBuffer.baseAddress, let terms = termBuffer.baseAddress else { return }
                var segment: Int32 = 0
                for sentence in readerWords.spans.indices {
                    segment &+= 1
                    var firstInSentence = true
                    let range = readerWords.range(sentence)
                    precondition(range.lowerBound >= 0 && range.upperBound <= readerWordList.count)
                    for index in range {
                        let readerWord = list + index
                        let token = readerWord.pointee.token
                        guard token.kind == .word else {
                            segment &+= 1  // punctuation and numbers end a phrase
                            continue
                        }
                        let end = readerWord.pointee.strippedEnd
                        let isNameLike = readerWord.pointee.hasUppercase
                        var term = Int32.min
                        var flags: Word.Flags = isNameLike ? .nameLike : []
                        if firstInSentence { flags.insert(.firstInSentence) }
                        if readerWord.pointee.isContent {
                            // Content words are counted by stem, so "attack" and "attacks" share statistics.
                            term = readerWord.pointee.term
                            contentWordCount += 1
                            let t = Int(term)
                            if t == termCount {
                                precondition(t < termBuffer.count)
                                (terms + t).initialize(to: Term(firstSentence: Int32(sentence)))
                                termCount += 1
                            } else {
                                precondition(t >= 0 && t < termCount, "stems numbered out of order")
                            }
                            terms[t].count &+= 1
                            if readerWord.pointee.isAllCaps {
                                terms[t].acronymCount &+= 1
                            } else if isNameLike && (!firstInSentence || !WordScanner.isUppercase(text[token.start])) {
                                terms[t].nameCount &+= 1  // "Syria" mid-sentence, "al-Qaeda" anywhere
                            }
                            if !isNameLike {
                                let endings = KeyphraseDocument.endings(text, token.start, end)
                                if endings.isAdverb { flags.insert(.adverb) }
                                if endings.isPastTense { flags.insert(.pastTense) }
                            }
                        } else if let connector = connectorHashes[readerWord.pointee.strippedHash] {
                            term = -1 - Int32(connector)
                        }
                        // Name-like after a word of the same segment: flags for both.
                        if isNameLike && wordCount > 0 && words[wordCount - 1].segment == segment {
                            let before = words + (wordCount - 1)
                            var beforeFlags = before.pointee.flags
                            beforeFlags.insert(.precedesName)
                            if beforeFlags.contains(.nameLike) {
                                if before.pointee.term >= 0 { flags.insert(.followsNamePart) }
                                if term >= 0 { beforeFlags.insert(.precedesNamePart) }
                            }
                            before.pointee.flags = beforeFlags
                        }
                        precondition(wordCount < wordBuffer.count)
                        (words + wordCount).initialize(to: Word(start: Int32(truncatingIfNeeded: token.start),
                                                                end: Int32(truncatingIfNeeded: end),
                                                                term: term, segment: segment, flags: flags))
                        wordCount += 1
                        firstInSentence = false
                    }
                }
            }
        }
        return (wordCount, termCount, contentWordCount)
    }

    /// Whether a lower-case word of more than four letters is an "-ly" adverb (not "-ply" as in
    /// "supply", nor "-ally" unless "-ically": "rally") or an "-ed" past tense (not "-eed" as in
    /// "speed", nor "-dred").
    @inline(__always)
    static func endings(_ p: UnsafePointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> (isAdverb: Bool, isPastTense: Bool) {
        let n = end - start
        guard n > 4 else { return (false, false) }
        let last = p[end - 1].value, second = p[end - 2].value, third = p[end - 3].value
        if second == 0x6C && last == 0x79 {  // "ly"
            if third == 0x70 { return (false, false) }  // "ply"
            let ally = third == 0x6C && p[end - 4].value == 0x61
            let ically = ally && n > 6 && p[end - 5].value == 0x63 && p[end - 6].value == 0x69
            return (!ally || ically, false)
        }
        if second == 0x65 && last == 0x64 {  // "ed"
            let eed = third == 0x65
            let dred = third == 0x72 && p[end - 4].value == 0x64
            return (false, !eed && !dred)
        }
        return (false, false)
    }

    /// The key of a phrase one word longer: `key` extended by a term or connector number (a
    /// multiply and a shift mix the bits; keys only need to tell this article's phrases apart).
    @inline(__always)
    static func extendKey(_ key: UInt64, _ term: Int) -> UInt64 {
        let h = (key ^ UInt64(bitPattern: Int64(term))) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }

    /// Every candidate phrase of `words` (see `KeyphraseExtractor`), each once, in order of first
    /// occurrence; `contentWordCount` is the number of content words among `words`.
    static func candidates(of words: [Word], contentWords contentWordCount: Int, maximumWords: Int) -> [Candidate] {
        // Each content word starts at most `maximumWords` candidates: they are written in place
        // (appending and updating an array checks its storage every time).
        // Candidates are found by key in an open-addressing table of candidate numbers (the keys
        // are read from the candidates themselves, so a slot is 4 bytes). About 1.3 candidates per
        // content word: sized for a load of at most a half, it doubles if there are more.
        var table = CandidateTable(capacity: contentWordCount * 3 / 2)
        defer { table.deallocate() }
        return [Candidate](unsafeUninitializedCapacity: contentWordCount * max(0, maximumWords)) { buffer, count in
            count = 0
            words.withUnsafeBufferPointer { w in
                guard let w = w.baseAddress, let candidates = buffer.baseAddress else { return }
                let wordCount = words.count
                for first in 0..<wordCount where w[first].isContent {
                    if w[first].followsNamePart || w[first].isAdverb { continue }
                    // A lower-case word right before a name is rarely part of a noun phrase with it
                    // ("use Syria", "embattled Syrian president").
                    let segment = w[first].segment
                    let startsBeforeName = !w[first].isNameLike && w[first].precedesName
                    let midSentence = !w[first].isFirstInSentence
                    var key = WordHash.seed
                    var contentWords: Int32 = 0
                    var last = first
                    while last < wordCount, last - first < maximumWords, w[last].segment == segment {
                        let word = w[last]
                        if !(word.isContent || word.isConnector) || word.isAdverb { break }
                        key = KeyphraseDocument.extendKey(key, Int(word.term))
                        if word.isContent {
                            contentWords &+= 1
                            if !(word.precedesNamePart || word.isPastTense
                                    || (startsBeforeName && last > first)) {
                                let index = table.number(of: key, candidates, ifAbsent: count)
                                if index == count {
                                    precondition(count < buffer.count)
                                    (candidates + count).initialize(to: Candidate(key: key, first: Int32(truncatingIfNeeded: first),
                                                                                  last: Int32(truncatingIfNeeded: last),
                                                                                  midSentenceFirst: midSentence ? Int32(truncatingIfNeeded: first) : -1,
                                                                                  count: 1, contentWords: contentWords))
                                    count += 1
                                } else {
                                    candidates[index].count &+= 1
                                    if candidates[index].midSentenceFirst < 0 && midSentence {
                                        candidates[index].midSentenceFirst = Int32(truncatingIfNeeded: first)
                                    }
                                }
                            }
                        }
                        last += 1
                    }
                }
            }
        }
    }

    /// ln(n) for the small counts that term frequencies and phrase recurrences are
    /// (`ReaderMath.log`, looked up instead of computed for each term and candidate).
    static let logOfSmallCount: [Double] = (0..<128).map { ReaderMath.log(Double($0)) }

    @inline(__always)
    static func logOfCount(_ n: Double, _ table: [Double]) -> Double {
        if n >= 1 && n < Double(table.count) { return table[Int(n)] }
        return ReaderMath.log(n)
    }

    /// The weight of every content term (higher is more important): how often it occurs
    /// (1 + ln tf), how often it is written as a name or acronym away from a sentence start (up to
    /// doubling), and how early it first appears (up to half again for the lede).
    mutating func scoreWords() {
        let logs = KeyphraseDocument.logOfSmallCount
        terms.withUnsafeMutableBufferPointer { terms in
            for t in terms.indices {
                let term = terms[t]
                let tf = Double(term.count)
                let nameRatio = Double(max(term.nameCount, term.acronymCount)) / tf
                let position = 1 + 0.5 / Double(1 + term.firstSentence)
                terms[t].score = (1 + KeyphraseDocument.logOfCount(tf, logs)) * (1 + nameRatio) * position
            }
        }
    }

    /// The occurrence that shows a candidate: its first one away from a sentence start, if any.
    func shown(_ candidate: Candidate) -> (first: Int, last: Int) {
        let first = Int(candidate.midSentenceFirst >= 0 ? candidate.midSentenceFirst : candidate.first)
        return (first, first + Int(candidate.last - candidate.first))
    }

    /// True when every word of the shown occurrence has a capital ("Jamal Khashoggi", "al-Qaeda").
    func isName(_ candidate: Candidate) -> Bool {
        let (first, last) = shown(candidate)
        for w in first...last where !words[w].isNameLike { return false }
        return true
    }

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
        var scratch = UnsafeMutableBufferPointer<Unicode.Scalar>(start: nil, count: 0)
        defer { scratch.deallocate() }
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
        private var index: HashIndex
        private var keys: [EntityKey] = []

        init(capacity: Int) {
            index = HashIndex(capacity: max(16, capacity))
            keys.reserveCapacity(capacity)
        }

        /// Lets `key` stand for `entity` unless it already stands for another one.
        mutating func add(_ key: UInt64?, _ entity: EntityKey) {
            guard let key, !index.contains(key) else { return }
            index.insert(key, Int32(keys.count))
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
                         _ scratch: inout UnsafeMutableBufferPointer<Unicode.Scalar>) -> UInt64? {
        if let span, KeyphraseDocument.spells(form, text, span), let key = wordsKey(span, text, readerWordList) {
            return key
        }
        var form = form
        return form.withUTF8 { utf8 -> UInt64? in
            if utf8.count > scratch.count {
                scratch.deallocate()
                scratch = .allocate(capacity: max(64, utf8.count))
            }
            let length = ScalarText.decode(utf8, into: scratch)
            return phraseKey(UnsafeBufferPointer(rebasing: scratch[..<length]), EnglishWords.connectorHashes, EnglishWords.stopHashes)
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
        var key = WordHash.seed
        var any = false
        var position = s
        while j < count {
            let token = w[j].token
            if token.start >= e { break }
            guard token.start >= position else { return nil }  // words out of order: not a scan's
            // Only white space between words, and no word of another scan right after one.
            for k in position..<token.start where !WordScanner.isSpace(p[k]) { return nil }
            if token.start == position && position > s && token.spaceBefore { return nil }
            var tokenEnd = token.end
            if tokenEnd > e {
                // The span stops inside the word: a scan of the span finds the same word only when
                // it stops right before the word's possessive and does not itself end in one.
                guard token.kind == .word, w[j].strippedEnd == e else { return nil }
                if WordScanner.endWithoutPossessive(p, token.start, e) < e { return nil }
                var digits = true  // all ASCII digits: a number to such a scan
                for k in token.start..<e where !WordScanner.isASCIIDigit(p[k]) { digits = false; break }
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
        for k in position..<e where !WordScanner.isSpace(p[k]) { return nil }
        return .some(any ? key : nil)
    }

    /// Scores candidates, folds near duplicates and returns the best `count`.
    mutating func select(count: Int, entities: [Entity], text: ScalarText) -> [Keyphrase] {
        let entityKeys = entityKeys(entities)
        scoreCandidates(entityKeys)
        var ranking = Ranking(candidates, batchSize: 2 * count)
        defer { ranking.deallocate() }

        var chosen: [Keyphrase] = []
        // Per chosen phrase: its candidate, its number of distinct stems, whether it is a name.
        var chosenCandidates: [Int] = []
        var chosenStemCounts: [Int] = []
        var chosenIsName: [Bool] = []
        var chosenEntities: [Int] = []
        var best = 0.0
        let reserve = max(0, count)
        chosen.reserveCapacity(reserve)
        chosenCandidates.reserveCapacity(reserve)
        chosenStemCounts.reserveCapacity(reserve)
        chosenIsName.reserveCapacity(reserve)
        chosenEntities.reserveCapacity(reserve)
        while chosen.count < count, let c = ranking.next() {
            let candidate = candidates[c]
            let phrase = candidate.words
            if chosenCandidates.contains(where: { sameStems(phrase, candidates[$0].words) }) { continue }
            let entity = entityKeys[candidate.key]?.entity
            if let entity, chosenEntities.contains(entity) { continue }
            // A name and a part of it ("Khashoggi", "Jamal Khashoggi") name one thing: keep the better.
            let isName = isName(candidate)
            if isName, chosenCandidates.indices.contains(where: { k in
                let other = candidates[chosenCandidates[k]].words
                return chosenIsName[k] && (stems(of: other, areIn: phrase) || stems(of: phrase, areIn: other))
            }) { continue }
            // Only ever seen inside a phrase already chosen ("Khorasan" after "Khorasan Group"), a
            // common word inside a chosen phrase that is not a name ("investigation" after
            // "investigation of Ford"; "fire" stays after "State Fire Brigade"), or holding a
            // chosen phrase of two or more words ("criminal investigation of Ford").
            let isCommonWord = candidate.contentWords == 1 && !isName
            var folded = false
            for k in chosenCandidates.indices {
                let chosenCandidate = candidates[chosenCandidates[k]]
                let other = chosenCandidate.words
                if contains(other, phrase) && ((isCommonWord && !chosenIsName[k]) || chosenCandidate.count >= candidate.count)
                    || contains(phrase, other) && chosenStemCounts[k] >= 2 {
                    folded = true
                    break
                }
            }
            if folded { continue }
            if best == 0 { best = candidate.score }
            let (first, last) = shown(candidate)
            let surface = text[TextSpan(start: Int(words[first].start), end: Int(words[last].end))]
            chosen.append(Keyphrase(text: surface, score: best > 0 ? candidate.score / best : 1))
            chosenCandidates.append(c)
            chosenStemCounts.append(distinctStems(phrase))
            chosenIsName.append(isName)
            if let entity { chosenEntities.append(entity) }
        }
        return chosen
    }

    /// Scores every candidate: the geometric mean of its words' weights, so length alone neither
    /// helps nor hurts, times 1 + ln(how often the phrase recurs as a unit), with a small bonus for
    /// two- and three-word phrases (more informative than a single word of equal weight).
    mutating func scoreCandidates(_ entityKeys: EntityKeys) {
        let logs = KeyphraseDocument.logOfSmallCount
        words.withUnsafeBufferPointer { words in
            terms.withUnsafeMutableBufferPointer { terms in
                candidates.withUnsafeMutableBufferPointer { candidates in
                    guard let w = words.baseAddress, let t = terms.baseAddress else { return }
                    for c in candidates.indices {
                        let candidate = candidates[c]
                        let first = Int(candidate.first), last = Int(candidate.last)
                        precondition(first >= 0 && last < words.count)
                        let mean: Double
                        switch candidate.contentWords {
                        case 1:
                            mean = terms[Int(w[first].term)].score
                        case 2:
                            mean = (terms[Int(w[first].term)].score * terms[Int(w[last].term)].score).squareRoot()
                        default:
                            var logSum = 0.0
                            for k in first...last where w[k].isContent {
                                let term = Int(w[k].term)
                                precondition(term < terms.count)
                                // ln of a term's score, computed once, when first needed.
                                if t[term].logScore.isNaN { t[term].logScore = ReaderMath.log(t[term].score) }
                                logSum += t[term].logScore
                            }
                            mean = ReaderMath.exp(logSum / Double(candidate.contentWords))
                        }
                        let lengthBonus = candidate.contentWords == 2 || candidate.contentWords == 3 ? 1.2 : (candidate.contentWords >= 4 ? 1.1 : 1.0)
                        var recurrence = Double(candidate.count)
                        var specificity = 1.0
                        if let entity = entityKeys[candidate.key] {
                            // An entity recurs under all its names ("Islamic State" and "IS").
                            recurrence = max(recurrence, Double(entity.mentions))
                            specificity = 1.5 + 1.5 * entity.salience
                        } else if candidate.contentWords == 1 {
                            // A lone common noun ("groups") says less than a name or a phrase.
                            let shown = candidate.midSentenceFirst >= 0 ? Int(candidate.midSentenceFirst) : first
                            if !words[shown].isNameLike { specificity = 0.75 }
                        }
                        let recurrenceLog = recurrence == 1 ? 0 : KeyphraseDocument.logOfCount(recurrence, logs)
                        candidates[c].score = mean * (1 + recurrenceLog) * lengthBonus * specificity
                    }
                }
            }
        }
    }

    /// The candidates best first, taken one at a time: by score, then by candidate number (first
    /// occurrence). `select` usually takes a dozen or two of a few hundred candidates, so they are
    /// picked a batch at a time, each batch the best few after the last one taken, kept in order by
    /// insertion (with their scores, so that placing one reads no other candidate): one pass over
    /// the candidates for a batch, where sorting them all costs several.
    struct Ranking {
        struct Entry {
            var score: Double
            var candidate: Int
        }
        private let candidates: [Candidate]
        private let batchSize: Int
        /// The current batch, best first, and the next entry to take from it.
        private let batch: UnsafeMutablePointer<Entry>
        private var batchCount = 0
        private var position = 0

        init(_ candidates: [Candidate], batchSize: Int) {
            self.candidates = candidates
            self.batchSize = max(1, batchSize)
            batch = .allocate(capacity: self.batchSize)
        }

        func deallocate() { batch.deallocate() }

        /// True when `a` ranks before `b`: a higher score, or an equal score and an earlier candidate.
        @inline(__always)
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.score != b.score ? a.score > b.score : a.candidate < b.candidate
        }

        /// The best candidate not taken yet, or nil when all are taken.
        mutating func next() -> Int? {
            if position == batchCount {
                refill(after: batchCount > 0 ? batch[batchCount - 1] : nil)
                if batchCount == 0 { return nil }
            }
            position += 1
            return batch[position - 1].candidate
        }

        /// Makes the batch the best `batchSize` candidates that rank after `last` (all candidates
        /// when nil).
        private mutating func refill(after last: Entry?) {
            let batch = self.batch, size = batchSize
            var n = 0
            candidates.withUnsafeBufferPointer { c in
                let after = last ?? Entry(score: 0, candidate: -1)
                for k in c.indices {
                    let entry = Entry(score: c[k].score, candidate: k)
                    if last != nil && !Ranking.precedes(after, entry) { continue }
                    if n == size {
                        // Most candidates: a lower score than the batch's last.
                        if entry.score < batch[size - 1].score || !Ranking.precedes(entry, batch[size - 1]) { continue }
                        n -= 1
                    }
                    // After every entry it does not precede (ties keep candidate order).
                    var i = n
                    while i > 0 && Ranking.precedes(entry, batch[i - 1]) {
                        batch[i] = batch[i - 1]
                        i -= 1
                    }
                    batch[i] = entry
                    n += 1
                }
            }
            batchCount = n
            position = 0
        }
    }

    /// True when every stem (content term) of the words `inner` is also a stem of the words `outer`.
    func stems(of inner: ClosedRange<Int>, areIn outer: ClosedRange<Int>) -> Bool {
        for i in inner where words[i].term >= 0 {
            var found = false
            for o in outer where words[o].term == words[i].term { found = true; break }
            if !found { return false }
        }
        return true
    }

    /// True when two runs of words have the same set of stems.
    func sameStems(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Bool {
        stems(of: a, areIn: b) && stems(of: b, areIn: a)
    }

    /// The number of distinct stems among the words `range`.
    func distinctStems(_ range: ClosedRange<Int>) -> Int {
        var n = 0
        for i in range where words[i].term >= 0 {
            var repeated = false
            for j in range.lowerBound..<i where words[j].term == words[i].term { repeated = true; break }
            if !repeated { n += 1 }
        }
        return n
    }

    /// True when the term sequence of the words `outer` holds that of the words `inner` as a
    /// contiguous run and is longer.
    func contains(_ outer: ClosedRange<Int>, _ inner: ClosedRange<Int>) -> Bool {
        guard outer.count > inner.count else { return false }
        let length = inner.count
        for start in outer.lowerBound...(outer.upperBound - length + 1) {
            var k = 0
            while k < length && words[start + k].term == words[inner.lowerBound + k].term { k += 1 }
            if k == length { return true }
        }
        return false
    }

    /// The candidate key of a name (its words as terms and connectors), or nil when a word of it
    /// is not a term of this article or is a stop word that cannot be inside a phrase.
    func phraseKey(_ p: UnsafeBufferPointer<Unicode.Scalar>, _ connectorHashes: HashIndex, _ stopHashes: HashIndex) -> UInt64? {
        var key = WordHash.seed
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
