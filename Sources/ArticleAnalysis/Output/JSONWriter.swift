/// A small streaming JSON writer that appends UTF-8 bytes to a buffer.
///
/// Foundation's `JSONEncoder` is slow on Linux and reorders nothing we care about, so results are
/// written directly: keys come out in the order the code writes them, which keeps the output stable
/// and diff-friendly. Commas are tracked per nesting level, so callers only say what comes next.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// One entry per open container: whether it already holds a value.
    private var hasValue: [Bool] = []
    private var afterKey = false

    public init(reservingCapacity capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw bytes after the document, e.g. a trailing newline.
    public mutating func appendRaw(_ raw: UInt8) { bytes.append(raw) }

    // MARK: Containers

    public mutating func beginObject() { valuePrefix(); bytes.append(UInt8(ascii: "{")); hasValue.append(false) }
    public mutating func endObject() { hasValue.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); bytes.append(UInt8(ascii: "[")); hasValue.append(false) }
    public mutating func endArray() { hasValue.removeLast(); bytes.append(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        if hasValue[hasValue.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasValue[hasValue.count - 1] = true
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes `"name": {` ... `}` with the body in between.
    public mutating func object(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name); beginObject(); body(&self); endObject()
    }

    /// Writes `"name": [` ... `]` with the body in between.
    public mutating func array(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name); beginArray(); body(&self); endArray()
    }

    // MARK: Values

    public mutating func string(_ value: String) { valuePrefix(); appendQuoted(value) }
    public mutating func int(_ value: Int) { valuePrefix(); appendInteger(value) }
    public mutating func bool(_ value: Bool) { valuePrefix(); appendASCII(value ? "true" : "false") }
    public mutating func null() { valuePrefix(); appendASCII("null") }

    /// Writes a finite number with at most `digits` decimals (JSON has no NaN or infinity: those become null).
    public mutating func double(_ value: Double, digits: Int = 3) {
        valuePrefix()
        guard value.isFinite else { appendASCII("null"); return }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { bytes.append(contentsOf: "\(value)".utf8); return }
        var whole = Int(scaled)
        if value < 0 && whole != 0 { bytes.append(UInt8(ascii: "-")) }
        let unit = Int(scale)
        appendInteger(whole / unit)
        whole %= unit
        if whole != 0 {
            bytes.append(UInt8(ascii: "."))
            var divisor = unit / 10
            while whole != 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(whole / divisor))
                whole %= divisor
                divisor /= 10
            }
        }
    }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: String?) { key(name); if let value { string(value) } else { null() } }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func field(_ name: String, _ value: Double, digits: Int = 3) { key(name); double(value, digits: digits) }

    // MARK: Encoding

    private mutating func valuePrefix() {
        if afterKey { afterKey = false; return }
        guard !hasValue.isEmpty else { return }
        if hasValue[hasValue.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasValue[hasValue.count - 1] = true
    }

    private mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendInteger(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 { bytes.append(UInt8(ascii: "0") + UInt8(magnitude)); return }
        // Digits are produced last first, into a stack buffer: no allocation per number.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `value` quoted and escaped. Runs of bytes that need no escape (almost all of them)
    /// are copied in one go, and found eight bytes at a time (`mayNeedEscape`).
    private mutating func appendQuoted(_ value: String) {
        var value = value
        value.withUTF8 { appendQuoted(utf8: $0) }
    }

    /// Writes `scalars` as a JSON string: the bytes `string(String(scalars))` writes, without
    /// making the String (for an article's whole text: encoding it into a String, which checks
    /// the UTF-8 again, cost more than writing it).
    public mutating func string(scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        valuePrefix()
        let count = ScalarText.utf8Count(scalars)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { utf8 in
            _ = ScalarText.encodeUTF8(scalars, into: utf8, at: 0)
            appendQuoted(utf8: UnsafeBufferPointer(utf8))
        }
    }

    /// `appendQuoted(_:)` on the UTF-8 bytes of the string.
    private mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        do {
            guard let base = utf8.baseAddress else { bytes.append(UInt8(ascii: "\"")); return }
            let count = utf8.count
            var run = 0, index = 0
            while index < count {
                if count &- index >= 8 {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if !JSONWriter.mayNeedEscape(word) { index &+= 8; continue }
                }
                let byte = base[index]
                index &+= 1
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x7F { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(start: base + run, count: index &- 1 &- run))
                run = index
                switch byte {
                case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                default:
                    appendASCII("\\u00")
                    bytes.append(Self.hex[Int(byte >> 4)]); bytes.append(Self.hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + run, count: count &- run))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` may need an escape: a control byte (below 0x20),
    /// a quote, a backslash or DEL. Exact for "none" (the usual case: the bytes are copied as
    /// they are); when it says yes, the bytes are looked at one by one.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        ByteWords.below(word, 0x20) | ByteWords.equal(word, 0x22) | ByteWords.equal(word, 0x5C) | ByteWords.equal(word, 0x7F) != 0
    }
}
