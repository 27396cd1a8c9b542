/// The words of an article as keyphrases, summary and tone read them, scanned, lower-cased,
/// hashed and stemmed once for all three stages (each pass over the text was most of each
/// stage's cost).
///
/// The text is scanned sentence by sentence (paragraph by paragraph without sentences, the whole
/// text without either) with `WordScanner`. For every word and number it keeps the `WordHash` of
/// the whole token (what tone looks up), and for every word the end without a possessive, that
/// part's hash and, for a content word (not a stop word, at least two scalars), its stem's hash
/// (what keyphrases and summary count).
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
    }

    /// The spans scanned, in text order.
    var spans: [TextSpan]
    /// True when `spans` are the segmentation's sentences.
    var spansAreSentences: Bool
    var words: [Word]
    /// Tokens of span `k` are `words[spanStarts[k]..<spanStarts[k + 1]]`.
    var spanStarts: [Int]

    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    init(_ scalars: [Unicode.Scalar], _ segmentation: Segmentation) {
        var spans = segmentation.sentences.map(\.span)
        spansAreSentences = !spans.isEmpty
        if spans.isEmpty { spans = segmentation.paragraphs }
        if spans.isEmpty { spans = [TextSpan(start: 0, end: scalars.count)] }
        self.spans = spans
        var tokens: [ReaderToken] = []
        tokens.reserveCapacity(scalars.count / 4)
        var starts: [Int] = []
        starts.reserveCapacity(spans.count + 1)
        for span in spans {
            starts.append(tokens.count)
            WordScanner.scan(scalars, span.start..<span.end, into: &tokens)
        }
        starts.append(tokens.count)
        spanStarts = starts
        var words: [Word] = []
        words.reserveCapacity(tokens.count)
        var buffer: [UInt32] = []
        buffer.reserveCapacity(32)
        let stopHashes = EnglishWords.stopHashes
        for token in tokens {
            switch token.kind {
            case .punctuation:
                words.append(Word(token: token, strippedEnd: token.end, hash: 0, strippedHash: 0, stemHash: 0, isContent: false))
            case .number:
                let h = WordHash.of(scalars, token.start, token.end)
                words.append(Word(token: token, strippedEnd: token.end, hash: h, strippedHash: h, stemHash: 0, isContent: false))
            case .word:
                let end = WordScanner.endWithoutPossessive(scalars, token)
                buffer.removeAll(keepingCapacity: true)
                var h = WordHash.seed
                for i in token.start..<end {
                    let v = WordHash.fold(scalars[i])
                    buffer.append(v)
                    h = WordHash.step(h, v)
                }
                let stripped = h
                for i in end..<token.end { h = WordHash.step(h, WordHash.fold(scalars[i])) }
                var stem: UInt64 = 0
                let isContent = end - token.start >= 2 && !stopHashes.contains(stripped)
                if isContent {
                    EnglishWords.stem(&buffer)
                    stem = WordHash.seed
                    for v in buffer { stem = WordHash.step(stem, v) }
                }
                words.append(Word(token: token, strippedEnd: end, hash: h, strippedHash: stripped, stemHash: stem, isContent: isContent))
            }
        }
        self.words = words
    }

    /// The words of span `k`.
    func range(_ k: Int) -> Range<Int> { spanStarts[k]..<spanStarts[k + 1] }
}
