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
    var termIndex: FlatHashMap<Int32>
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
                            } else if isNameLike && (!firstInSentence || !ScalarClass.isUppercase(text[token.start])) {
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
                    var key = FNV1a.offsetBasis
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
}
