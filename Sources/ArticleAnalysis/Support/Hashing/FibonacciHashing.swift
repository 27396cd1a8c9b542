/// Fibonacci hashing (Knuth, TAOCP 6.4): a key times 2^64 / φ, the golden ratio, spreads every
/// bit of the key into the high bits of the product, so the top `bits` bits pick one of 2^bits
/// slots. The multiplier is odd, so the product is one-to-one: `mix` loses nothing.
///
/// The one home of the multiplier: the hash tables (`FlatHashMap`, the keyphrase
/// `CandidateTable`, the tone stage's buckets, the language profiles) and the splitmix mixers
/// (`NERHash.mix`, the trainer's random numbers) all read it here.
package enum FibonacciHashing {
    /// 2^64 / φ, rounded to odd.
    package static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// `key` times the multiplier (one-to-one).
    @inline(__always)
    package static func mix(_ key: UInt64) -> UInt64 { key &* multiplier }

    /// The slot of `key` in a table of 2^`bits` slots: the top `bits` bits of `mix(key)`.
    @inline(__always)
    package static func slot(_ key: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: mix(key) &>> UInt64(64 - bits))
    }
}
