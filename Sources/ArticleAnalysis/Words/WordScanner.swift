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
    /// Offsets kept in 32 bits: a token sits in the dates stage's and the word pass's arrays
    /// (`ReaderWords.Word`) once per word of the article, so its size counts for long texts.
    private var _start: Int32
    private var _end: Int32
    var kind: Kind
    /// True when white space separates this token from the previous one.
    var spaceBefore: Bool

    var start: Int { get { Int(_start) } set { _start = Int32(truncatingIfNeeded: newValue) } }
    var end: Int { get { Int(_end) } set { _end = Int32(truncatingIfNeeded: newValue) } }

    /// Offsets fit in 32 bits: `ScalarText` holds fewer than 2^31 scalars.
    @inline(__always)
    init(start: Int, end: Int, kind: Kind, spaceBefore: Bool) {
        _start = Int32(truncatingIfNeeded: start); _end = Int32(truncatingIfNeeded: end); self.kind = kind; self.spaceBefore = spaceBefore
    }
}

/// What a scan notes of a token's scalars as it reads them (`WordScanner.nextToken(_:_:_:space:tally:)`):
/// `ReaderWords` hashes and counts capitals in the scan's own pass over the scalars.
protocol ScalarTally {
    /// An ASCII letter.
    mutating func letter(_ v: UInt32)
    /// An ASCII digit or joiner, or the value a joiner reads as ("’" as "'"): the value hashes as it is.
    mutating func ascii(_ v: UInt32)
    /// A letter or digit from 0x80 up, with its general category (`ScalarClass.letterCase`).
    mutating func nonASCII(_ c: Unicode.Scalar, _ category: Unicode.GeneralCategory)
}

/// A tally that notes nothing (a scan for the tokens alone).
struct NoTally: ScalarTally {
    @inline(__always) mutating func letter(_ v: UInt32) {}
    @inline(__always) mutating func ascii(_ v: UInt32) {}
    @inline(__always) mutating func nonASCII(_ c: Unicode.Scalar, _ category: Unicode.GeneralCategory) {}
}

/// Splits a range of scalars into `ReaderToken`s.
enum WordScanner {
    /// Scans `scalars[range]`, appending to `tokens`.
    static func scan(_ scalars: [Unicode.Scalar], _ range: Range<Int>, into tokens: inout [ReaderToken]) {
        precondition(range.isEmpty || (range.lowerBound >= 0 && range.upperBound <= scalars.count), "scan range outside the text")
        scalars.withUnsafeBufferPointer { p in
            var i = range.lowerBound
            var space = true
            while let token = nextToken(p, &i, range.upperBound, space: &space) { tokens.append(token) }
        }
    }

    /// The token that starts at or after `i` in `p[i..<end]`, advancing `i` past it; nil when only
    /// white space is left. `space` is true at the start of a scan and carries whether white space
    /// came before the token. The caller keeps `i` and `end` inside `p` (this reads unchecked: it
    /// runs for every scalar of every article).
    @inline(__always)
    static func nextToken(_ p: UnsafeBufferPointer<Unicode.Scalar>, _ i: inout Int, _ end: Int, space: inout Bool) -> ReaderToken? {
        var none = NoTally()
        return nextToken(p, &i, end, space: &space, tally: &none)
    }

    /// As above, passing every scalar of a word or number token to `tally` as the scan reads it
    /// (none of a punctuation token), so that a caller can hash the word in the same pass.
    @inline(__always)
    static func nextToken<Tally: ScalarTally>(_ p: UnsafeBufferPointer<Unicode.Scalar>, _ i: inout Int, _ end: Int,
                                             space: inout Bool, tally: inout Tally) -> ReaderToken? {
        guard i < end, let base = p.baseAddress else { return nil }
        var k = i
        var v: UInt32  // the value of `base[k]` from here on, while `k < end`
        // White space before the token; an ASCII letter, the commonest start, is asked first.
        while true {
            guard k < end else { i = k; return nil }
            v = base[k].value
            if ScalarClass.isASCIILetter(v) || !ScalarClass.isWhitespace(base[k]) { break }
            space = true
            k += 1
        }
        let start = k
        let spaceBefore = space
        space = false
        guard ScalarClass.isASCIILetter(v) || ScalarClass.isLetterOrDigit(base[k]) else {
            i = k + 1
            return ReaderToken(start: start, end: k + 1, kind: .punctuation, spaceBefore: spaceBefore)
        }
        var allDigits = true
        scan: while true {
            // ASCII letters first (no scalar from 0x80 up passes this test): they are most of a
            // word's scalars, and this loop runs for every scalar of every article. A run of them
            // is read in a loop of its own, as tight as it gets.
            if ScalarClass.isASCIILetter(v) {
                allDigits = false
                repeat {
                    tally.letter(v)
                    k &+= 1  // below `end`: cannot overflow
                    guard k < end else { break scan }
                    v = base[k].value
                } while ScalarClass.isASCIILetter(v)
            }
            if v < 0x80 {
                // Most words end at an ASCII space or mark: only digits, ".", "-" and "'" go on.
                guard v < 0x40 && (WordScanner.digitsAndJoiners >> UInt64(v)) & 1 != 0 else { break }
                if v >= 0x30 {
                    tally.ascii(v)
                    k &+= 1
                    guard k < end else { break scan }
                    v = base[k].value
                    continue
                }
            } else if v != 0xA0 && (v < 0x2010 || v > 0x201F) {  // not a no-break space, dash or quotation mark
                // One look-up of the general category answers for most letters (`ScalarClass.letterCase`).
                let d = base[k]
                let category = ScalarClass.category(d)
                if ScalarClass.isLetterOrDigit(category) {
                    allDigits = false
                    tally.nonASCII(d, category)
                    k += 1
                    guard k < end else { break scan }
                    v = base[k].value
                    continue
                }
            }
            // A joiner is followed by a letter or digit (so `k + 1 < end`), which the next round takes.
            if v == 0x2E, k + 1 < end, ScalarClass.isLetter(base[k + 1]), ScalarClass.isLetter(base[k - 1]) {
                // "Znak.com", "U.S": a dot between letters with no space is inside a word.
                tally.ascii(v)
            } else if (v == 0x2D || v == 0x27 || v == 0x2019) && k + 1 < end && ScalarClass.isLetterOrDigit(base[k + 1])
                        && !(v == 0x2D && ScalarClass.isASCIIDigit(base[k - 1]) && ScalarClass.isASCIIDigit(base[k + 1])) {
                // Inner hyphens and apostrophes join ("al-Qaeda", "doesn’t"), but not a hyphen
                // between digits ("2019-01-05", "2005-2015" stay separate numbers).
                tally.ascii(v == 0x2019 ? 0x27 : v)  // "’" reads as "'" (`WordHash.fold`)
            } else {
                break
            }
            allDigits = false
            k += 1
            v = base[k].value
        }
        // "U.S." and "e.g.": single letters joined by dots keep their final dot.
        if k < end, v == 0x2E, k - start >= 3, base[k - 2] == ".", ScalarClass.isLetter(base[k - 1]),
           k - start == 3 || base[k - 4] == "." {
            tally.ascii(0x2E)
            k += 1
        }
        i = k
        return ReaderToken(start: start, end: k, kind: allDigits ? .number : .word, spaceBefore: spaceBefore)
    }

    /// Bit `v` is set for the ASCII digits and the joiners ".", "-" and "'" (all below 0x40).
    static let digitsAndJoiners: UInt64 = 0x03FF_6080_0000_0000  // 0x30...0x39, 0x2E, 0x2D, 0x27

    /// The end of a word without its possessive ending ("al-Qaeda’s" -> "al-Qaeda").
    static func endWithoutPossessive(_ scalars: [Unicode.Scalar], _ token: ReaderToken) -> Int {
        scalars.withUnsafeBufferPointer { s in
            guard let p = s.baseAddress, token.end <= s.count else { return token.end }
            return endWithoutPossessive(p, token.start, token.end)
        }
    }

    /// The end of the word `p[start..<end]` without its possessive ending: two scalars less after
    /// "'s" or "’s" (either case) on a word of more than three scalars, else `end`.
    @inline(__always)
    static func endWithoutPossessive(_ p: UnsafePointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Int {
        if end - start > 3 {
            let last = p[end - 1].value, apostrophe = p[end - 2].value
            if (last == 0x73 || last == 0x53) && (apostrophe == 0x27 || apostrophe == 0x2019) { return end - 2 }
        }
        return end
    }

    /// True when the word has an upper-case letter anywhere ("Syria", "al-Qaeda").
    static func containsUppercase(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        for i in start..<end where ScalarClass.isUppercase(scalars[i]) { return true }
        return false
    }

    /// True when every letter of the word is upper case and it has at least two letters ("FSB", "US").
    static func isAllCaps(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        var letters = 0
        for i in start..<end {
            let c = scalars[i]
            if ScalarClass.isLowercase(c) { return false }
            if ScalarClass.isUppercase(c) { letters += 1 }
        }
        return letters >= 2
    }
}
