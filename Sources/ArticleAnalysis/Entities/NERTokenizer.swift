/// Splits article text into tokens the way the CoNLL-2003 training text is tokenised.
///
/// The tagger was trained on Reuters text tokenised in the Penn Treebank style: hyphenated words
/// stay whole ("al-Nusrah", "1996-08-22"), the possessive is its own token ("al-Qaeda" "'s"),
/// "doesn't" is "does" "n't", abbreviations keep their period ("U.S.", "Mr."), and quotes and
/// brackets stand alone. The project's `Segmenter` tokenises for other needs, so only its sentence
/// and paragraph boundaries are used here; the tokens are made again from the scalars.
struct NERTokenizer {
    /// Token spans in text order and the token ranges of the sentences (covering every token).
    struct Result: Sendable {
        var spans: [TextSpan]
        var sentences: [Range<Int>]
    }

    func tokenize(_ text: ScalarText, _ segmentation: Segmentation) -> Result {
        text.scalars.withUnsafeBufferPointer { tokenize($0, segmentation) }
    }

    /// `tokenize(_:_:)` on the text's scalars, read through a buffer (no bounds checks in the scan).
    private func tokenize(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ segmentation: Segmentation) -> Result {
        // Where sentences start: the segmenter's sentences and paragraphs, plus blank lines below.
        var boundaries: [Int] = []
        boundaries.reserveCapacity(segmentation.sentences.count + segmentation.paragraphs.count)
        for sentence in segmentation.sentences { boundaries.append(sentence.span.start); boundaries.append(sentence.span.end) }
        for paragraph in segmentation.paragraphs { boundaries.append(paragraph.start); boundaries.append(paragraph.end) }
        boundaries.sort()

        var spans: [TextSpan] = []
        spans.reserveCapacity(s.count / 5)
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(segmentation.sentences.count + 1)
        var sentenceStart = 0
        // Closing punctuation of the current chunk, reused from chunk to chunk.
        var trailing: [TextSpan] = []
        trailing.reserveCapacity(8)
        var nextBoundary = 0
        var previousEnd = 0
        var newlines = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if ScalarClass.isWhitespace(c) {
                if c == "\n" || c == "\u{2029}" { newlines += 1 }
                i += 1
                continue
            }
            var end = i
            // Whether the chunk is only ASCII letters and digits (then it is one token), and
            // whether it has a scalar that may make a dash token (see `splitChunk`).
            var isPlainWord = true, mayHaveDash = false
            while end < s.count {
                let c = s[end]
                if !NERTokenizer.isASCIILetterOrDigit(c) {
                    if ScalarClass.isWhitespace(c) { break }
                    isPlainWord = false
                    if NERTokenizer.mayBeDash(c) { mayHaveDash = true }
                }
                end += 1
            }
            // A sentence starts here when a boundary falls between the previous token and this one.
            var boundary = newlines >= 2
            while nextBoundary < boundaries.count && boundaries[nextBoundary] <= i {
                if boundaries[nextBoundary] >= previousEnd { boundary = true }
                nextBoundary += 1
            }
            // The segmenter may miss a sentence end: a stop token followed by a capital (or an
            // opening quote) ends the sentence too.
            if !boundary, let last = spans.last, spans.count > sentenceStart, last.length == 1,
               s[last.start] == "." || s[last.start] == "!" || s[last.start] == "?",
               ScalarClass.isUppercase(c) || c == "\"" || c.value == 0x201C {
                boundary = true
            }
            if boundary && spans.count > sentenceStart {
                sentences.append(sentenceStart..<spans.count)
                sentenceStart = spans.count
            }
            if isPlainWord {
                spans.append(TextSpan(start: i, end: end))
            } else {
                splitChunk(s, i, end, mayHaveDash: mayHaveDash, into: &spans, trailing: &trailing)
            }
            newlines = 0
            previousEnd = end
            i = end
        }
        if spans.count > sentenceStart { sentences.append(sentenceStart..<spans.count) }
        return Result(spans: spans, sentences: sentences)
    }

    /// Splits one run of non-space scalars `s[start..<end]` into tokens. `mayHaveDash` is false
    /// when no scalar of the run is a dash or a hyphen (`mayBeDash`): the run then has no dash token.
    private func splitChunk(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, mayHaveDash: Bool,
                            into spans: inout [TextSpan], trailing: inout [TextSpan]) {
        var a = start, b = end
        // A lone possessive or contraction ("'s" written apart, as in the CoNLL text) is one token.
        if b - a == 2 && isApostrophe(s[a]) && (s[a + 1] == "s" || s[a + 1] == "S") {
            spans.append(TextSpan(start: a, end: b)); return
        }
        // Opening punctuation: quotes, brackets.
        while a < b && isOpening(s[a]) && !(b - a > 1 && isApostrophe(s[a]) && isDigit(s[a + 1])) {
            spans.append(TextSpan(start: a, end: a + 1)); a += 1
        }
        // Closing punctuation, kept in reverse order and appended after the core.
        if !trailing.isEmpty { trailing.removeAll(keepingCapacity: true) }
        while b > a {
            let c = s[b - 1]
            if c == "." {
                if b - 1 > a && isAbbreviation(s, a, b - 1) { break }
                // An ellipsis stays one token.
                var dots = b - 1
                while dots > a && s[dots - 1] == "." { dots -= 1 }
                trailing.append(TextSpan(start: dots, end: b)); b = dots
                continue
            }
            if c == "\u{2026}" || isClosing(c) {
                trailing.append(TextSpan(start: b - 1, end: b)); b -= 1
                continue
            }
            if isApostrophe(c) {
                trailing.append(TextSpan(start: b - 1, end: b)); b -= 1
                continue
            }
            break
        }
        if b > a {
            // Possessive "'s" and the contraction "n't" are tokens of their own.
            var suffix: TextSpan? = nil
            if b - a > 2 && isApostrophe(s[b - 2]) && (s[b - 1] == "s" || s[b - 1] == "S") {
                suffix = TextSpan(start: b - 2, end: b); b -= 2
            } else if b - a > 3 && isApostrophe(s[b - 2]) && (s[b - 1] == "t" || s[b - 1] == "T") && (s[b - 3] == "n" || s[b - 3] == "N") {
                suffix = TextSpan(start: b - 3, end: b); b -= 3
            }
            // Dashes inside the core (em dash, en dash, "--") separate tokens; a hyphen does not.
            var pieceStart = a
            var k = mayHaveDash ? a : b
            while k < b {
                let c = s[k]
                let isDash = c.value == 0x2014 || c.value == 0x2013 || c.value == 0x2015
                    || (c == "-" && k + 1 < b && s[k + 1] == "-")
                if isDash {
                    if k > pieceStart { spans.append(TextSpan(start: pieceStart, end: k)) }
                    var dashEnd = k + 1
                    if c == "-" { while dashEnd < b && s[dashEnd] == "-" { dashEnd += 1 } }
                    spans.append(TextSpan(start: k, end: dashEnd))
                    k = dashEnd; pieceStart = k
                    continue
                }
                k += 1
            }
            if b > pieceStart { spans.append(TextSpan(start: pieceStart, end: b)) }
            if let suffix { spans.append(suffix) }
        }
        for span in trailing.reversed() { spans.append(span) }
    }

    /// An ASCII letter or digit. A run of these has no punctuation to split off: `splitChunk`
    /// would make it one token.
    @inline(__always)
    private static func isASCIILetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (v | 0x20) &- 97 < 26 || v &- 48 < 10 // letters first: most scalars are
    }

    /// A hyphen or one of the dashes that make tokens of their own (em dash, en dash,
    /// horizontal bar): a run of scalars without any has no dash token.
    @inline(__always)
    private static func mayBeDash(_ c: Unicode.Scalar) -> Bool { c == "-" || c.value &- 0x2013 < 3 }

    @inline(__always) private func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c.value == 0x2019 || c.value == 0x2018 }
    @inline(__always) private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x201C, 0x2018, 0x201E, 0xAB, 0xBF, 0xA1, 0x2A: return true
        default: return false
        }
    }

    private func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x29, 0x5D, 0x7D, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x201D, 0xBB, 0x2A: return true
        default: return false
        }
    }

    /// Whether `s[a..<end]` followed by a period is an abbreviation that keeps it: an initial
    /// ("J."), a dotted form ("U.S", "a.m"), or a common title or company suffix ("Mr", "Corp").
    private func isAbbreviation(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ end: Int) -> Bool {
        let length = end - a
        if length == 1 { return ScalarClass.isLetter(s[a]) }
        var hasDot = false
        for k in a..<end where s[k] == "." { hasDot = true; break }
        if hasDot { return true }
        guard length <= 5 else { return false }
        var key: UInt64 = NERHash.seed
        for k in a..<end { key = NERHash.add(key, ScalarClass.lowercased(s[k]).value) }
        return NERTokenizer.abbreviations.contains(key)
    }

    /// Lower-case abbreviations that are written with a period inside a sentence.
    static let abbreviations = NERKeyTable([
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep",
        "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "rev", "hon", "pres", "maj",
    ].map { NERHash.string($0) })
}
