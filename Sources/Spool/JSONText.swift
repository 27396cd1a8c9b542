/// Minimal JSON output for the spool's own records (the error record), so that this library
/// needs neither Foundation nor the analysis library.
struct JSONText {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    mutating func field(_ key: String, _ value: String?) {
        name(key)
        if let value { quote(value) } else { append("null") }
    }

    mutating func field(_ key: String, _ value: Int?) {
        name(key)
        append(value.map { String($0) } ?? "null")
    }

    mutating func finish() -> [UInt8] {
        bytes.append(contentsOf: Array("}\n".utf8))
        return bytes
    }

    private mutating func name(_ key: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        quote(key)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: Array(text.utf8)) }

    private mutating func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"")
            case "\\": append("\\\\")
            case "\n": append("\\n")
            case "\r": append("\\r")
            case "\t": append("\\t")
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
