/// 64-bit FNV-1a hashes of lower-cased words, so the reader stages can look words up without
/// building a `String` for each one (the stages run on every article; strings are the slow part).
///
/// A word hashes the same from the text (`of(_:_:_:)`) as from a lexicon entry (`of(_:)`): scalars
/// are lower-cased one by one (keeping the first scalar of a longer mapping) and the typographic
/// apostrophe reads as "'". Collisions between two of the few thousand words in a table are
/// vanishingly unlikely at 64 bits.
enum WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// `prime`'s inverse modulo 2^64 (`prime &* inversePrime == 1`): a step can be undone.
    static let inversePrime: UInt64 = 0xce96_5057_aff6_957b

    @inline(__always)
    static func step(_ hash: UInt64, _ value: UInt32) -> UInt64 { (hash ^ UInt64(value)) &* prime }

    /// The hash before `step(_:_:)` added `value`: `unstep(step(h, v), v) == h`. A word's hash
    /// gives the hash of any of its prefixes by undoing the scalars after it (a stem, the word
    /// without its possessive), so a scan hashes each word once, front to back.
    @inline(__always)
    static func unstep(_ hash: UInt64, _ value: UInt32) -> UInt64 { (hash &* inversePrime) ^ UInt64(value) }

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
        c.value == 0x2019 ? 0x27 : foldNonASCII(c, isUppercase: c.properties.isUppercase)
    }

    /// `foldNonASCII(_:)` when the caller has asked whether `c` is upper case.
    @inline(never)
    static func foldNonASCII(_ c: Unicode.Scalar, isUppercase: Bool) -> UInt32 {
        if c.value == 0x2019 { return 0x27 }
        if isUppercase, let lower = c.properties.lowercaseMapping.unicodeScalars.first { return lower.value }
        return c.value
    }

    static func of(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64 {
        var h = seed
        for i in start..<end { h = step(h, fold(scalars[i])) }
        return h
    }

    static func of(_ string: String) -> UInt64 {
        var h = seed
        for c in string.unicodeScalars { h = step(h, fold(c)) }
        return h
    }

    /// The hash of `prefix + " " + word`, continuing from the prefix's hash (for phrases).
    static func extend(_ prefix: UInt64, _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64 {
        var h = step(prefix, 0x20)
        for i in start..<end { h = step(h, fold(scalars[i])) }
        return h
    }
}
