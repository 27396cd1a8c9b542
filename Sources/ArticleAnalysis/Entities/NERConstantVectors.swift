/// Score vectors of the feature templates whose values come from a small set, worked out once
/// when the model is made, so the tagger adds a vector where it would mix a hash and look up a
/// weight row: the particles around a token (template 33: 4 values a word, 64 in all), each
/// gazetteer match bit (template 37: 16), the two previous labels (templates 101 and 102: 18 × 18,
/// 17 standing for the sentence start) and the prediction history alone (template 105: 1...5).
/// Weights are integers, so the sums are exactly those of the rows (see `NERTagger`).
struct NERConstantVectors: Sendable {
    /// `NERLabel.count` Int32 per value, in `NERScoreSum`'s split layout: the particle vectors,
    /// then the gazetteer bits', the labels' and the history's (see the offsets below).
    private(set) var vectors: [Int32] = []

    /// Values of a label in the label vectors: the 17 labels and the sentence start.
    static let labelValues = NERLabel.count + 1
    /// Where each group starts, in vectors.
    static let particles = 0, gazetteer = 64, labels = 80, history = 80 + labelValues * labelValues
    static let count = history + 6

    init() {}

    init(_ table: NERWeightView) {
        let L = NERLabel.count
        var vectors = [Int32](repeating: 0, count: NERConstantVectors.count * L)
        let bits: [UInt64] = [0, 1, 32, 33]  // `NERWordHashes.particleBits` by `particleIndex`
        let n = NERConstantVectors.labelValues
        vectors.withUnsafeMutableBufferPointer { p in
            func store(_ index: Int, _ features: (inout NERScoreSum) -> Void) {
                var sum = NERScoreSum(table)
                features(&sum)
                sum.store(vector: p.baseAddress! + index * L)
            }
            for i in 0..<64 {
                store(NERConstantVectors.particles + i) {
                    NERFeatures.particleFeatures(p1: bits[i & 3], c: bits[(i >> 2) & 3], n1: bits[i >> 4], into: &$0)
                }
            }
            for bit in 0..<16 { store(NERConstantVectors.gazetteer + bit) { NERFeatures.gazetteerFeatures(bit: bit, into: &$0) } }
            for i in 0..<(n * n) {
                store(NERConstantVectors.labels + i) { NERFeatures.labelFeatures(p1: UInt8(i / n), p2: UInt8(i % n), into: &$0) }
            }
            for h in 1..<6 { store(NERConstantVectors.history + h) { NERFeatures.historyAloneFeatures(history: UInt8(h), into: &$0) } }
        }
        self.vectors = vectors
    }

    /// The position in `particles` of the words' `NERWordHashes.particleBits` (0, 1, 32 or 33 each).
    @inline(__always)
    static func particleIndex(p1: UInt64, c: UInt64, n1: UInt64) -> Int {
        @inline(__always) func two(_ b: UInt64) -> Int { Int(b & 1 | (b >> 4) & 2) }
        return two(p1) | two(c) << 2 | two(n1) << 4
    }
}
