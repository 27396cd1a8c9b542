/// The words of an article as keyphrases, summary and tone read them, scanned, lower-cased,
/// hashed and stemmed once for all three stages (each pass over the text was most of each
/// stage's cost).
///
/// The text is scanned sentence by sentence (paragraph by paragraph without sentences, the whole
/// text without either) with `WordScanner`. For every word and number it keeps the `WordHash` of
/// the whole token (what tone looks up), and for every word the end without a possessive, that
/// part's hash and, for a content word (not a stop word, at least two scalars), its stem's hash
/// and the stem's number (what keyphrases and summary count). Numbering the stems here, once,
/// spares both stages a hash-table probe for every content word.
struct ReaderWords: Sendable {
    struct Word: Sendable {
        var token: ReaderToken
        /// The end without a possessive ("al-Qaeda’s" ends before "’s"); `token.end` for numbers
        /// and punctuation.
        var strippedEnd: Int
        /// `WordHash` of the whole token (words and numbers; 0 for punctuation).
        var hash: UInt64
        /// `WordHash` of the word without its possessive (words only).
        var strippedHash: UInt64
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
        /// fits in the padding after the flags: a word stays 64 bytes.)
        var term: Int32 = -1
    }

    /// The spans scanned, in text order.
    var spans: [TextSpan]
    /// True when `spans` are the segmentation's sentences.
    var spansAreSentences: Bool
    var words: [Word]
    /// Tokens of span `k` are `words[spanStarts[k]..<spanStarts[k + 1]]`.
    var spanStarts: [Int]
    /// The stem number (`Word.term`) of every stem hash (`Word.stemHash`) of the content words.
    var termIndex: HashIndex
    /// The number of distinct stems (`Word.term` is below it).
    var termCount: Int

    /// The words of the text's sentences; `scanned` holds the paragraphs' tokens when the dates
    /// stage has scanned them (`ParagraphTokens`), so that only sentences they do not give
    /// exactly are scanned again.
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    init(_ scalars: [Unicode.Scalar], _ segmentation: Segmentation, scanned: ParagraphTokens? = nil) {
        var spans = segmentation.sentences.map(\.span)
        spansAreSentences = !spans.isEmpty
        if spans.isEmpty { spans = segmentation.paragraphs }
        if spans.isEmpty { spans = [TextSpan(start: 0, end: scalars.count)] }
        self.spans = spans
        var starts: [Int] = []
        starts.reserveCapacity(spans.count + 1)
        var words: [Word] = []
        words.reserveCapacity(scalars.count / 4 + 16)
        let stopHashes = EnglishWords.stopHashes
        // About one distinct stem per ten scalars of text; the index grows if there are more.
        var termIndex = HashIndex(capacity: max(64, scalars.count / 10))
        var termCount: Int32 = 0
        let paragraphTokens = scanned?.tokens ?? []
        scalars.withUnsafeBufferPointer { p in
            paragraphTokens.withUnsafeBufferPointer { paragraphTokens in
                var paragraph = 0
                for span in spans {
                    starts.append(words.count)
                    precondition(span.start >= 0 && span.end <= p.count || span.start >= span.end, "span outside the text")
                    // The span's tokens from the paragraphs' scan where they are exactly its own,
                    // else from scanning it here.
                    let taken = scanned?.sentenceTokens(span, paragraph: &paragraph)
                    var next = taken?.lowerBound ?? 0
                    var i = span.start
                    var space = true
                    while true {
                        var token: ReaderToken
                        if let taken {
                            guard next < taken.upperBound else { break }
                            token = paragraphTokens[next]
                            if next == taken.lowerBound { token.spaceBefore = true }  // as a scan of the span alone
                            next += 1
                        } else {
                            guard let scannedToken = WordScanner.nextToken(p, &i, span.end, space: &space) else { break }
                            token = scannedToken
                        }
                        var word = ReaderWords.word(p.baseAddress!, token, stopHashes)
                        if word.isContent {
                            word.term = termIndex.value(of: word.stemHash, insertingIfAbsent: termCount)
                            if word.term == termCount { termCount += 1 }
                        }
                        words.append(word)
                    }
                }
            }
        }
        starts.append(words.count)
        spanStarts = starts
        self.words = words
        self.termIndex = termIndex
        self.termCount = Int(termCount)
    }

    /// A token with its hashes: one pass over a word's scalars lower-cases and hashes it, hashes
    /// its stem (where `EnglishWords.stemCut` says the stem ends) and notes its capitals. (Its
    /// stem is not numbered: `term` is -1.) Keyphrases key entity names with it too.
    @inline(__always)
    static func word(_ p: UnsafePointer<Unicode.Scalar>, _ token: ReaderToken, _ stopHashes: HashIndex) -> Word {
        switch token.kind {
        case .punctuation:
            return Word(token: token, strippedEnd: token.end, hash: 0, strippedHash: 0, stemHash: 0, isContent: false)
        case .number:
            var h = WordHash.seed
            for i in token.start..<token.end { h = WordHash.step(h, p[i].value) }  // digits fold to themselves
            return Word(token: token, strippedEnd: token.end, hash: h, strippedHash: h, stemHash: 0, isContent: false)
        case .word:
            let start = token.start
            let end = WordScanner.endWithoutPossessive(p, token)
            // Only a word ending in "s", "g" or "d" (or a non-ASCII scalar) can lose a suffix: the
            // others skip the out-of-line `stemCut` call (most words).
            let lastValue = end > start ? p[end - 1].value : 0
            let lastFolded = lastValue | 0x20
            let mayCut = lastValue >= 0x80 || lastFolded == 0x73 || lastFolded == 0x67 || lastFolded == 0x64
            let stemEnd = mayCut ? EnglishWords.stemCut(p, start, end) : (length: end - start, addsY: false)
            let stemLast = start + stemEnd.length
            var h = WordHash.seed
            var upper = 0, lower = 0
            // The stem's hash is the word's hash after the stem's scalars.
            var i = start
            while i < stemLast { ReaderWords.add(p[i], to: &h, upper: &upper, lower: &lower); i += 1 }
            var stem = h
            while i < end { ReaderWords.add(p[i], to: &h, upper: &upper, lower: &lower); i += 1 }
            if stemEnd.addsY { stem = WordHash.step(stem, 0x79) }
            let stripped = h
            var tokenUpper = upper, tokenLower = lower
            while i < token.end { ReaderWords.add(p[i], to: &h, upper: &tokenUpper, lower: &tokenLower); i += 1 }
            let isContent = end - start >= 2 && !stopHashes.contains(stripped)
            return Word(token: token, strippedEnd: end, hash: h, strippedHash: stripped, stemHash: isContent ? stem : 0,
                        isContent: isContent, hasUppercase: upper > 0, isAllCaps: lower == 0 && upper >= 2,
                        isAllCapsToken: tokenLower == 0 && tokenUpper >= 2)
        }
    }

    /// Adds a scalar of a word to its hash (lower-cased as `WordHash.fold` does) and counts it
    /// if it is an upper- or lower-case letter (`WordScanner.isUppercase`, `isLowercase`).
    @inline(__always)
    private static func add(_ c: Unicode.Scalar, to h: inout UInt64, upper: inout Int, lower: inout Int) {
        let v = c.value
        let folded: UInt32
        if v < 0x80 {
            if (v &- 0x41) < 26 {
                folded = v + 32
                upper += 1
            } else {
                folded = v
                if (v &- 0x61) < 26 { lower += 1 }
            }
        } else {
            folded = WordHash.fold(c)
            if WordScanner.isUppercase(c) { upper += 1 }
            if WordScanner.isLowercase(c) { lower += 1 }
        }
        h = WordHash.step(h, folded)
    }

    /// The words of span `k`.
    func range(_ k: Int) -> Range<Int> { spanStarts[k]..<spanStarts[k + 1] }
}
