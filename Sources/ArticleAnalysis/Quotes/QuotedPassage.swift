/// A stretch of text between double quotation marks, before it is judged to be speech.
///
/// A quote that runs over several paragraphs (an opening mark at the start of each paragraph and
/// one closing mark at the end) is one passage with one segment per paragraph. A quote whose
/// closing mark never comes ends at the end of its paragraph and is `unclosed`.
struct QuotedPassage {
    /// Code-point offset of the opening mark.
    var openMark: Int
    /// Code-point offset of the closing mark; nil when the quote is unclosed.
    var closeMark: Int?
    /// The quoted text in each paragraph, without marks or edge white space.
    var segments: [TextSpan]
    var firstParagraph: Int
    var lastParagraph: Int

    var isUnclosed: Bool { closeMark == nil }
    var span: TextSpan { TextSpan(start: segments[0].start, end: segments[segments.count - 1].end) }
    /// Where the passage ends in the text, marks included.
    var outerEnd: Int { (closeMark ?? segments[segments.count - 1].end - 1) + 1 }

    /// The quoted words, paragraphs joined by a blank line and the opening marks of continued
    /// paragraphs left out.
    func text(_ text: ScalarText) -> String {
        if segments.count == 1 { return text.scalars.string(segments[0].start..<segments[0].end) }
        var parts: [String] = []
        for segment in segments { parts.append(text.scalars.string(segment.start..<segment.end)) }
        return parts.joined(separator: "\n\n")
    }

    /// Finds every passage in the text, paragraph by paragraph.
    ///
    /// Typographic marks nest (“ ... “inner” ... ”); a straight mark opens outside a quote and
    /// closes inside one. Single marks never open a passage: they are apostrophes or quotes inside
    /// quotes, and stay part of the text.
    ///
    /// Every quotation mark is a punctuation token of its own (`QuoteDocument`'s tokens), so only
    /// the tokens are visited, not every scalar.
    static func scan(_ text: ScalarText, paragraphs: [TextSpan], tokens: [QuoteToken]) -> [QuotedPassage] {
        let s = text.scalars
        var found: [QuotedPassage] = []
        var open: Int? = nil
        var segmentStart = 0
        var segments: [TextSpan] = []
        var firstParagraph = 0
        var depth = 0

        func trimmed(_ start: Int, _ end: Int) -> TextSpan? {
            var a = start, b = end
            while a < b && ScalarClass.isWhitespace(s[a]) { a += 1 }
            while b > a && ScalarClass.isWhitespace(s[b - 1]) { b -= 1 }
            return a < b ? TextSpan(start: a, end: b) : nil
        }
        func finish(close: Int?, paragraph: Int) {
            if let openMark = open, !segments.isEmpty {
                found.append(QuotedPassage(openMark: openMark, closeMark: close, segments: segments,
                                           firstParagraph: firstParagraph, lastParagraph: paragraph))
            }
            open = nil; segments = []; depth = 0
        }

        var next = 0  // the first token of the paragraph
        for (p, paragraph) in paragraphs.enumerated() {
            var k = next
            while next < tokens.count && tokens[next].paragraph == p { next += 1 }
            if open != nil {
                // A continued quote: skip the opening mark that starts this paragraph (the first
                // scalar after white space, which starts the paragraph's first token).
                if k < next {
                    segmentStart = tokens[k].start + 1
                    k += 1
                } else {
                    segmentStart = paragraph.end + 1
                }
            }
            while k < next {
                let v = tokens[k].mark
                let i = tokens[k].start
                if v == 0 {
                    // A word.
                } else if open == nil {
                    if v == 0x22 || v == 0x201C || v == 0x201E || v == 0xAB {
                        open = i; segmentStart = i + 1; firstParagraph = p; depth = 1; segments = []
                    }
                } else if v == 0x22 {
                    if let span = trimmed(segmentStart, i) { segments.append(span) }
                    finish(close: i, paragraph: p)
                } else if v == 0x201C || v == 0x201E || v == 0xAB {
                    depth += 1
                } else if v == 0x201D || v == 0xBB {
                    depth -= 1
                    if depth == 0 {
                        if let span = trimmed(segmentStart, i) { segments.append(span) }
                        finish(close: i, paragraph: p)
                    }
                }
                k += 1
            }
            if open != nil {
                if let span = trimmed(segmentStart, paragraph.end) { segments.append(span) }
                if p + 1 < paragraphs.count, startsWithOpeningMark(s, paragraphs[p + 1]) {
                    continue  // the quote goes on in the next paragraph
                }
                finish(close: nil, paragraph: p)
            }
        }
        return found
    }

    private static func startsWithOpeningMark(_ s: [Unicode.Scalar], _ paragraph: TextSpan) -> Bool {
        var i = paragraph.start
        while i < paragraph.end && ScalarClass.isWhitespace(s[i]) { i += 1 }
        return i < paragraph.end && QuoteScalars.isOpeningMark(s[i])
    }
}
