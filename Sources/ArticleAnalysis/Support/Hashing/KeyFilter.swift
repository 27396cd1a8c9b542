/// One bit per value of a key's top `bits` bits, set for the keys of a table: it turns most
/// absent keys away before the table is read (the tables are usually out of cache by the time a
/// stage looks words up; the filter is small). The one such filter of the analysis code (the
/// quote lexicon, the speaker scan's sentence-initial words, the tone lexicon).
///
/// A key of the table always passes; an absent key passes with a chance of about the share of
/// bits set.
struct KeyFilter: Sendable {
    private var words: [UInt64]
    private let shift: UInt64

    /// A filter of 2^`bits` bits (at least 64), all clear.
    init(bits: Int) {
        let bits = max(6, min(bits, 32))
        words = [UInt64](repeating: 0, count: 1 << (bits - 6))
        shift = UInt64(64 - bits)
    }

    @inline(__always)
    mutating func insert(_ key: UInt64) {
        let bit = Int(truncatingIfNeeded: key &>> shift)
        words[bit &>> 6] |= 1 &<< UInt64(bit & 63)
    }

    /// False when `key` is certainly not a key of the table.
    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: key &>> shift)
        return words[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0
    }
}
