import Glibc

/// ISO 8601 UTC timestamps ("2026-11-25T12:04:00Z") from the real-time clock.
public enum UTCTimestamp {
    public static func now() -> String { format(seconds: time(nil)) }

    public static func format(seconds: time_t) -> String {
        var value = seconds
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
