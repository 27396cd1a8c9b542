import Glibc
import Logging

/// Formats one log event as a single readable line for a terminal or a log file:
///
///     2026-11-25T12:11:37.123Z info ArticledCore: analysed article_file="a b.txt" analysis_ms=12 (Daemon.swift:88)
///
/// Control characters in the message and values are escaped (`\n`, `\t`, `\u{1B}`), so a file
/// name with a newline can never forge a second log line; values with spaces, quotes or `=` are
/// quoted. Metadata is sorted by key so lines are stable.
public enum LogLine {
    public static func format(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, source: String? = nil,
        timestamp: String = utcTimestamp()
    ) -> String {
        var line = "\(timestamp) \(level) \(escaped(label)): \(escaped(message))"
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            line += " \(escaped(key))=\(quotedIfNeeded(escaped(JournalEntry.text(of: value))))"
        }
        if let source {
            line += " (\(escaped(source)))"
        }
        return line + "\n"
    }

    /// `text` with backslashes and control characters escaped.
    public static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static func quotedIfNeeded(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty || value.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\\\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    /// The current UTC time as ISO 8601 with milliseconds, e.g. `2026-11-25T12:11:37.123Z`.
    public static func utcTimestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let milliseconds = Int32(now.tv_nsec / 1_000_000)
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
            + "T\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2))"
            + ".\(padded(milliseconds, 3))Z"
    }
}
