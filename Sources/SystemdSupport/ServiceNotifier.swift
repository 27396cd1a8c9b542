import CSystemd
import Glibc

/// Tells systemd about the service's state through `sd_notify(3)`.
///
/// Every call is a no-op when the process was not started by systemd with `Type=notify`
/// (no `NOTIFY_SOCKET` in the environment), so the daemon can call it unconditionally, e.g. when
/// it runs in a terminal. Messages are sent as newline-separated `KEY=value` assignments in one
/// datagram, as systemd expects; a `STATUS=` text is flattened to one line because systemd shows
/// it as a single line in `systemctl status`.
///
/// Threads: stateless; `sd_notify` opens its own socket per call, so any thread may notify. In
/// articled only the control thread does, which keeps the messages in the order they happened.
public struct ServiceNotifier: Sendable {
    public init() {}

    /// Sends `READY=1` with a `STATUS=` line: startup has finished and the service does its job.
    public func ready(status: String) {
        send(["READY=1", Self.statusAssignment(status)])
    }

    /// Updates the `STATUS=` line shown by `systemctl status`.
    public func status(_ text: String) {
        send([Self.statusAssignment(text)])
    }

    /// Sends `RELOADING=1` with `MONOTONIC_USEC=<now>`, which `Type=notify-reload` requires and
    /// `Type=notify` accepts. Follow it with `ready(status:)` once the new configuration is live.
    public func reloading() {
        send(["RELOADING=1", "MONOTONIC_USEC=\(MonotonicClock.nowMicroseconds())"])
    }

    /// Sends `STOPPING=1`: the service has begun shutting down.
    public func stopping() {
        send(["STOPPING=1"])
    }

    /// Sends `WATCHDOG=1`, resetting the unit's `WatchdogSec=` timer.
    public func watchdogPing() {
        send(["WATCHDOG=1"])
    }

    /// Half of `WATCHDOG_USEC` when systemd enabled the watchdog for this process
    /// (`sd_watchdog_enabled(3)`, which also checks `WATCHDOG_PID`), else nil.
    /// Pinging at half the interval is what systemd recommends, leaving room for scheduling delays.
    public var watchdogInterval: Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(clamping: usec / 2))
    }

    /// Sends raw `KEY=value` assignments in one notification. Public so that rarer messages
    /// (e.g. `ERRNO=`) need no new method; values must not contain newlines.
    public func send(_ assignments: [String]) {
        let message = assignments.joined(separator: "\n")
        _ = sd_notify(0, message)
    }

    /// `STATUS=` with the text reduced to one line (control characters become spaces).
    static func statusAssignment(_ text: String) -> String {
        var line = ""
        line.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            line.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
        }
        return "STATUS=" + line
    }
}
