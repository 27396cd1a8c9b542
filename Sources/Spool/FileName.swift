/// A file name in the spool, kept as the raw bytes the kernel gave us.
///
/// Linux file names are byte strings: they may hold spaces, newlines or bytes that are not UTF-8.
/// Converting them to `String` and back would change such names, so the spool never does; it only
/// renders them (`escaped`, `lossyString`) for logs and JSON.
public struct FileName: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// True for names a writer is still working on or that are not articles: dotfiles (also
    /// temporary files written by editors and by articled itself), `*.tmp`, `*.part` and `*~`;
    /// and sidecars (`*.meta.json`), which travel with their article (Sidecar.swift).
    /// Such a file is picked up once it is renamed to an ordinary name.
    public var isIgnored: Bool {
        guard let first = bytes.first else { return true }
        if first == UInt8(ascii: ".") { return true }
        if bytes.last == UInt8(ascii: "~") { return true }
        return hasSuffix(".tmp") || hasSuffix(".part") || isSidecar
    }

    func hasSuffix(_ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return bytes.count >= tail.count && Array(bytes[(bytes.count - tail.count)...]) == tail
    }

    /// The name decoded as UTF-8, with U+FFFD for bytes that are not: for JSON fields and the
    /// analysis input, where a readable name matters more than an exact one.
    public var lossyString: String { String(decoding: bytes, as: UTF8.self) }

    /// The name as one safe, exact line of text: printable text is kept, a backslash becomes `\\`,
    /// control characters become `\n`, `\t` or `\xNN`, and bytes that are not valid UTF-8
    /// become `\xNN`. Used for logs, where a newline in a name must not forge a log line.
    public var escaped: String {
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = Self.validSequenceLength(bytes, at: index)
            if length == 0 {
                out += "\\x" + Self.hex(bytes[index])
                index += 1
                continue
            }
            if length == 1 {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\\"): out += "\\\\"
                case UInt8(ascii: "\n"): out += "\\n"
                case UInt8(ascii: "\t"): out += "\\t"
                case UInt8(ascii: "\r"): out += "\\r"
                case 0..<0x20, 0x7F: out += "\\x" + Self.hex(byte)
                default: out.unicodeScalars.append(Unicode.Scalar(byte))
                }
            } else {
                let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first!
                if (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            index += length
        }
        return out
    }

    public var description: String { escaped }

    /// This name with `suffix` appended (bytes), e.g. `.json`. The name is shortened first when
    /// the result would exceed NAME_MAX (255 bytes), so derived names can always be created.
    public func appending(_ suffix: String) -> FileName {
        let tail = Array(suffix.utf8)
        return FileName(bytes: Array(bytes.prefix(max(1, 255 - tail.count))) + tail)
    }

    /// Length of the well-formed UTF-8 sequence starting at `index`, or 0 when there is none.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let low = offset == 1 ? lower : 0x80, high = offset == 1 ? upper : 0xBF
            if byte < low || byte > high { return 0 }
        }
        return length
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
