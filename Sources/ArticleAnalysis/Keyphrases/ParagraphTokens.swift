/// The `WordScanner` tokens of every paragraph of an article, scanned once for the dates stage
/// and the shared word pass (`ReaderWords`).
///
/// Dates read the text paragraph by paragraph; keyphrases, summary and tone read it sentence by
/// sentence. A sentence's tokens are the paragraph's tokens that lie inside it whenever no token
/// crosses the sentence's start or end, except that the first token of a scan has white space
/// before it: a token never depends on the scalars before it, every scalar that is not white
/// space is in a token, and a scan that must stop at the sentence's end joins no more scalars
/// than the paragraph's scan, which did not join across that end. `sentenceTokens(_:paragraph:)`
/// checks this, so the word pass takes the tokens from here instead of scanning the text a
/// second time (the scan was about a third of its cost) and scans only where the check fails.
struct ParagraphTokens: Sendable {
    /// The spans scanned, in text order: the segmentation's paragraphs, or the whole text
    /// without any.
    let paragraphs: [TextSpan]
    let tokens: [ReaderToken]
    /// Tokens of paragraph `k` are `tokens[starts[k]..<starts[k + 1]]`.
    let starts: [Int]

    @inline(never) // scanning the paragraphs is part of the dates stage: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    init(_ scalars: [Unicode.Scalar], _ segmentation: Segmentation) {
        let paragraphs = segmentation.paragraphs.isEmpty ? [TextSpan(start: 0, end: scalars.count)] : segmentation.paragraphs
        var starts: [Int] = []
        starts.reserveCapacity(paragraphs.count + 1)
        // A token holds at least one scalar: room for as many tokens as the paragraphs have
        // scalars, written in place (appending costs a check of the array per token).
        var room = 0
        for paragraph in paragraphs { room += paragraph.length }
        let tokens = [ReaderToken](unsafeUninitializedCapacity: room) { buffer, count in
            count = 0
            scalars.withUnsafeBufferPointer { s in
                for paragraph in paragraphs {
                    starts.append(count)
                    precondition(paragraph.isEmpty || (paragraph.start >= 0 && paragraph.end <= s.count), "paragraph outside the text")
                    var i = paragraph.start
                    var space = true
                    while let token = WordScanner.nextToken(s, &i, paragraph.end, space: &space) {
                        buffer.initializeElement(at: count, to: token)
                        count += 1
                    }
                }
            }
        }
        starts.append(tokens.count)
        self.paragraphs = paragraphs
        self.tokens = tokens
        self.starts = starts
    }

    /// The tokens of paragraph `k`.
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
        if first < end && (tokens[first].start < span.start || tokens[end - 1].end > span.end) { return nil }
        return first..<end
    }

    /// The first index of `range` whose token passes `test`, which holds from some index on.
    private func firstToken(in range: Range<Int>, _ test: (ReaderToken) -> Bool) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if test(tokens[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
