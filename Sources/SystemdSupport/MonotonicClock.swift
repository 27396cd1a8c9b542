import Glibc

/// Reads `CLOCK_MONOTONIC`, the clock systemd uses for `MONOTONIC_USEC=` in reload notifications
/// (not `ContinuousClock`, which counts time asleep and so is not the clock systemd compares).
enum MonotonicClock {
    /// Microseconds since an arbitrary boot-time origin, as `sd_notify(3)` expects.
    static func nowMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
