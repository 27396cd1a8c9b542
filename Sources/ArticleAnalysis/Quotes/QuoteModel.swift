/// The learned part of the quotes stage: one table of hashed feature weights shared by its
/// decisions (`QuoteDecision`), each a linear score compared with the decision's threshold.
///
/// Trained by `QuoteTrainer` (averaged perceptron, `articled train-quotes`) from PolNeAR train
/// and shipped as `Resources/quotes.model`. A feature is a 64-bit hash of the decision, the
/// template and its value (`QuoteFeatures`); its weight is at the hash's top `bits` bits.
///
/// The cue vocabulary (`cueWords`) is learned with the weights: the keys of the words that are
/// (part of) a gold reported-speech cue in the training articles. Only those words are scored as
/// cues, so the cue decision costs a lookup for the other words of an article instead of ~27
/// hashed features into the table (which made the stage ~40% of the analysis).
///
/// File format (little-endian), "AQTM" version 2: `magic "AQTM"`, `u32 version`,
/// `u32 featureVersion`, `u32 bits`, `u32 decisions`, one `f32` threshold per decision,
/// `u32 count`, then `count` non-zero weights (held as `Int16` times a scale once read) in increasing index order, each `u32 index`,
/// `f32 weight`; then `u32 cueCount` and `cueCount` cue word keys in increasing order, each a
/// `u64` as two `u32` (low first). Version 1 files have no cue vocabulary (every word scored).
public struct QuoteModel: Sendable {
    public static let fileName = "quotes.model"
    /// Bumped whenever `QuoteFeatures` computes different features: an old model must be retrained.
    static let featureVersion: UInt32 = 1

    public enum FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        case badMagic, unsupportedVersion(UInt32), featureVersionMismatch(UInt32), truncated
        public var description: String {
            switch self {
            case .badMagic: "not an articled quotes model (bad magic)"
            case .unsupportedVersion(let v): "unsupported quotes model version \(v)"
            case .featureVersionMismatch(let v): "quotes model has feature version \(v), this build \(QuoteModel.featureVersion); retrain it"
            case .truncated: "quotes model file is truncated"
            }
        }
    }

    let bits: Int
    /// The weights as 16-bit integers, `weight = Float(q) * scale`: half the memory of `Float`
    /// (the table is read at random, ~27 look-ups per scored word, so its size is cache misses).
    let weights: [Int16]
    let scale: Float
    /// Per `QuoteDecision`: the score above which the answer is yes.
    let thresholds: [Float]
    /// The word keys that may be a reported-speech cue, ascending; empty: every word may be.
    let cueWords: [UInt64]

    /// True when the model holds no weights: the stage then decides by its rules alone.
    public var isEmpty: Bool { weights.count <= 1 }

    /// `cueWords` for look-up: a small filter turns most words away before the table is read.
    private let cueFilter: KeyFilter
    private let cueTable: FlatHashMap<UInt8>

    package init(bits: Int, weights: [Float], thresholds: [Float], cueWords: [UInt64] = []) {
        let scale = Self.scale(largest: weights.reduce(Float(0)) { max($0, abs($1)) })
        self.init(bits: bits, quantized: weights.map { Self.quantize($0, scale) }, scale: scale, thresholds: thresholds, cueWords: cueWords)
    }

    @inline(__always)
    private static func scale(largest: Float) -> Float { largest > 0 ? largest / Float(Int16.max) : 1 }

    @inline(__always)
    private static func quantize(_ weight: Float, _ scale: Float) -> Int16 {
        Int16((weight / scale).rounded().clamped(-32767, 32767))
    }

    private init(bits: Int, quantized weights: [Int16], scale: Float, thresholds: [Float], cueWords: [UInt64]) {
        self.bits = bits; self.weights = weights; self.scale = scale; self.thresholds = thresholds; self.cueWords = cueWords
        var filter = KeyFilter(bits: 14)
        var table = FlatHashMap<UInt8>(capacity: cueWords.count)
        for key in cueWords { filter.insert(key); table.set(key, 1) }
        cueFilter = filter; cueTable = table
    }

    /// Can the word with this key be a reported-speech cue (was it one in the training data)?
    @inline(__always)
    func mayBeCue(_ key: UInt64) -> Bool {
        cueWords.isEmpty || (cueFilter.mayContain(key) && cueTable.contains(key))
    }

    /// No learned weights: the rules decide.
    public static let empty = QuoteModel(bits: 0, weights: [0], thresholds: [Float](repeating: 0, count: QuoteDecision.count))

    @inline(__always)
    func index(_ feature: UInt64) -> Int { Int(truncatingIfNeeded: feature >> UInt64(64 - bits)) }

    /// The linear score of `features`.
    func score(_ features: QuoteFeatures) -> Float {
        var sum: Int32 = 0
        weights.withUnsafeBufferPointer { w in
            for i in 0..<features.count { sum &+= Int32(w[index(features[i])]) }
        }
        return Float(sum) * scale
    }

    func says(_ decision: QuoteDecision, _ features: QuoteFeatures) -> Bool {
        score(features) > thresholds[decision.rawValue]
    }

    /// The file's bytes.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Array("AQTM".utf8)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(2); u32(Self.featureVersion); u32(UInt32(bits)); u32(UInt32(thresholds.count))
        for t in thresholds { u32(t.bitPattern) }
        let nonZero = weights.indices.filter { weights[$0] != 0 }
        u32(UInt32(nonZero.count))
        for i in nonZero { u32(UInt32(i)); u32((Float(weights[i]) * scale).bitPattern) }
        u32(UInt32(cueWords.count))
        for key in cueWords { u32(UInt32(truncatingIfNeeded: key)); u32(UInt32(truncatingIfNeeded: key >> 32)) }
        return out
    }

    /// Reads a model from its file's bytes.
    public init(bytes: [UInt8]) throws(FormatError) {
        var at = 0
        func u32() throws(FormatError) -> UInt32 {
            guard at + 4 <= bytes.count else { throw .truncated }
            let v = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
            at += 4
            return v
        }
        guard bytes.count >= 4, bytes[0..<4].elementsEqual("AQTM".utf8) else { throw .badMagic }
        at = 4
        let version = try u32()
        guard version == 1 || version == 2 else { throw .unsupportedVersion(version) }
        let features = try u32()
        guard features == Self.featureVersion else { throw .featureVersionMismatch(features) }
        let bits = Int(try u32())
        guard bits > 0 && bits <= 24 else { throw .truncated }
        let decisions = Int(try u32())
        var thresholds: [Float] = []
        for _ in 0..<decisions { thresholds.append(Float(bitPattern: try u32())) }
        while thresholds.count < QuoteDecision.count { thresholds.append(.infinity) }
        // The weights straight from the bytes into the Int16 table (the load is on every start):
        // one pass for the largest weight, which sets the scale, one to quantise.
        let size = 1 << bits
        let count = Int(try u32())
        guard count <= (bytes.count - at) / 8 else { throw .truncated }
        let entries = at
        at += 8 * count
        var largest: Float = 0
        var inRange = true
        bytes.withUnsafeBytes { raw in
            for k in 0..<count {
                let i = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: entries + 8 * k, as: UInt32.self)))
                let w = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: entries + 8 * k + 4, as: UInt32.self)))
                if i >= size { inRange = false }
                largest = max(largest, abs(w))
            }
        }
        guard inRange else { throw .truncated }
        let scale = Self.scale(largest: largest)
        var weights = [Int16](repeating: 0, count: size)
        weights.withUnsafeMutableBufferPointer { table in
            bytes.withUnsafeBytes { raw in
                for k in 0..<count {
                    let i = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: entries + 8 * k, as: UInt32.self)))
                    let w = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: entries + 8 * k + 4, as: UInt32.self)))
                    table[i] = Self.quantize(w, scale)
                }
            }
        }
        var cueWords: [UInt64] = []
        if version >= 2 {
            let cueCount = Int(try u32())
            guard cueCount <= bytes.count / 8 else { throw .truncated }
            cueWords.reserveCapacity(cueCount)
            for _ in 0..<cueCount { cueWords.append(UInt64(try u32()) | UInt64(try u32()) << 32) }
            guard zip(cueWords, cueWords.dropFirst()).allSatisfy({ $0 < $1 }) else { throw .truncated }
        }
        self.init(bits: bits, quantized: weights, scale: scale, thresholds: thresholds, cueWords: cueWords)
    }
}

/// The yes/no questions the model answers; each has its own features and threshold.
package enum QuoteDecision: Int, CaseIterable, Sendable {
    /// Is this word (part of) the cue of reported speech ("said", "according", "believes")?
    case reportCue
    /// Does the reported content follow the cue (rather than come before it)?
    case contentAfter
    /// Is this mention the source of the direct quote?
    case directSource
    /// Is this quoted passage someone's words (rather than a title, a term or a scare quote)?
    case isSpeech

    package static let count = allCases.count
}

private extension Float {
    func clamped(_ low: Float, _ high: Float) -> Float { Swift.min(Swift.max(self, low), high) }
}
