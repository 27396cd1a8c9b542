import ArticleAnalysis
import Glibc

/// The clock the pipeline's `timing_ms` figures come from: CLOCK_MONOTONIC, immune to wall-clock steps.
/// (`ArticleAnalysis` has no clocks of its own, so the pipeline asks its caller for nanoseconds
/// through `StageClock`; the daemon's own timing uses `ContinuousClock`.) Stateless: any thread.
public struct MonotonicStageClock: StageClock {
    public init() {}

    public func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
