/// Turns swift-log metadata keys into valid journald field names.
///
/// journald accepts field names made of `A-Z`, `0-9` and `_`, not starting with a digit, at most
/// 64 characters; names starting with `_` are reserved for fields journald itself adds (and are
/// dropped when a client sends them). Keys are upper-cased, every other character becomes `_`,
/// leading underscores are removed and a leading digit gets an `F` prefix, so `article_file`
/// becomes `ARTICLE_FILE` and `analysis.ms` becomes `ANALYSIS_MS`.
public enum JournalFieldName {
    /// The longest field name journald accepts.
    public static let maximumLength = 64

    /// The valid journald field name for `key`, or nil when nothing usable remains (e.g. `"__"`).
    public static func sanitised(_ key: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        for scalar in key.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A: bytes.append(UInt8(scalar.value - 0x20))  // a-z -> A-Z
            case 0x41...0x5A, 0x30...0x39: bytes.append(UInt8(scalar.value))  // A-Z, 0-9
            default: bytes.append(UInt8(ascii: "_"))
            }
        }
        let firstKept = bytes.firstIndex { $0 != UInt8(ascii: "_") } ?? bytes.endIndex
        var name = Array(bytes[firstKept...])
        guard let first = name.first else { return nil }
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            name.insert(UInt8(ascii: "F"), at: 0)
        }
        return String(decoding: name.prefix(maximumLength), as: UTF8.self)
    }
}
