/// The learned part of the quotes stage: one table of hashed feature weights shared by its
/// decisions (`QuoteDecision`), each a linear score compared with the decision's threshold.
///
/// Trained by `QuoteTrainer` (averaged perceptron, `articled train-quotes`) from PolNeAR train
/// and shipped as `Resources/quotes.model`. A feature is a 64-bit hash of the decision, the
/// template and its value (`QuoteFeatures`); its weight is at the hash's top `bits` bits.
///
/// File format (little-endian), "AQTM" version 1: `magic "AQTM"`, `u32 version`,
/// `u32 featureVersion`, `u32 bits`, `u32 decisions`, one `f32` threshold per decision,
/// `u32 count`, then `count` non-zero weights in increasing index order, each `u32 index`,
/// `f32 weight`.
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
    let weights: [Float]
    /// Per `QuoteDecision`: the score above which the answer is yes.
    let thresholds: [Float]

    /// True when the model holds no weights: the stage then decides by its rules alone.
    public var isEmpty: Bool { weights.count <= 1 }

    package init(bits: Int, weights: [Float], thresholds: [Float]) {
        self.bits = bits; self.weights = weights; self.thresholds = thresholds
    }

    /// No learned weights: the rules decide.
    public static let empty = QuoteModel(bits: 0, weights: [0], thresholds: [Float](repeating: 0, count: QuoteDecision.count))

    @inline(__always)
    func index(_ feature: UInt64) -> Int { Int(truncatingIfNeeded: feature >> UInt64(64 - bits)) }

    /// The linear score of `features`.
    func score(_ features: QuoteFeatures) -> Float {
        var sum: Float = 0
        weights.withUnsafeBufferPointer { w in
            for i in 0..<features.count { sum += w[index(features[i])] }
        }
        return sum
    }

    func says(_ decision: QuoteDecision, _ features: QuoteFeatures) -> Bool {
        score(features) > thresholds[decision.rawValue]
    }

    /// The file's bytes.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Array("AQTM".utf8)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(1); u32(Self.featureVersion); u32(UInt32(bits)); u32(UInt32(thresholds.count))
        for t in thresholds { u32(t.bitPattern) }
        let nonZero = weights.indices.filter { weights[$0] != 0 }
        u32(UInt32(nonZero.count))
        for i in nonZero { u32(UInt32(i)); u32(weights[i].bitPattern) }
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
        guard version == 1 else { throw .unsupportedVersion(version) }
        let features = try u32()
        guard features == Self.featureVersion else { throw .featureVersionMismatch(features) }
        let bits = Int(try u32())
        guard bits > 0 && bits <= 24 else { throw .truncated }
        let decisions = Int(try u32())
        var thresholds: [Float] = []
        for _ in 0..<decisions { thresholds.append(Float(bitPattern: try u32())) }
        while thresholds.count < QuoteDecision.count { thresholds.append(.infinity) }
        var weights = [Float](repeating: 0, count: 1 << bits)
        let count = Int(try u32())
        for _ in 0..<count {
            let i = Int(try u32())
            guard i < weights.count else { throw .truncated }
            weights[i] = Float(bitPattern: try u32())
        }
        self.init(bits: bits, weights: weights, thresholds: thresholds)
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
