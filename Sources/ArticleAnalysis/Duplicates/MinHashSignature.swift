/// A MinHash signature of an article's cleaned text: for each of 128 hash functions, the least
/// hash over the text's word 5-shingles (five consecutive words). The share of positions where two
/// signatures agree estimates the Jaccard similarity of the two texts' shingle sets, which is
/// what near-duplicate detection needs: paragraphs reordered, cut or padded with furniture change
/// few shingles, a different story changes nearly all.
///
/// Words are the reader stages' words (`WordScanner`: "al-Qaeda", "doesn’t" are one word each;
/// punctuation is not a word), hashed case-folded with `WordHash`, so "The" and "the" agree.
/// The 128 hash functions are multiply-add permutations of 32 bits of one well-mixed hash per
/// shingle ((a·x + b) mod 2^32 with a odd), so a shingle costs one mix and 128 32-bit
/// multiply-adds, which the compiler vectorises (8 lanes with AVX2): a signature costs tens of
/// microseconds, not hundreds.
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

    /// The signature of a shingle set given as hashes: eight hash functions at a time in SIMD
    /// lanes (`SIMD8<UInt32>`), so the multiply-adds and minima run as vector instructions.
    init(shingles: [UInt64]) {
        let lanes = Self.count / 8
        var minima = [SIMD8<UInt32>](repeating: SIMD8(repeating: .max), count: lanes)
        Self.laneMultipliers.withUnsafeBufferPointer { a in
            Self.laneIncrements.withUnsafeBufferPointer { b in
                minima.withUnsafeMutableBufferPointer { m in
                    for h in shingles {
                        let x = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: h >> 32))
                        for k in 0..<lanes { m[k] = pointwiseMin(m[k], x &* a[k] &+ b[k]) }
                    }
                }
            }
        }
        values = minima.flatMap { v in (0..<8).map { v[$0] } }
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

    /// Odd multipliers and increments of the 128 permutations, drawn from splitmix64 with fixed
    /// seeds: a signature never changes between runs or builds (the index stores them).
    static let multipliers: [UInt32] = (0..<count).map { UInt32(truncatingIfNeeded: mix(UInt64($0) &* 2 &+ 1)) | 1 }
    static let increments: [UInt32] = (0..<count).map { UInt32(truncatingIfNeeded: mix(UInt64($0) &* 2 &+ 0x5555)) }
    static let laneMultipliers: [SIMD8<UInt32>] = (0..<(count / 8)).map { k in SIMD8((0..<8).map { multipliers[k * 8 + $0] }) }
    static let laneIncrements: [SIMD8<UInt32>] = (0..<(count / 8)).map { k in SIMD8((0..<8).map { increments[k * 8 + $0] }) }
}
