/// A MinHash signature of an article's cleaned text: 128 values summarising the set of its word
/// 5-shingles (five consecutive words). The share of positions where two signatures agree
/// estimates the Jaccard similarity of the two texts' shingle sets, which is what near-duplicate
/// detection needs: paragraphs reordered, cut or padded with furniture change few shingles, a
/// different story changes nearly all.
///
/// Words are the reader stages' words (`WordScanner`: "al-Qaeda", "doesn’t" are one word each;
/// punctuation is not a word), hashed case-folded with `WordHash`, so "The" and "the" agree.
///
/// One-permutation hashing with optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017):
/// each shingle's 64-bit hash goes to one of 128 bins by its top 7 bits, and a bin keeps the
/// least low 32 bits it received; a bin no shingle reached takes the value of the first filled
/// bin in a fixed pseudo-random sequence of its own, the same for every text, so two texts agree
/// there with the probability they agree on a filled bin. One hash per shingle instead of 128
/// permuted ones (128 multiply-adds per shingle cost ~30 µs an article; the bins cost ~1 µs),
/// with the same estimate: unbiased, and for texts of 128 shingles or more no more variable than
/// 128 independent permutations (`NearDuplicateTests` holds it to exact Jaccard on edited copies).
public struct MinHashSignature: Sendable, Equatable {
    /// Hash functions in a signature.
    public static let count = 128
    /// Words in a shingle.
    public static let shingleWords = 5

    /// The least value of each hash function; all `UInt32.max` for a text without words.
    public var values: [UInt32]

    public init(values: [UInt32]) {
        precondition(values.count == Self.count, "a signature has \(Self.count) values")
        self.values = values
    }

    /// The signature of `scalars` (the cleaned text). A text of fewer than five words is one shingle.
    public init(of scalars: [Unicode.Scalar]) {
        self.init(shingles: Self.shingles(of: scalars))
    }

    /// One 64-bit hash per word 5-shingle of `scalars`, in text order (repeats included): the
    /// set a signature summarises, and what an exact Jaccard similarity is computed over.
    public static func shingles(of scalars: [Unicode.Scalar]) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(scalars.count / 5)
        scalars.withUnsafeBufferPointer { p in
            var i = 0
            var space = true
            while let token = WordScanner.nextToken(p, &i, p.count, space: &space) {
                if token.kind != .punctuation { words.append(WordHash.of(scalars, token.start, token.end)) }
            }
        }
        guard !words.isEmpty else { return [] }
        let width = min(Self.shingleWords, words.count)
        return (0...(words.count - width)).map { start in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for k in start..<(start + width) { h = Self.mix(h ^ words[k]) }
            return h
        }
    }

    /// Bits of a shingle hash that choose its bin (2^7 = 128 bins).
    static let binBits = 7

    /// The signature of a shingle set given as hashes: one bin per shingle, then the empty bins
    /// densified.
    init(shingles: [UInt64]) {
        var minima = [UInt32](repeating: .max, count: Self.count)
        var filled: (UInt64, UInt64) = (0, 0)
        for h in shingles {
            let bin = Int(truncatingIfNeeded: h >> UInt64(64 - Self.binBits))
            minima[bin] = min(minima[bin], UInt32(truncatingIfNeeded: h))
            if bin < 64 { filled.0 |= 1 << UInt64(bin) } else { filled.1 |= 1 << UInt64(bin - 64) }
        }
        func isFilled(_ bin: Int) -> Bool { (bin < 64 ? filled.0 >> UInt64(bin) : filled.1 >> UInt64(bin - 64)) & 1 == 1 }
        if filled != (0, 0) {
            for bin in 0..<Self.count where !isFilled(bin) {
                var attempt: UInt64 = 1
                while true {
                    let source = Int(truncatingIfNeeded: Self.mix(UInt64(bin) << 32 | attempt) >> UInt64(64 - Self.binBits))
                    if isFilled(source) { minima[bin] = minima[source]; break }
                    attempt += 1
                }
            }
        }
        values = minima
    }

    /// True for the signature of a text without words.
    public var isEmpty: Bool { values.allSatisfy { $0 == .max } }

    /// The estimated Jaccard similarity: the share of hash functions whose minima agree.
    public func similarity(to other: MinHashSignature) -> Double {
        var same = 0
        for j in 0..<Self.count where values[j] == other.values[j] { same += 1 }
        return Double(same) / Double(Self.count)
    }

    // MARK: Locality-sensitive hashing

    /// Bands of the LSH index: two texts are compared when all rows of at least one band agree.
    /// 32 bands of 4 rows find a pair at similarity 0.8 with probability 1 - (1 - 0.8^4)^32 > 0.9999
    /// and one at 0.3 with 0.23; candidates are then checked on the whole signature.
    public static let bands = 32
    public static let rowsPerBand = count / bands

    /// One key per band: the band number in the top 6 bits, a hash of its rows below.
    public var bandKeys: [Int64] {
        (0..<Self.bands).map { band in
            var h: UInt64 = UInt64(band) &* 0xD6E8_FEB8_6659_FD93
            for row in 0..<Self.rowsPerBand { h = Self.mix(h ^ UInt64(values[band * Self.rowsPerBand + row])) }
            return Int64(bitPattern: UInt64(band) << 58 | h >> 6)
        }
    }

    // MARK: Storage

    /// The values as little-endian bytes (4 per value), as the index stores them.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.count * 4)
        for v in values { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        return out
    }

    /// The signature stored as `bytes`; nil when the length is wrong.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.count * 4 else { return nil }
        values = (0..<Self.count).map { j in
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(bytes[j * 4 + k]) << (8 * k) }
            return v
        }
    }

    // MARK: Hash functions

    /// The splitmix64 finaliser: every input bit flips about half the output bits.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
