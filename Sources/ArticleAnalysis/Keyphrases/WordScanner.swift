/// A word, number or punctuation mark as the reader stages (keyphrases, summary, tone, dates) see it.
///
/// These stages need words the way a reader sees them ("al-Qaeda", "doesn’t", "116th" are one word
/// each), independent of how the segmentation stage splits tokens for other purposes, so they scan
/// the text themselves. Offsets are code-point offsets into the cleaned text.
struct ReaderToken: Sendable {
    enum Kind: UInt8, Sendable {
        /// Letters, possibly with digits, inner hyphens and apostrophes.
        case word
        /// ASCII digits only.
        case number
        /// Any other single non-space scalar.
        case punctuation
    }
    var start: Int
    var end: Int
    var kind: Kind
    /// True when white space separates this token from the previous one.
    var spaceBefore: Bool
}

/// Splits a range of scalars into `ReaderToken`s.
enum WordScanner {
    /// Scans `scalars[range]`, appending to `tokens`.
    static func scan(_ scalars: [Unicode.Scalar], _ range: Range<Int>, into tokens: inout [ReaderToken]) {
        var i = range.lowerBound
        let end = range.upperBound
        var space = true
        while i < end {
            let c = scalars[i]
            if isSpace(c) { space = true; i += 1; continue }
            let start = i
            if isAlphanumeric(c) {
                var allDigits = true
                while i < end {
                    let d = scalars[i]
                    if isAlphanumeric(d) {
                        if !isASCIIDigit(d) { allDigits = false }
                        i += 1
                    } else if d == ".", i + 1 < end, isLetter(scalars[i + 1]), isLetter(scalars[i - 1]) {
                        // "Znak.com", "U.S": a dot between letters with no space is inside a word.
                        allDigits = false
                        i += 2
                    } else if (d == "-" || d == "'" || d == "\u{2019}") && i + 1 < end && isAlphanumeric(scalars[i + 1])
                                && !(d == "-" && isASCIIDigit(scalars[i - 1]) && isASCIIDigit(scalars[i + 1])) {
                        // Inner hyphens and apostrophes join ("al-Qaeda", "doesn’t"), but not a hyphen
                        // between digits ("2019-01-05", "2005-2015" stay separate numbers).
                        allDigits = false
                        i += 2
                    } else {
                        break
                    }
                }
                // "U.S." and "e.g.": single letters joined by dots keep their final dot.
                if i < end, scalars[i] == ".", i - start >= 3, scalars[i - 2] == ".", isLetter(scalars[i - 1]),
                   i - start == 3 || scalars[i - 4] == "." {
                    i += 1
                }
                tokens.append(ReaderToken(start: start, end: i, kind: allDigits ? .number : .word, spaceBefore: space))
            } else {
                i += 1
                tokens.append(ReaderToken(start: start, end: i, kind: .punctuation, spaceBefore: space))
            }
            space = false
        }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c == " " || c == "\n" || c == "\t" || c == "\r" }
        return c.properties.isWhitespace
    }

    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return c.properties.isAlphabetic || c.properties.numericType == .decimal
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return c.properties.isAlphabetic
    }

    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
        return c.properties.isUppercase
    }

    static func isLowercase(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
        return c.properties.isLowercase
    }

    /// The end of a word without its possessive ending ("al-Qaeda’s" -> "al-Qaeda").
    static func endWithoutPossessive(_ scalars: [Unicode.Scalar], _ token: ReaderToken) -> Int {
        let e = token.end
        if e - token.start > 3, scalars[e - 1] == "s" || scalars[e - 1] == "S",
           scalars[e - 2] == "'" || scalars[e - 2] == "\u{2019}" {
            return e - 2
        }
        return e
    }

    /// True when the word has an upper-case letter anywhere ("Syria", "al-Qaeda").
    static func containsUppercase(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        for i in start..<end where isUppercase(scalars[i]) { return true }
        return false
    }

    /// True when every letter of the word is upper case and it has at least two letters ("FSB", "US").
    static func isAllCaps(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        var letters = 0
        for i in start..<end {
            let c = scalars[i]
            if isLowercase(c) { return false }
            if isUppercase(c) { letters += 1 }
        }
        return letters >= 2
    }
}
