/// The trained weights of the entity tagger, and their compact binary file format.
///
/// Features are hashed into `1 << rowBits` rows; each row holds one 16-bit weight per label
/// (`NERLabel.count`). Hashing keeps the table a fixed size whatever the vocabulary, and 16-bit
/// weights keep it small enough to stay mostly in cache while tagging.
///
/// File format (little-endian), "ANER" version 3:
/// `magic "ANER"`, `u32 version`, `u32 featureVersion`, `u32 rowBits`, `u32 labels`,
/// `f32 scale` (weight = stored / scale; informative only, decoding compares integers),
/// `u32 rowCount`, then `rowCount` non-empty rows in increasing order, each as
/// `varint (row - previousRow)`, `u24 label mask`, one `i16` per set bit of the mask.
/// Empty rows are left out, so the file holds only what training learnt. Then the gazetteer:
/// `u32 count` and `count` entries in increasing key order, each `u64 key`, `u8 type bits`.
/// Then the frequent word forms of the training text (`frequentForms`): `u32 count` and `count`
/// forms, each `u8 length` and that many UTF-8 bytes. Version 2 files end before that list.
public struct NERModel: Sendable {
    public static let fileName = "ner.model"

    /// Why bytes could not be read as a model.
    public enum FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        case badMagic, unsupportedVersion(UInt32), featureVersionMismatch(model: UInt32, code: UInt32)
        case truncated, malformed(String)
        public var description: String {
            switch self {
            case .badMagic: "not an articled NER model (bad magic)"
            case .unsupportedVersion(let v): "unsupported NER model version \(v)"
            case .featureVersionMismatch(let model, let code):
                "NER model was trained with feature version \(model), this build computes version \(code); retrain it"
            case .truncated: "NER model file is truncated"
            case .malformed(let why): "NER model file is malformed: \(why)"
            }
        }
    }

    let rowBits: Int
    /// `(1 << rowBits) * NERLabel.count` weights, row-major.
    let weights: [Int16]
    let scale: Float
    /// One bit per row, set when the row holds a non-zero weight (see `NERScoreSum.add`).
    let occupied: [UInt64]
    /// Names of the training data (see `NERGazetteer`).
    package let gazetteer: NERGazetteer
    /// The training text's most frequent word forms, most frequent first. Their score vectors
    /// are worked out when the model is made (`frequentWords`), so a document only looks them
    /// up; this changes no label, only how often the weight table is read.
    let frequentForms: [String]
    /// Score vectors of frequent words, worked out from `weights` (see `NERTagger`).
    let frequentWords: NERFrequentWords
    /// Score vectors of the templates with few values (see `NERConstantVectors`).
    let constantVectors: NERConstantVectors

    /// Number of rows holding at least one non-zero weight.
    public var nonEmptyRows: Int { occupied.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Bytes held by the weight table in memory.
    public var memoryBytes: Int { weights.count * MemoryLayout<Int16>.stride }

    package init(rowBits: Int, weights: [Int16], scale: Float, gazetteer: NERGazetteer = NERGazetteer(), frequentForms: [String] = []) {
        precondition(weights.count == (1 << rowBits) * NERLabel.count)
        var occupied = [UInt64](repeating: 0, count: ((1 << rowBits) + 63) / 64)
        for row in 0..<(1 << rowBits) where weights[row * NERLabel.count..<(row + 1) * NERLabel.count].contains(where: { $0 != 0 }) {
            occupied[row / 64] |= 1 << UInt64(row % 64)
        }
        self.init(rowBits: rowBits, weights: weights, occupied: occupied, scale: scale, gazetteer: gazetteer, frequentForms: frequentForms)
    }

    /// The model of `weights` whose non-empty rows are the set bits of `occupied` (worked out
    /// while the file is read, instead of by a pass over the 4.5 million weights).
    private init(rowBits: Int, weights: [Int16], occupied: [UInt64], scale: Float, gazetteer: NERGazetteer, frequentForms: [String]) {
        self.rowBits = rowBits
        self.weights = weights
        self.scale = scale
        self.gazetteer = gazetteer
        self.frequentForms = frequentForms
        self.occupied = occupied
        self.frequentWords = NERFrequentWords(weights: weights, occupied: occupied, rowBits: rowBits, forms: frequentForms)
        self.constantVectors = NERWeightView.with(weights: weights, occupied: occupied, rowBits: rowBits) { NERConstantVectors($0) }
    }

    /// Runs `body` with the weight table as the tagger reads it.
    func withWeightView<R>(_ body: (NERWeightView) -> R) -> R {
        NERWeightView.with(weights: weights, occupied: occupied, rowBits: rowBits, body)
    }

    /// An empty model: tags nothing. Used when no model file is available.
    package static let empty = NERModel(rowBits: 1, weights: [Int16](repeating: 0, count: 2 * NERLabel.count), scale: 1)

    /// Reads a model from the bytes of its file.
    public init(bytes: [UInt8]) throws(FormatError) {
        var reader = ByteReader(bytes: bytes)
        guard bytes.count >= 4, bytes[0] == 0x41, bytes[1] == 0x4E, bytes[2] == 0x45, bytes[3] == 0x52 else { throw .badMagic }
        reader.offset = 4
        let version = try reader.u32()
        guard version == 2 || version == 3 else { throw .unsupportedVersion(version) }
        let featureVersion = try reader.u32()
        guard featureVersion == NERFeatures.version else {
            throw .featureVersionMismatch(model: featureVersion, code: NERFeatures.version)
        }
        let rowBits = Int(try reader.u32())
        guard rowBits >= 1 && rowBits <= 24 else { throw .malformed("row bits \(rowBits)") }
        let labels = Int(try reader.u32())
        guard labels == NERLabel.count else { throw .malformed("\(labels) labels, expected \(NERLabel.count)") }
        let scale = Float(bitPattern: try reader.u32())
        let rowCount = Int(try reader.u32())
        let rows = 1 << rowBits
        var weights = [Int16].filled(with: 0, count: rows * labels)
        var occupied = [UInt64].filled(with: 0, count: (rows + 63) / 64)
        // The rows are read straight from the bytes: one bounds check a row, not one a byte.
        let rowsStart = reader.offset
        let rowsEnd = try bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(FormatError) -> Int in
            try weights.withUnsafeMutableBufferPointer { (w: inout UnsafeMutableBufferPointer<Int16>) throws(FormatError) -> Int in
                try occupied.withUnsafeMutableBufferPointer { (occupied: inout UnsafeMutableBufferPointer<UInt64>) throws(FormatError) -> Int in
                    var offset = rowsStart
                    var row = -1
                    for _ in 0..<rowCount {
                        var delta = 0, shift = 0
                        while true {
                            guard offset < b.count else { throw .truncated }
                            let byte = b[offset]; offset += 1
                            delta |= Int(byte & 0x7F) << shift
                            if byte < 0x80 { break }
                            shift += 7
                            guard shift < 28 else { throw .malformed("row step too long") }
                        }
                        row += delta
                        guard row >= 0 && row < rows else { throw .malformed("row \(row) out of range") }
                        guard offset + 3 <= b.count else { throw .truncated }
                        let mask = UInt32(b[offset]) | UInt32(b[offset + 1]) << 8 | UInt32(b[offset + 2]) << 16
                        offset += 3
                        guard mask >> UInt32(labels) == 0 else { throw .malformed("label bit \(31 - mask.leadingZeroBitCount)") }
                        guard offset + 2 * mask.nonzeroBitCount <= b.count else { throw .truncated }
                        let base = row * labels
                        var bits = mask, any: Int16 = 0
                        while bits != 0 {
                            let value = Int16(bitPattern: UInt16(b[offset]) | UInt16(b[offset + 1]) << 8)
                            offset += 2
                            w[base + bits.trailingZeroBitCount] = value
                            any |= value
                            bits &= bits - 1
                        }
                        if any != 0 { occupied[row >> 6] |= 1 << UInt64(row & 63) }
                    }
                    return offset
                }
            }
        }
        reader.offset = rowsEnd
        let names = Int(try reader.u32())
        var gazetteer = NERGazetteer(capacity: min(names, bytes.count / 9))
        for _ in 0..<names {
            let key = UInt64(try reader.u32()) | UInt64(try reader.u32()) << 32
            gazetteer.set(key, types: try reader.u8())
        }
        var frequentForms: [String] = []
        if version >= 3 {
            let forms = Int(try reader.u32())
            frequentForms.reserveCapacity(forms)
            for _ in 0..<forms {
                let length = Int(try reader.u8())
                guard reader.offset + length <= bytes.count else { throw .truncated }
                let formBytes = bytes[reader.offset..<(reader.offset + length)]
                // ASCII (almost every form) is valid UTF-8 as it is: checked byte by byte, not by the validator.
                let isASCII = formBytes.allSatisfy { $0 < 0x80 }
                guard let form = isASCII ? String(decoding: formBytes, as: UTF8.self) : String(validating: formBytes, as: UTF8.self) else {
                    throw .malformed("a frequent word form is not UTF-8")
                }
                frequentForms.append(form)
                reader.offset += length
            }
        }
        guard reader.offset == bytes.count else { throw .malformed("\(bytes.count - reader.offset) trailing bytes") }
        self.init(rowBits: rowBits, weights: weights, occupied: occupied, scale: scale, gazetteer: gazetteer, frequentForms: frequentForms)
    }

    /// The file bytes of this model (the format described on the type).
    public func serialized() -> [UInt8] {
        var out: [UInt8] = [0x41, 0x4E, 0x45, 0x52]
        func u32(_ v: UInt32) { for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
        u32(3); u32(NERFeatures.version); u32(UInt32(rowBits)); u32(UInt32(NERLabel.count)); u32(scale.bitPattern)
        let countOffset = out.count
        u32(0)
        var rowCount: UInt32 = 0
        var previous = -1
        for row in 0..<(1 << rowBits) {
            let base = row * NERLabel.count
            var mask: UInt32 = 0
            for k in 0..<NERLabel.count where weights[base + k] != 0 { mask |= 1 << UInt32(k) }
            guard mask != 0 else { continue }
            var delta = UInt64(row - previous)
            previous = row
            while delta >= 0x80 { out.append(UInt8(delta & 0x7F) | 0x80); delta >>= 7 }
            out.append(UInt8(delta))
            out.append(UInt8(mask & 0xFF)); out.append(UInt8((mask >> 8) & 0xFF)); out.append(UInt8((mask >> 16) & 0xFF))
            for k in 0..<NERLabel.count where weights[base + k] != 0 {
                let v = UInt16(bitPattern: weights[base + k])
                out.append(UInt8(v & 0xFF)); out.append(UInt8(v >> 8))
            }
            rowCount += 1
        }
        for i in 0..<4 { out[countOffset + i] = UInt8(truncatingIfNeeded: rowCount >> (8 * UInt32(i))) }
        u32(UInt32(gazetteer.count))
        for (key, value) in gazetteer.entries.sortedEntries() {
            u32(UInt32(truncatingIfNeeded: key)); u32(UInt32(truncatingIfNeeded: key >> 32))
            out.append(value)
        }
        let forms = frequentForms.filter { $0.utf8.count <= 255 }
        u32(UInt32(forms.count))
        for form in forms {
            out.append(UInt8(form.utf8.count))
            out.append(contentsOf: form.utf8)
        }
        return out
    }
}

/// Sequential little-endian reads over a byte array.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func u8() throws(NERModel.FormatError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() throws(NERModel.FormatError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw .truncated }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
