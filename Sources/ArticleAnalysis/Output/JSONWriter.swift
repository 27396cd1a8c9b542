/// A small streaming JSON writer that appends UTF-8 bytes to a buffer.
///
/// Foundation's `JSONEncoder` is slow on Linux and reorders nothing we care about, so results are
/// written directly: keys come out in the order the code writes them, which keeps the output stable
/// and diff-friendly. Commas are tracked per nesting level, so callers only say what comes next.
public struct JSONWriter {
    /// The document so far is `storage[0..<count]`; the rest is room, never read. Every write
    /// makes room once and then writes through a pointer: appending byte by byte to an array
    /// checked its uniqueness and capacity for each byte.
    private var storage: [UInt8]
    private var count = 0
    /// Whether the innermost open container already holds a value.
    private var current = false
    /// The `current` flag of each enclosing open container, innermost last (empty at the top level).
    private var outer: [Bool] = []
    private var afterKey = false

    public init(reservingCapacity capacity: Int = 4096) {
        storage = .unwritten(count: max(capacity, 64))
    }

    /// The document written so far.
    public var bytes: [UInt8] { Array(storage[0..<count]) }

    /// The document written so far, handed over without a copy; the writer is left empty.
    public mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &storage)
        taken.removeLast(taken.count - count)
        count = 0; current = false; outer = []; afterKey = false
        return taken
    }

    public var string: String { storage.withUnsafeBufferPointer { String(decoding: $0[0..<count], as: UTF8.self) } }

    /// Appends raw bytes after the document, e.g. a trailing newline.
    public mutating func appendRaw(_ raw: UInt8) { put(raw) }

    // MARK: Containers

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        let comma = current
        current = true
        afterKey = true
        let written: Bool? = name.utf8.withContiguousStorageIfAvailable { utf8 in
            // A key that needs no escape (every key the analysis writes): `,"name":` in one go.
            guard JSONWriter.firstEscape(utf8, from: 0) == utf8.count else { return false }
            let n = utf8.count
            write(reserving: n &+ 4) { p in
                var at = 0
                if comma { p[0] = UInt8(ascii: ","); at = 1 }
                p[at] = UInt8(ascii: "\"")
                if n > 0 { (p + (at &+ 1)).update(from: utf8.baseAddress!, count: n) }
                p[at &+ n &+ 1] = UInt8(ascii: "\""); p[at &+ n &+ 2] = UInt8(ascii: ":")
                return at &+ n &+ 3
            }
            return true
        }
        if written == true { return }
        if comma { put(UInt8(ascii: ",")) }
        appendQuoted(name)
        put(UInt8(ascii: ":"))
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
    public mutating func int(_ value: Int) {
        valuePrefix()
        write(reserving: 20) { JSONWriter.integer(value, at: $0) }
    }
    public mutating func bool(_ value: Bool) { valuePrefix(); appendASCII(value ? "true" : "false") }
    public mutating func null() { valuePrefix(); appendASCII("null") }

    /// Writes a finite number with at most `digits` decimals (JSON has no NaN or infinity: those become null).
    public mutating func double(_ value: Double, digits: Int = 3) {
        valuePrefix()
        guard value.isFinite else { appendASCII("null"); return }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { appendBytes("\(value)"); return }
        let unit = Int(scale)
        // Below 9e15: a sign, at most 16 digits and a point.
        write(reserving: 20) { p in
            var whole = Int(scaled)
            var at = 0
            if value < 0 && whole != 0 { p[0] = UInt8(ascii: "-"); at = 1 }
            at &+= JSONWriter.integer(whole / unit, at: p + at)
            whole %= unit
            if whole != 0 {
                p[at] = UInt8(ascii: "."); at &+= 1
                var divisor = unit / 10
                while whole != 0 {
                    p[at] = UInt8(ascii: "0") + UInt8(whole / divisor); at &+= 1
                    whole %= divisor
                    divisor /= 10
                }
            }
            return at
        }
    }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: String?) { key(name); if let value { string(value) } else { null() } }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func field(_ name: String, _ value: Double, digits: Int = 3) { key(name); double(value, digits: digits) }

    // MARK: Encoding

    /// Makes room for `room` bytes, lets `body` write at most that many at the end of the
    /// document, and keeps the number it returns.
    @inline(__always)
    private mutating func write(reserving room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count &+ room > storage.count { grow(count + room) }
        let at = count
        count = at &+ storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + at) }
    }

    /// Room for at least `needed` bytes in all: the storage doubles.
    @inline(never)
    private mutating func grow(_ needed: Int) {
        var larger = [UInt8].unwritten(count: max(needed, 2 * storage.count))
        let used = count
        larger.withUnsafeMutableBufferPointer { larger in
            storage.withUnsafeBufferPointer { larger.baseAddress!.update(from: $0.baseAddress!, count: used) }
        }
        storage = larger
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        write(reserving: 1) { p in p.pointee = byte; return 1 }
    }

    private mutating func appendBytes(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return }
        write(reserving: utf8.count) { p in p.update(from: base, count: utf8.count); return utf8.count }
    }

    private mutating func appendBytes(_ text: String) {
        var text = text
        text.withUTF8 { appendBytes($0) }
    }

    private mutating func open(_ bracket: UInt8) {
        valuePrefix()
        put(bracket)
        outer.append(current)
        current = false
    }

    private mutating func close(_ bracket: UInt8) {
        current = outer.removeLast()
        put(bracket)
    }

    private mutating func valuePrefix() {
        if afterKey { afterKey = false; return }
        guard !outer.isEmpty else { return }
        if current { put(UInt8(ascii: ",")) }
        current = true
    }

    private mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { appendBytes($0) }
    }

    /// Writes the decimal digits of `value` (with its sign) at `p`; returns how many bytes (at most 20).
    @inline(__always)
    private static func integer(_ value: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var at = 0
        if value < 0 { p[0] = UInt8(ascii: "-"); at = 1 }
        var magnitude = value.magnitude
        if magnitude < 10 { p[at] = UInt8(ascii: "0") + UInt8(magnitude); return at &+ 1 }
        // Digits are produced last first, into a stack buffer: no allocation per number.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            (p + at).update(from: digits.baseAddress! + start, count: 20 &- start)
            return at &+ 20 &- start
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `value` quoted and escaped. Runs of bytes that need no escape (almost all of them)
    /// are copied in one go, and found eight bytes at a time (`mayNeedEscape`).
    private mutating func appendQuoted(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ appendQuoted(utf8: $0) }) != nil { return }
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

    /// The index of the first byte of `utf8` from `index` on that needs an escape, or its count.
    @inline(__always)
    private static func firstEscape(_ utf8: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let count = utf8.count
        var index = index
        while index < count {
            if count &- index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if !JSONWriter.mayNeedEscape(word) { index &+= 8; continue }
            }
            if needsEscape(base[index]) { return index }
            index &+= 1
        }
        return count
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
    }

    /// `appendQuoted(_:)` on the UTF-8 bytes of the string.
    private mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        var index = JSONWriter.firstEscape(utf8, from: 0)
        // The opening quote and the bytes before the first escape (all of them, usually).
        let closes = index == count
        write(reserving: index &+ 2) { p in
            p[0] = UInt8(ascii: "\"")
            if index > 0 { (p + 1).update(from: utf8.baseAddress!, count: index) }
            if closes { p[index &+ 1] = UInt8(ascii: "\""); return index &+ 2 }
            return index &+ 1
        }
        if closes { return }
        let base = utf8.baseAddress!
        while index < count {
            let byte = base[index]
            index &+= 1
            switch byte {
            case 0x0A: appendASCII("\\n")
            case 0x0D: appendASCII("\\r")
            case 0x09: appendASCII("\\t")
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(UInt8(ascii: "\\")); put(byte)
            default:
                appendASCII("\\u00")
                put(Self.hex[Int(byte >> 4)]); put(Self.hex[Int(byte & 0xF)])
            }
            let run = index
            index = JSONWriter.firstEscape(utf8, from: index)
            appendBytes(UnsafeBufferPointer(start: base + run, count: index &- run))
        }
        put(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` may need an escape: a control byte (below 0x20),
    /// a quote, a backslash or DEL. Exact for "none" (the usual case: the bytes are copied as
    /// they are); when it says yes, the bytes are looked at one by one.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        ByteWords.below(word, 0x20) | ByteWords.equal(word, 0x22) | ByteWords.equal(word, 0x5C) | ByteWords.equal(word, 0x7F) != 0
    }
}
