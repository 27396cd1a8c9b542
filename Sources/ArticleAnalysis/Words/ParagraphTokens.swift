/// The words (`ReaderWords.Word`: `WordScanner` tokens, hashed) of every paragraph of an
/// article, scanned once for the dates stage and the shared word pass (`ReaderWords`).
///
/// Dates read the text paragraph by paragraph; keyphrases, summary and tone read it sentence by
/// sentence. A sentence's tokens are the paragraph's tokens that lie inside it whenever no token
/// crosses the sentence's start or end, except that the first token of a scan has white space
/// before it: a token never depends on the scalars before it, every scalar that is not white
/// space is in a token, and a scan that must stop at the sentence's end joins no more scalars
/// than the paragraph's scan, which did not join across that end. `sentenceTokens(_:paragraph:)`
/// checks this, so the word pass takes the words from here instead of scanning the text a
/// second time and scans only where the check fails. The words are hashed in the scan's own
/// pass over the scalars (`ReaderWords.nextWord`): one pass for scanning and hashing.
struct ParagraphTokens: Sendable {
    /// The spans scanned, in text order: the segmentation's paragraphs, or the whole text
    /// without any.
    private(set) var paragraphs: [TextSpan]
    /// The words of every paragraph, in text order (`term` is -1: the word pass numbers stems).
    private(set) var words: [ReaderWords.Word]
    /// Words of paragraph `k` are `words[starts[k]..<starts[k + 1]]`.
    private(set) var starts: [Int]

    @inline(never) // scanning the paragraphs is part of the dates stage: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    init(_ scalars: [Unicode.Scalar], _ segmentation: Segmentation) {
        let paragraphs = segmentation.paragraphs.isEmpty ? [TextSpan(start: 0, end: scalars.count)] : segmentation.paragraphs
        var scalarCount = 0
        for paragraph in paragraphs { scalarCount += paragraph.length }
        let stopHashes = EnglishWords.stopHashes
        /// The words and where each paragraph starts, written in place (appending costs a check
        /// of the array per word) into room for `room` words; nil if they need more.
        func scan(room: Int) -> (words: [ReaderWords.Word], starts: [Int])? {
            var starts: [Int] = []
            starts.reserveCapacity(paragraphs.count + 1)
            var full = false
            let words = [ReaderWords.Word](unsafeUninitializedCapacity: room) { buffer, count in
                var n = 0  // words written (kept in a register, not in `count`)
                defer { count = n }
                scalars.withUnsafeBufferPointer { s in
                    for paragraph in paragraphs {
                        starts.append(n)
                        precondition(paragraph.isEmpty || (paragraph.start >= 0 && paragraph.end <= s.count), "paragraph outside the text")
                        var i = paragraph.start
                        var space = true
                        while let word = ReaderWords.nextWord(s, &i, paragraph.end, space: &space, stopHashes) {
                            guard n < room else { full = true; return }
                            buffer.initializeElement(at: n, to: word)
                            n += 1
                        }
                    }
                }
            }
            if full { return nil }
            starts.append(words.count)
            return (words, starts)
        }
        // News text has about six scalars a word: room for one word in two scalars is nearly
        // always enough, and one in one (a token holds a scalar or more) always is.
        let (words, starts) = scan(room: scalarCount / 2 + 16) ?? scan(room: scalarCount)!
        self.paragraphs = paragraphs
        self.words = words
        self.starts = starts
    }

    /// The words, leaving none: the word pass takes them over, and when it holds the only
    /// reference it changes them in place instead of copying them.
    mutating func takeWords() -> [ReaderWords.Word] {
        var taken: [ReaderWords.Word] = []
        swap(&taken, &words)
        paragraphs = []
        starts = [0]
        return taken
    }

    /// The words of paragraph `k`.
    func range(_ k: Int) -> Range<Int> { starts[k]..<starts[k + 1] }

    /// The tokens `WordScanner` gives for `span` scanned alone (but for the first token's
    /// `spaceBefore`, which such a scan sets), or nil when they may differ: the span is empty or
    /// not inside one paragraph, or a token crosses its start or end.
    ///
    /// `paragraph` is where to start looking for the paragraph holding the span; pass 0 for the
    /// first span, then the value this left, with spans in text order.
    func sentenceTokens(_ span: TextSpan, paragraph k: inout Int) -> Range<Int>? {
        while k < paragraphs.count && paragraphs[k].end < span.end { k += 1 }
        guard !span.isEmpty, k < paragraphs.count, paragraphs[k].start <= span.start, span.end <= paragraphs[k].end else {
            return nil
        }
        let all = range(k)
        // The first token that ends after the span's start, then the first that starts at or
        // after its end (tokens are in text order and do not overlap).
        let first = firstToken(in: all) { $0.end > span.start }
        let end = firstToken(in: first..<all.upperBound) { $0.start >= span.end }
        if first < end && (words[first].token.start < span.start || words[end - 1].token.end > span.end) { return nil }
        return first..<end
    }

    /// The first index of `range` whose token passes `test`, which holds from some index on.
    private func firstToken(in range: Range<Int>, _ test: (ReaderToken) -> Bool) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if test(words[middle].token) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
