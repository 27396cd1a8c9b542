/// 64-bit FNV-1a hashes (`FNV1a`) of lower-cased words, so the reader stages can look words up without
/// building a `String` for each one (the stages run on every article; strings are the slow part).
///
/// A word hashes the same from the text (`of(_:_:_:)`) as from a lexicon entry (`of(_:)`): scalars
/// are lower-cased one by one (`ScalarClass.lowercased`: the first scalar of a longer mapping) and
/// the typographic apostrophe reads as "'". Collisions between two of the few thousand words in a table are
/// vanishingly unlikely at 64 bits.
enum WordHash {
    /// The scalar value as the hash reads it: lower case, "’" as "'".
    @inline(__always)
    static func fold(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < 0x80 { return (v &- 0x41) < 26 ? v + 32 : v }
        return foldNonASCII(c)
    }

    /// `fold` above ASCII, kept out of line so the ASCII case inlines small.
    @inline(never)
    static func foldNonASCII(_ c: Unicode.Scalar) -> UInt32 {
        c.value == 0x2019 ? 0x27 : ScalarClass.lowercased(c).value
    }

    /// `foldNonASCII(_:)` when the caller has asked whether `c` is upper case (`ScalarClass.letterCase`).
    @inline(never)
    static func foldNonASCII(_ c: Unicode.Scalar, isUppercase: Bool) -> UInt32 {
        if c.value == 0x2019 { return 0x27 }
        return isUppercase ? ScalarClass.lowercaseMapping(ofCapital: c).value : c.value
    }

    static func of(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64 {
        var h = FNV1a.offsetBasis
        for i in start..<end { h = FNV1a.step(h, fold(scalars[i])) }
        return h
    }

    static func of(_ string: String) -> UInt64 {
        var h = FNV1a.offsetBasis
        for c in string.unicodeScalars { h = FNV1a.step(h, fold(c)) }
        return h
    }

    /// The hash of `prefix + " " + word`, continuing from the prefix's hash (for phrases).
    static func extend(_ prefix: UInt64, _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64 {
        var h = FNV1a.step(prefix, 0x20)
        for i in start..<end { h = FNV1a.step(h, fold(scalars[i])) }
        return h
    }
}
