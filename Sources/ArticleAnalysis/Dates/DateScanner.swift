/// `WordScanner.scan` over a buffer pointer, with ASCII tests inline: the dates stage runs on
/// every article, and scanning every paragraph was most of its cost.
///
/// The tokens are exactly `WordScanner.scan`'s (the same rules, in the same order); only the
/// character tests take an ASCII shortcut before falling back to `WordScanner`'s.
enum DateScanner {
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D }
        return WordScanner.isSpace(c)
    }

    @inline(__always)
    static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 }
        return WordScanner.isAlphanumeric(c)
    }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
        return WordScanner.isLetter(c)
    }

    @inline(__always)
    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value &- 0x30 < 10 }

    /// Scans `s[range]`, appending to `tokens` (see `WordScanner.scan`).
    static func scan(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, into tokens: inout [ReaderToken]) {
        let buffer = UnsafeMutablePointer<ReaderToken>.allocate(capacity: range.count + 1)
        defer { buffer.deallocate() }
        let count = scan(s, range, toBuffer: buffer)
        tokens.append(contentsOf: UnsafeBufferPointer(start: buffer, count: count))
    }

    /// Scans `s[range]` into `tokens`, which has room for `range.count` tokens (a token holds at
    /// least one scalar), and returns the number of tokens.
    static func scan(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, toBuffer tokens: UnsafeMutablePointer<ReaderToken>) -> Int {
        var count = 0
        var i = range.lowerBound
        let end = range.upperBound
        var space = true
        while i < end {
            let c = s[i]
            if isSpace(c) { space = true; i += 1; continue }
            let start = i
            if isAlphanumeric(c) {
                var allDigits = isASCIIDigit(c)
                i += 1
                while i < end {
                    let d = s[i]
                    let v = d.value
                    if (v | 0x20) &- 0x61 < 26 {  // an ASCII letter, the usual case
                        allDigits = false
                        i += 1
                    } else if v &- 0x30 < 10 {
                        i += 1
                    } else if v >= 0x80 && WordScanner.isAlphanumeric(d) {
                        allDigits = false
                        i += 1
                    } else if d == ".", i + 1 < end, isLetter(s[i + 1]), isLetter(s[i - 1]) {
                        // "Znak.com", "U.S": a dot between letters with no space is inside a word.
                        allDigits = false
                        i += 2
                    } else if (d == "-" || d == "'" || d == "\u{2019}") && i + 1 < end && isAlphanumeric(s[i + 1])
                                && !(d == "-" && isASCIIDigit(s[i - 1]) && isASCIIDigit(s[i + 1])) {
                        // Inner hyphens and apostrophes join, but not a hyphen between digits.
                        allDigits = false
                        i += 2
                    } else {
                        break
                    }
                }
                // "U.S." and "e.g.": single letters joined by dots keep their final dot.
                if i < end, s[i] == ".", i - start >= 3, s[i - 2] == ".", isLetter(s[i - 1]),
                   i - start == 3 || s[i - 4] == "." {
                    i += 1
                }
                tokens[count] = ReaderToken(start: start, end: i, kind: allDigits ? .number : .word, spaceBefore: space)
                count += 1
            } else {
                i += 1
                tokens[count] = ReaderToken(start: start, end: i, kind: .punctuation, spaceBefore: space)
                count += 1
            }
            space = false
        }
        return count
    }
}
