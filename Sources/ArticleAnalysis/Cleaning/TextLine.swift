/// One line of the decoded article, with white space normalised, and the facts about its shape
/// that the cleaning rules ask about.
///
/// Lines are the unit of page furniture: a "Share." button and a "Disclosure:" label can sit on
/// consecutive lines of one block, so rules judge lines, and paragraphs are assembled afterwards.
struct TextLine {
    /// The line's scalars: runs of spaces and tabs collapsed to one space, ends trimmed,
    /// zero-width spaces and byte-order marks dropped.
    var scalars: [Unicode.Scalar]
    /// Index of the blank-line separated block the line belongs to.
    var block: Int
    /// Position of the line inside its block (0 = first line of the block).
    var positionInBlock: Int
    /// Number of lines in the block.
    var blockSize: Int
    /// Space-separated chunks holding at least one letter or digit.
    var words: Int

    var text: String { scalars.string(0..<scalars.count) }
    var count: Int { scalars.count }
    /// The line is a block of its own: blank lines (or the edges of the text) around it.
    var isStandalone: Bool { blockSize == 1 }

    /// The last scalar once closing quotes and brackets are skipped.
    var lastSignificant: Unicode.Scalar? {
        var i = scalars.count - 1
        while i >= 0, ScalarClass.isClosing(scalars[i]) { i -= 1 }
        return i >= 0 ? scalars[i] : nil
    }

    /// Ends the way a sentence or a sentence lead-in ends: . ! ? … : ; possibly followed by
    /// closing quotes or brackets.
    var endsLikeSentence: Bool {
        guard let last = lastSignificant else { return false }
        switch last.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3A, 0x3B, 0x203C, 0x2047, 0x2048, 0x2049: return true
        default: return false
        }
    }

    /// Looks like article prose: several words, sentence punctuation at the end, lower-case letters.
    var isProse: Bool {
        words >= 4 && endsLikeSentence && scalars.contains(where: ScalarClass.isLowercase)
    }

    /// The first letter or digit is an upper-case letter or a digit.
    var startsCapitalized: Bool {
        for s in scalars where ScalarClass.isLetterOrDigit(s) {
            return ScalarClass.isUppercase(s) || ScalarClass.isDigit(s)
        }
        return false
    }

    /// The line lower-cased (ASCII) with trailing . : ! and spaces removed; for matching short
    /// lines against lists of known furniture ("comments are closed", "share this").
    var key: String {
        var end = scalars.count
        scan: while end > 0 {
            switch scalars[end - 1] {
            case ".", ":", "!", " ", "…": end -= 1
            default: break scan
            }
        }
        return scalars.lowercasedString(0..<end)
    }

    /// The space-separated chunks of the line, as ranges.
    var chunks: [Range<Int>] {
        var result: [Range<Int>] = []
        var start = -1
        for (i, s) in scalars.enumerated() {
            if s == " " {
                if start >= 0 { result.append(start..<i); start = -1 }
            } else if start < 0 {
                start = i
            }
        }
        if start >= 0 { result.append(start..<scalars.count) }
        return result
    }

    /// Splits text into lines (LF, CR, CRLF and Unicode line separators all end a line) and
    /// groups them into blocks separated by blank lines. Blank lines themselves are not returned.
    static func split(_ text: String) -> [TextLine] {
        var text = text
        return text.withUTF8 { split(utf8: $0) }
    }

    /// `split` over the text's UTF-8 (valid, as a `String`'s is). Scalars are decoded by hand with
    /// an ASCII fast path and written to one scratch buffer; each line is copied out of it once,
    /// and its words are counted on the way (the only space in a line is the one written between
    /// chunks).
    private static func split(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [TextLine] {
        var lines: [TextLine] = []
        var scratchBlock = ScratchBlock<Unicode.Scalar>(capacity: bytes.count + 1)
        let scratch = scratchBlock.table(bytes.count + 1).baseAddress!
        defer { withExtendedLifetime(scratchBlock) {} }
        var length = 0
        var words = 0, chunkHasWord = false
        var block = 0, position = 0
        var blockStart = 0
        var previousWasCR = false
        var pendingSpace = false

        func finishBlock() {
            for i in blockStart..<lines.count { lines[i].blockSize = lines.count - blockStart }
            blockStart = lines.count
        }
        func endLine() {
            if length == 0 {
                if position > 0 { finishBlock(); block += 1; position = 0 }
            } else {
                if chunkHasWord { words += 1 }
                lines.append(TextLine(scalars: Array(UnsafeBufferPointer(start: scratch, count: length)), block: block,
                                      positionInBlock: position, blockSize: 0, words: words))
                position += 1
            }
            length = 0; words = 0; chunkHasWord = false
            pendingSpace = false
        }
        /// Appends a scalar that is neither white space nor a control character.
        @inline(__always) func append(_ s: Unicode.Scalar, isWordScalar: Bool) {
            if pendingSpace {
                if chunkHasWord { words += 1 }
                chunkHasWord = false
                scratch[length] = " "; length += 1
                pendingSpace = false
            }
            if isWordScalar { chunkHasWord = true }
            scratch[length] = s; length += 1
        }

        let n = bytes.count
        var i = 0
        while i < n {
            let lead = bytes[i]
            if lead &- 0x21 < 0x5E {
                // A run of visible ASCII: the common case.
                previousWasCR = false
                append(Unicode.Scalar(lead), isWordScalar: lead &- 0x30 < 10 || (lead | 0x20) &- 0x61 < 26)
                i += 1
                var hasWord = chunkHasWord
                while i < n {
                    let byte = bytes[i]
                    guard byte &- 0x21 < 0x5E else { break }
                    scratch[length] = Unicode.Scalar(byte); length &+= 1
                    if !hasWord { hasWord = byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 }
                    i &+= 1
                }
                chunkHasWord = hasWord
                continue
            }
            if lead == 0x20 {
                previousWasCR = false
                pendingSpace = length != 0
                i += 1
                continue
            }
            var v = UInt32(lead)
            if lead < 0x80 {
                i += 1
            } else if lead < 0xE0 {
                v = (v & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
            } else if lead < 0xF0 {
                v = (v & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
            } else {
                v = (v & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            let s = unsafeBitCast(v, to: Unicode.Scalar.self)  // decoded from valid UTF-8
            if v == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = v == 0x0D
            if ScalarClass.isLineBreak(s) { endLine(); continue }
            if ScalarClass.isSpace(s) || v < 0x20 || v == 0x7F {
                pendingSpace = length != 0
                continue
            }
            if v == 0x200B || v == 0xFEFF { continue }
            append(s, isWordScalar: ScalarClass.isLetterOrDigit(s))
        }
        endLine()
        if position > 0 { finishBlock() }
        return lines
    }

    static func countWords(_ scalars: [Unicode.Scalar]) -> Int {
        var words = 0
        var inChunk = false, chunkHasWord = false
        for s in scalars {
            if s == " " {
                if inChunk && chunkHasWord { words += 1 }
                inChunk = false; chunkHasWord = false
            } else {
                inChunk = true
                if !chunkHasWord && ScalarClass.isLetterOrDigit(s) { chunkHasWord = true }
            }
        }
        if inChunk && chunkHasWord { words += 1 }
        return words
    }
}
