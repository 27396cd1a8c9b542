/// The encoding an article's bytes were read in.
public enum SourceEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf8WithBOM = "utf-8-bom"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    case windows1252 = "windows-1252"
}

/// Text decoded from bytes, with how it was decoded.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: SourceEncoding
    public var isFallback: Bool
}

/// Turns article bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and otherwise
/// Windows-1252, flagged as a fallback.
///
/// Text that decodes but is mostly control characters, or holds NUL bytes, is binary and refused:
/// an analysis of an executable or an image helps nobody, and the daemon files it under `failed/`.
public struct ArticleDecoder: Sendable {
    /// The largest share of control characters (other than tab, CR, LF, FF) a text may hold.
    public var maxControlShare = 0.01

    public init() {}

    public func decode(_ bytes: [UInt8]) throws(AnalysisError) -> DecodedText {
        if bytes.isEmpty { throw .empty }
        let decoded: DecodedText
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = Self.strictUTF8(bytes[3...]) else { throw .undecodable("invalid UTF-8 after a UTF-8 byte-order mark") }
            decoded = DecodedText(text: text, encoding: .utf8WithBOM, isFallback: false)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = Self.utf16(bytes[2...], littleEndian: little) else { throw .undecodable("invalid UTF-16 after a byte-order mark") }
            decoded = DecodedText(text: text, encoding: little ? .utf16LittleEndian : .utf16BigEndian, isFallback: false)
        } else {
            if bytes.contains(0) { throw .binary("it contains NUL bytes") }
            if let text = Self.strictUTF8(bytes[...]) {
                decoded = DecodedText(text: text, encoding: .utf8, isFallback: false)
            } else {
                guard let text = Self.windows1252(bytes) else {
                    throw .undecodable("it is not UTF-8, and holds bytes Windows-1252 does not define")
                }
                decoded = DecodedText(text: text, encoding: .windows1252, isFallback: true)
            }
        }
        try check(decoded.text)
        return decoded
    }

    private func check(_ text: String) throws(AnalysisError) {
        var controls = 0, total = 0, visible = 0
        for scalar in text.unicodeScalars {
            total += 1
            switch scalar.value {
            case 0x09, 0x0A, 0x0C, 0x0D: break
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0xFFFD: controls += 1
            default: if !scalar.properties.isWhitespace { visible += 1 }
            }
        }
        if visible == 0 { throw .empty }
        if Double(controls) > Double(total) * maxControlShare {
            throw .binary("\(controls) of its \(total) characters are control characters")
        }
    }

    private static func strictUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }

    /// Windows-1252's 0x80–0x9F row; 0 marks the five bytes it leaves undefined.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    private static func windows1252(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                let value = high[Int(byte - 0x80)]
                guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}
