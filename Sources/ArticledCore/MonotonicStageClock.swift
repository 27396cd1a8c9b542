import ArticleAnalysis
import Glibc

/// The clock the pipeline's `timing_ms` figures come from: CLOCK_MONOTONIC, immune to wall-clock steps.
public struct MonotonicStageClock: StageClock {
    public init() {}

    public func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}

/// UTC timestamps in ISO 8601, as `source.received` and error records carry them.
public enum UTCTimestamp {
    /// "2026-11-25T12:04:35Z" for the current wall-clock time (or `seconds` since the epoch).
    public static func iso8601(seconds: Int? = nil) -> String {
        var t = time_t(seconds ?? Int(time(nil)))
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ n: Int32, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
    }
}
