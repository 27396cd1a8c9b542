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
/// Words that are part of a cue only rarely ("to" of "according to", "has" of "has said": the
/// `attachedWords`) are scored only next to a cue: after an accepted cue word, or right before a
/// word of `cueWords`. They are most of the vocabulary's occurrences in news text, so this halves
/// the words scored.
///
/// File format (little-endian), "AQTM" version 3: `magic "AQTM"`, `u32 version`,
/// `u32 featureVersion`, `u32 bits`, `u32 decisions`, one `f32` threshold per decision,
/// `f32 scale`, the whole table of `2^bits` weights as `i16` (weight = value times scale: the
/// table as it is held, so loading is one copy); then `u32 cueCount` and `cueCount` cue word
/// keys in increasing order, each a `u64` as two `u32` (low first); then `u32 attachedCount`
/// and as many attached word keys, the same way.
/// Versions 1 and 2 (still read) held `u32 count` and `count` non-zero weights as `u32 index`,
/// `f32 weight` instead of the scale and table; version 1 has no cue vocabulary (every word
/// scored), versions 1 and 2 no attached words.
public struct QuoteModel: Sendable {
    public static let fileName = "quotes.model"
    /// Bumped whenever `QuoteFeatures` computes different features: an old model must be retrained.
    static let featureVersion: UInt32 = 4

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
    /// The word keys scored as a cue only next to one (see above), ascending.
    let attachedWords: [UInt64]

    /// True when the model holds no weights: the stage then decides by its rules alone.
    public var isEmpty: Bool { weights.count <= 1 }

    /// `cueWords` for look-up: a small filter turns most words away before the table is read.
    private let cueFilter: KeyFilter
    private let cueTable: FlatHashMap<UInt8>

    package init(bits: Int, weights: [Float], thresholds: [Float], cueWords: [UInt64] = [], attachedWords: [UInt64] = []) {
        let scale = Self.scale(largest: weights.reduce(Float(0)) { max($0, abs($1)) })
        self.init(bits: bits, quantized: weights.map { Self.quantize($0, scale) }, scale: scale, thresholds: thresholds,
                  cueWords: cueWords, attachedWords: attachedWords)
    }

    @inline(__always)
    private static func scale(largest: Float) -> Float { largest > 0 ? largest / Float(Int16.max) : 1 }

    @inline(__always)
    private static func quantize(_ weight: Float, _ scale: Float) -> Int16 {
        Int16((weight / scale).rounded().clamped(-32767, 32767))
    }

    private init(bits: Int, quantized weights: [Int16], scale: Float, thresholds: [Float], cueWords: [UInt64], attachedWords: [UInt64]) {
        self.bits = bits; self.weights = weights; self.scale = scale; self.thresholds = thresholds
        self.cueWords = cueWords; self.attachedWords = attachedWords
        var filter = KeyFilter(bits: 14)
        var table = FlatHashMap<UInt8>(capacity: cueWords.count + attachedWords.count)
        for key in cueWords { filter.insert(key); table.set(key, CueClass.alone.rawValue) }
        for key in attachedWords { filter.insert(key); table.set(key, CueClass.attached.rawValue) }
        cueFilter = filter; cueTable = table
    }

    /// How a word may be part of a reported-speech cue.
    enum CueClass: UInt8 {
        /// Never (it never was in the training data): not scored.
        case none = 0
        /// Scored wherever it stands.
        case alone = 1
        /// Scored only next to a cue (`attachedWords`).
        case attached = 2
    }

    /// The cue class of the word with this key (every word may be a cue when the model has no
    /// vocabulary).
    @inline(__always)
    func cueClass(_ key: UInt64) -> CueClass {
        if cueWords.isEmpty { return .alone }
        guard cueFilter.mayContain(key), let value = cueTable[key] else { return .none }
        return CueClass(rawValue: value) ?? .none
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
        u32(3); u32(Self.featureVersion); u32(UInt32(bits)); u32(UInt32(thresholds.count))
        for t in thresholds { u32(t.bitPattern) }
        u32(scale.bitPattern)
        out.reserveCapacity(out.count + 2 * weights.count + 8 * (cueWords.count + attachedWords.count) + 8)
        for w in weights { withUnsafeBytes(of: w.littleEndian) { out.append(contentsOf: $0) } }
        u32(UInt32(cueWords.count))
        for key in cueWords { u32(UInt32(truncatingIfNeeded: key)); u32(UInt32(truncatingIfNeeded: key >> 32)) }
        u32(UInt32(attachedWords.count))
        for key in attachedWords { u32(UInt32(truncatingIfNeeded: key)); u32(UInt32(truncatingIfNeeded: key >> 32)) }
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
        /// Ascending word keys: `u32 count`, then each key as two `u32`, low first.
        func keys() throws(FormatError) -> [UInt64] {
            let count = Int(try u32())
            guard count <= bytes.count / 8 else { throw .truncated }
            var keys: [UInt64] = []
            keys.reserveCapacity(count)
            for _ in 0..<count { keys.append(UInt64(try u32()) | UInt64(try u32()) << 32) }
            guard zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) else { throw .truncated }
            return keys
        }
        guard bytes.count >= 4, bytes[0..<4].elementsEqual("AQTM".utf8) else { throw .badMagic }
        at = 4
        let version = try u32()
        guard (1...3).contains(version) else { throw .unsupportedVersion(version) }
        let features = try u32()
        guard features == Self.featureVersion else { throw .featureVersionMismatch(features) }
        let bits = Int(try u32())
        guard bits > 0 && bits <= 24 else { throw .truncated }
        let decisions = Int(try u32())
        var thresholds: [Float] = []
        for _ in 0..<decisions { thresholds.append(Float(bitPattern: try u32())) }
        while thresholds.count < QuoteDecision.count { thresholds.append(.infinity) }
        let size = 1 << bits
        if version >= 3 {
            // The table as it is held: one copy.
            let scale = Float(bitPattern: try u32())
            guard bytes.count - at >= 2 * size else { throw .truncated }
            var weights = [Int16](repeating: 0, count: size)
            weights.withUnsafeMutableBytes { table in
                bytes.withUnsafeBytes { raw in table.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[at..<(at + 2 * size)])) }
            }
            #if _endian(big)
            for i in weights.indices { weights[i] = Int16(littleEndian: weights[i]) }
            #endif
            at += 2 * size
            let cueWords = try keys()
            let attachedWords = try keys()
            self.init(bits: bits, quantized: weights, scale: scale, thresholds: thresholds, cueWords: cueWords, attachedWords: attachedWords)
            return
        }
        // Versions 1 and 2: the non-zero weights into the Int16 table, one pass for the largest
        // weight, which sets the scale, one to quantise.
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
        let cueWords = version >= 2 ? try keys() : []
        self.init(bits: bits, quantized: weights, scale: scale, thresholds: thresholds, cueWords: cueWords, attachedWords: [])
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
