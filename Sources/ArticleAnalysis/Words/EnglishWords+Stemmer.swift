/// The light stemmer of `EnglishWords`: folds inflected forms of a word together.
extension EnglishWords {
    /// A light suffix-stripping stemmer for folding ("attacks" and "attack", "strikes" and
    /// "strike"). It is deliberately conservative: it only folds inflections, never derivations.
    static func stem(_ word: String) -> String {
        var u = word.unicodeScalars.map { WordHash.fold($0) }
        stem(&u)
        var view = String.UnicodeScalarView()
        for v in u { view.append(Unicode.Scalar(v)!) }
        return String(view)
    }

    /// The hash of the stem of the lower-cased word at `start..<end`; `buffer` is scratch space.
    static func stemHash(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ buffer: inout [UInt32]) -> UInt64 {
        buffer.removeAll(keepingCapacity: true)
        for i in start..<end { buffer.append(WordHash.fold(scalars[i])) }
        stem(&buffer)
        var h = FNV1a.offsetBasis
        for v in buffer { h = FNV1a.step(h, v) }
        return h
    }

    /// The hash of the stem of the word at `start..<end`, or nil when it is a stop word or a
    /// single letter: one pass of lower-casing for both questions.
    static func contentStemHash(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ buffer: inout [UInt32]) -> UInt64? {
        var wordHash: UInt64 = 0
        return contentStemHash(scalars, start, end, &buffer, wordHash: &wordHash)
    }

    /// As `contentStemHash`, also giving the word's own hash (set even for stop words).
    static func contentStemHash(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ buffer: inout [UInt32],
                                wordHash: inout UInt64) -> UInt64? {
        buffer.removeAll(keepingCapacity: true)
        var h = FNV1a.offsetBasis
        for i in start..<end {
            let v = WordHash.fold(scalars[i])
            buffer.append(v)
            h = FNV1a.step(h, v)
        }
        wordHash = h
        if end - start < 2 || stopHashes.contains(h) { return nil }
        stem(&buffer)
        h = FNV1a.offsetBasis
        for v in buffer { h = FNV1a.step(h, v) }
        return h
    }

    /// The hash of the stem of the lower-cased word at `p[start..<end]`, as `stemHash(_:_:_:_:)`
    /// gives it, read in place (no buffer).
    @inline(__always)
    static func stemHash(_ p: UnsafePointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> UInt64 {
        let cut = stemCut(p, start, end)
        var h = FNV1a.offsetBasis
        for i in start..<(start + cut.length) { h = FNV1a.step(h, WordHash.fold(p[i])) }
        return cut.addsY ? FNV1a.step(h, 0x79) : h
    }

    /// Where `stem(_:)` cuts the lower-cased word at `p[start..<end]`: the stem is its first
    /// `length` scalars, followed by a "y" when `addsY` ("cities" -> "city"). The rules are those
    /// of `stem(_:)`, read from the last four scalars in place (folded, a byte each, in one
    /// integer: a suffix is one masked comparison), so the reader pass can hash a stem while it
    /// hashes the word.
    @inline(__always)
    static func stemCut(_ p: UnsafePointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> (length: Int, addsY: Bool) {
        // Offsets inside the word: plain arithmetic, no overflow checks.
        var n = end &- start
        guard n > 0 else { return (0, false) }
        let s: UInt32 = 0x73
        var l1 = foldedByte(p[end &- 1])
        if n > 2 && l1 == s && foldedByte(p[end &- 2]) == 0x27 {  // "'s"
            n &-= 2
            l1 = n > 0 ? foldedByte(p[start &+ n &- 1]) : 0
        }
        // Every rule below needs four scalars or more and a word ending in "s", "g" or "d".
        guard n > 3, l1 == s || l1 == 0x67 || l1 == 0x64 else { return (n, false) }
        let last = p + (start &+ n &- 1)
        let t = foldedByte(last[-3]) << 24 | foldedByte(last[-2]) << 16 | foldedByte(last[-1]) << 8 | l1
        let t3 = t & 0xFF_FFFF, t2 = t & 0xFFFF
        // As in `stem(_:)`, a suffix of m letters is only cut from a word of more than m + 2.
        if n > 5 && t3 == 0x69_6573 { return (n &- 3, true) }  // "ies"
        if n > 6 && (t == 0x7373_6573 || t == 0x6368_6573 || t == 0x7368_6573) { return (n &- 2, false) }  // "sses", "ches", "shes"
        if n > 5 && t3 == 0x78_6573 { return (n &- 2, false) }  // "xes"
        if n > 4 && (t2 == 0x7373 || t2 == 0x7573 || t2 == 0x6973) { return (n, false) }  // "ss", "us", "is"
        if l1 == s { return (n &- 1, false) }  // "s" (n > 3 here)
        if n > 5 && t3 == 0x69_6E67 { return (n &- 3, false) }  // "ing"
        if n > 4 && t2 == 0x6564 { return (n &- 2, false) }  // "ed"
        return (n, false)
    }

    /// The scalar folded (`WordHash.fold`) when that is ASCII, else 0 (which no rule has).
    @inline(__always)
    private static func foldedByte(_ c: Unicode.Scalar) -> UInt32 {
        let folded = WordHash.fold(c)
        return folded < 0x80 ? folded : 0
    }

    /// The stemming rules on lower-cased scalar values, in place.
    static func stem(_ u: inout [UInt32]) {
        let apostrophe: UInt32 = 0x27, s: UInt32 = 0x73
        if u.count > 2, u[u.count - 2] == apostrophe, u[u.count - 1] == s { u.removeLast(2) }
        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard u.count > n + 2 else { return false }
            let p = suffix.utf8Start
            for k in 0..<n where u[u.count - n + k] != UInt32(p[k]) { return false }
            return true
        }
        if ends("ies") { u.removeLast(3); u.append(0x79) }
        else if ends("sses") { u.removeLast(2) }
        else if ends("ches") || ends("shes") || ends("xes") { u.removeLast(2) }
        else if ends("ss") || ends("us") || ends("is") {}
        else if ends("s") { u.removeLast(1) }
        else if ends("ing") && u.count > 5 { u.removeLast(3) }
        else if ends("ed") && u.count > 4 { u.removeLast(2) }
    }
}
