/// The words of an article as keyphrases, summary and tone read them, scanned, lower-cased,
/// hashed and stemmed once for all three stages (each pass over the text was most of each
/// stage's cost).
///
/// The text is scanned sentence by sentence (paragraph by paragraph without sentences, the whole
/// text without either) with `WordScanner`, or taken from the dates stage's scan of the
/// paragraphs (`ParagraphTokens`), which hashes the words the same way, in the scan's own pass
/// over the scalars (`nextWord`). For every word and number it keeps the `WordHash` of the whole
/// token (what tone looks up), and for every word the end without a possessive, that part's
/// hash and, for a content word (not a stop word, at least two scalars), its stem's hash and the
/// stem's number (what keyphrases and summary count). Numbering the stems here, once,
/// spares both stages a hash-table probe for every content word.
struct ReaderWords: Sendable {
    struct Word: Sendable {
        var token: ReaderToken
        /// The end without a possessive ("al-Qaeda’s" ends before "’s"); `token.end` for numbers
        /// and punctuation. (Kept in 32 bits, like the token's offsets: a word is 40 bytes.)
        private var _strippedEnd: Int32
        var strippedEnd: Int { Int(_strippedEnd) }
        /// `WordHash` of the whole token (words and numbers; 0 for punctuation).
        var hash: UInt64
        /// `WordHash` of the word without its possessive (words only): the token's hash with
        /// the possessive's two scalars undone (`FNV1a.unstep`), worked out when read rather
        /// than stored (a word is 40 bytes, held once per word of the article).
        var strippedHash: UInt64 {
            strippedEnd == token.end ? hash : FNV1a.unstep(FNV1a.unstep(hash, 0x73), 0x27)
        }
        /// Hash of the stem of a content word (see `isContent`).
        var stemHash: UInt64
        /// A word that is not a stop word nor a single scalar (`EnglishWords.contentStemHash`).
        var isContent: Bool
        /// The word without its possessive has an upper-case letter ("Syria", "al-Qaeda", "FSB";
        /// `WordScanner.containsUppercase`).
        var hasUppercase = false
        /// Every letter of the word without its possessive is upper case, and it has two or more
        /// ("FSB", "US"; `WordScanner.isAllCaps`).
        var isAllCaps = false
        /// The same of the whole token, possessive included ("FSB’S" but not "FSB’s"; what tone
        /// reads as a word in capitals).
        var isAllCapsToken = false
        /// The number of the content word's stem, 0, 1, 2, ... in order of first occurrence in
        /// the text (`termIndex` maps `stemHash` to it); -1 for other tokens. (Declared last, it
        /// fits in the padding after the flags: a word stays 40 bytes.)
        var term: Int32 = -1

        @inline(__always)
        init(token: ReaderToken, strippedEnd: Int, hash: UInt64, stemHash: UInt64, isContent: Bool,
             hasUppercase: Bool = false, isAllCaps: Bool = false, isAllCapsToken: Bool = false) {
            self.token = token; _strippedEnd = Int32(truncatingIfNeeded: strippedEnd); self.hash = hash
            self.stemHash = stemHash; self.isContent = isContent; self.hasUppercase = hasUppercase
            self.isAllCaps = isAllCaps; self.isAllCapsToken = isAllCapsToken
        }
    }

    /// The spans scanned, in text order.
    var spans: [TextSpan]
    /// True when `spans` are the segmentation's sentences.
    var spansAreSentences: Bool
    var words: [Word]
    /// Tokens of span `k` are `words[spanStarts[k]..<spanStarts[k + 1]]`.
    var spanStarts: [Int]
    /// The stem number (`Word.term`) of every stem hash (`Word.stemHash`) of the content words.
    var termIndex: FlatHashMap<Int32>
    /// The number of distinct stems (`Word.term` is below it).
    var termCount: Int

    /// The words of the text's sentences; `scanned` holds the paragraphs' words when the dates
    /// stage has scanned them (`ParagraphTokens`), so that only sentences they do not give
    /// exactly are scanned again. When the sentences hold exactly the paragraphs' words, in
    /// order (nearly every article), the pass takes that array over (`takeWords`): pass the
    /// only copy of `scanned` and the words are numbered in place, not copied.
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    init(_ scalars: [Unicode.Scalar], _ segmentation: Segmentation, scanned: consuming ParagraphTokens? = nil) {
        var spans = segmentation.sentences.map(\.span)
        spansAreSentences = !spans.isEmpty
        if spans.isEmpty { spans = segmentation.paragraphs }
        if spans.isEmpty { spans = [TextSpan(start: 0, end: scalars.count)] }
        self.spans = spans
        // The paragraphs' words of each span, where they are exactly its own.
        var taken: [Range<Int>?] = []
        taken.reserveCapacity(spans.count)
        var paragraph = 0
        var next = 0  // where the next span's words start when the spans tile the paragraphs' words
        var tiled = scanned != nil
        for span in spans {
            precondition(span.start >= 0 && span.end <= scalars.count || span.start >= span.end, "span outside the text")
            let range = scanned?.sentenceTokens(span, paragraph: &paragraph)
            taken.append(range)
            if let range, range.lowerBound == next { next = range.upperBound } else { tiled = false }
        }
        var starts: [Int] = []
        starts.reserveCapacity(spans.count + 1)
        var words: [Word]
        if tiled && next == scanned?.words.count {
            for range in taken { starts.append(range?.lowerBound ?? 0) }
            words = scanned?.takeWords() ?? []
        } else {
            // Each span's words: the paragraphs' where taken, else from scanning the span here.
            // Spans taken one after another are copied in one run.
            words = []
            words.reserveCapacity((scanned?.words.count ?? scalars.count / 4) + 16)
            let stopHashes = EnglishWords.stopHashes
            scalars.withUnsafeBufferPointer { p in
                var run = 0..<0  // taken words not copied yet
                for (span, range) in zip(spans, taken) {
                    starts.append(words.count + run.count)
                    if let range, let scanned {
                        if range.lowerBound != run.upperBound {
                            words.append(contentsOf: scanned.words[run])
                            run = range.lowerBound..<range.lowerBound
                        }
                        run = run.lowerBound..<range.upperBound
                    } else {
                        if let scanned { words.append(contentsOf: scanned.words[run]) }
                        run = 0..<0
                        var i = span.start
                        var space = true
                        while let word = ReaderWords.nextWord(p, &i, span.end, space: &space, stopHashes) { words.append(word) }
                    }
                }
                if let scanned { words.append(contentsOf: scanned.words[run]) }
            }
        }
        starts.append(words.count)
        // Number the stems in text order. About one distinct stem per ten scalars of a news
        // article; the index grows if there are more (a long text has far fewer: its room is capped).
        var termIndex = FlatHashMap<Int32>(capacity: min(max(64, scalars.count / 10), 1 << 16))
        var termCount: Int32 = 0
        words.withUnsafeMutableBufferPointer { words in
            for k in spans.indices where starts[k] < starts[k + 1] {
                words[starts[k]].token.spaceBefore = true  // the first word of a scan of the span alone
            }
            for k in words.indices where words[k].isContent {
                let term = termIndex.value(of: words[k].stemHash, insertingIfAbsent: termCount)
                words[k].term = term
                if term == termCount { termCount += 1 }
            }
        }
        spanStarts = starts
        self.words = words
        self.termIndex = termIndex
        self.termCount = Int(termCount)
    }

    /// The next word of a scan as `WordScanner.nextToken` gives its token, hashed in the scan's
    /// pass over its scalars (`term` is -1).
    @inline(__always)
    static func nextWord(_ p: UnsafeBufferPointer<Unicode.Scalar>, _ i: inout Int, _ end: Int, space: inout Bool,
                         _ stopHashes: FlatHashMap<Int32>) -> Word? {
        var tally = WordTally()
        guard let token = WordScanner.nextToken(p, &i, end, space: &space, tally: &tally), let s = p.baseAddress else { return nil }
        return word(s, token, tally, stopHashes)
    }

    /// A token with its hashes (its stem is not numbered: `term` is -1). Keyphrases key entity
    /// names with it too.
    @inline(__always)
    static func word(_ p: UnsafePointer<Unicode.Scalar>, _ token: ReaderToken, _ stopHashes: FlatHashMap<Int32>) -> Word {
        var tally = WordTally()
        if token.kind != .punctuation {
            for k in token.start..<token.end {
                let c = p[k]
                let v = c.value
                if ((v | 0x20) &- 0x61) < 26 {
                    tally.letter(v)
                } else if v < 0x80 {
                    tally.ascii(v)
                } else {
                    tally.nonASCII(c, ScalarClass.category(c))
                }
            }
        }
        return word(p, token, tally, stopHashes)
    }

    /// The word of a token from the tally of its scalars: the hash of the whole token is the
    /// tally's; the hashes of the word without its possessive and of its stem (where
    /// `EnglishWords.stemCut` says it ends) undo the scalars after them (`WordHash.unstep`).
    @inline(__always)
    static func word(_ p: UnsafePointer<Unicode.Scalar>, _ token: ReaderToken, _ tally: WordTally, _ stopHashes: FlatHashMap<Int32>) -> Word {
        switch token.kind {
        case .punctuation:
            return Word(token: token, strippedEnd: token.end, hash: 0, stemHash: 0, isContent: false)
        case .number:
            return Word(token: token, strippedEnd: token.end, hash: tally.hash, stemHash: 0, isContent: false)
        case .word:
            let start = token.start
            var stripped = tally.hash
            let (tokenUpper, tokenLower) = tally.letters(length: token.end - start)
            var upper = tokenUpper, lower = tokenLower
            // Without a possessive ("al-Qaeda’s" -> "al-Qaeda"): its apostrophe and "s" undone.
            let end = WordScanner.endWithoutPossessive(p, start, token.end)
            if end < token.end {
                stripped = FNV1a.unstep(FNV1a.unstep(stripped, 0x73), 0x27)
                if p[end + 1].value == 0x53 { upper -= 1 } else { lower -= 1 }
            }
            let isContent = end - start >= 2 && !stopHashes.contains(stripped)
            var stem: UInt64 = 0
            if isContent {
                stem = stripped
                // Only a word ending in "s", "g" or "d" (or a non-ASCII scalar) can lose a suffix:
                // the others skip `stemCut` (most words).
                let lastValue = p[end - 1].value
                let lastFolded = lastValue | 0x20
                if lastValue >= 0x80 || lastFolded == 0x73 || lastFolded == 0x67 || lastFolded == 0x64 {
                    let cut = EnglishWords.stemCut(p, start, end)
                    var k = end
                    while k > start + cut.length { k -= 1; stem = FNV1a.unstep(stem, WordHash.fold(p[k])) }
                    if cut.addsY { stem = FNV1a.step(stem, 0x79) }
                }
            }
            return Word(token: token, strippedEnd: end, hash: tally.hash, stemHash: stem,
                        isContent: isContent, hasUppercase: upper > 0, isAllCaps: lower == 0 && upper >= 2,
                        isAllCapsToken: tokenLower == 0 && tokenUpper >= 2)
        }
    }

    /// The words of span `k`.
    func range(_ k: Int) -> Range<Int> { spanStarts[k]..<spanStarts[k + 1] }
}

/// A word's `WordHash` and what its upper- and lower-case letters (`ScalarClass.isUppercase`,
/// `isLowercase`) are counted from, taken as a scan reads its scalars. An ASCII letter is
/// counted only when upper case: the lower-case ones are the ASCII letters left, and the ASCII
/// letters are the scalars that are not counted as `others`.
struct WordTally: ScalarTally {
    var hash = FNV1a.offsetBasis
    /// Upper-case ASCII letters.
    var asciiUpper = 0
    /// Scalars that are not ASCII letters.
    var others = 0
    /// Upper- and lower-case letters from 0x80 up.
    var nonASCIIUpper = 0, nonASCIILower = 0

    @inline(__always)
    mutating func letter(_ v: UInt32) {
        hash = FNV1a.step(hash, v | 0x20)
        asciiUpper &+= v < 0x61 ? 1 : 0
    }

    @inline(__always)
    mutating func ascii(_ v: UInt32) {
        hash = FNV1a.step(hash, v)
        others &+= 1
    }

    @inline(__always)
    mutating func nonASCII(_ c: Unicode.Scalar, _ category: Unicode.GeneralCategory) {
        let (isUppercase, isLowercase) = ScalarClass.letterCase(c, category)
        hash = FNV1a.step(hash, WordHash.foldNonASCII(c, isUppercase: isUppercase))
        others &+= 1
        if isUppercase { nonASCIIUpper += 1 }
        if isLowercase { nonASCIILower += 1 }
    }

    /// The upper- and lower-case letters of the `length` scalars tallied.
    @inline(__always)
    func letters(length: Int) -> (upper: Int, lower: Int) {
        (asciiUpper &+ nonASCIIUpper, length &- others &- asciiUpper &+ nonASCIILower)
    }
}
