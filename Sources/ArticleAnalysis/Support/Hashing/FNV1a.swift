/// The 64-bit FNV-1a hash (Fowler, Noll, Vo): for each value, xor it in, then multiply by the
/// FNV prime. The one string hash of the analysis code: words (`WordHash`, which folds case
/// first), the entity tagger's word forms and features (`NERHash`), the quote stage's word keys.
///
/// Collisions between two of the few thousand words a table holds are vanishingly unlikely at
/// 64 bits.
package enum FNV1a {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// `prime`'s inverse modulo 2^64 (`prime &* inversePrime == 1`): a step can be undone.
    static let inversePrime: UInt64 = 0xce96_5057_aff6_957b

    @inline(__always)
    package static func step(_ hash: UInt64, _ value: UInt32) -> UInt64 { (hash ^ UInt64(value)) &* prime }

    /// A step over a 64-bit value (a sequence of word hashes hashed as one).
    @inline(__always)
    package static func step(_ hash: UInt64, wide value: UInt64) -> UInt64 { (hash ^ value) &* prime }

    /// The hash before `step(_:_:)` added `value`: `unstep(step(h, v), v) == h`.
    @inline(__always)
    static func unstep(_ hash: UInt64, _ value: UInt32) -> UInt64 { (hash &* inversePrime) ^ UInt64(value) }

    /// The hash of the scalar values as they are (no folding).
    @inline(__always)
    package static func of<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var h = offsetBasis
        for s in scalars { h = step(h, s.value) }
        return h
    }
}
