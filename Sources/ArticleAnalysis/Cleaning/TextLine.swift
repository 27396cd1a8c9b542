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
        while end > 0, [".", ":", "!", " ", "…"].contains(scalars[end - 1]) { end -= 1 }
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
        var lines: [TextLine] = []
        var current: [Unicode.Scalar] = []
        var block = 0, position = 0
        var blockStart = 0
        var previousWasCR = false
        var pendingSpace = false

        func finishBlock() {
            for i in blockStart..<lines.count { lines[i].blockSize = lines.count - blockStart }
            blockStart = lines.count
        }
        func endLine() {
            if current.isEmpty {
                if position > 0 { finishBlock(); block += 1; position = 0 }
            } else {
                lines.append(TextLine(scalars: current, block: block, positionInBlock: position, blockSize: 0,
                                      words: countWords(current)))
                position += 1
            }
            current.removeAll(keepingCapacity: true)
            pendingSpace = false
        }

        for s in text.unicodeScalars {
            if s == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = s == "\r"
            if ScalarClass.isLineBreak(s) { endLine(); continue }
            if ScalarClass.isSpace(s) || (s.value < 0x20) || s.value == 0x7F {
                pendingSpace = !current.isEmpty
                continue
            }
            if s.value == 0x200B || s.value == 0xFEFF { continue }
            if pendingSpace { current.append(" "); pendingSpace = false }
            current.append(s)
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
