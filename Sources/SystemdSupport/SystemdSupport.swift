import CSystemd
import Logging

// INTERFACE STUBS written by the lead so that the daemon can be wired while this library is
// built. The systemd helper replaces this file with real implementations (one concept a file),
// keeping these public signatures (extending them is fine).

/// Tells systemd about the service's state through sd_notify (no-op outside systemd).
public struct ServiceNotifier: Sendable {
    public init() {}
    /// Sends READY=1 with a STATUS= line.
    public func ready(status: String) {}
    /// Updates the STATUS= line shown by `systemctl status`.
    public func status(_ text: String) {}
    /// Sends RELOADING=1 with MONOTONIC_USEC=now.
    public func reloading() {}
    /// Sends STOPPING=1.
    public func stopping() {}
    /// Sends WATCHDOG=1.
    public func watchdogPing() {}
    /// Half of WATCHDOG_USEC when systemd enabled the watchdog for this process, else nil.
    public var watchdogInterval: Duration? { nil }
}

/// Sets up swift-log: journald (sd_journal_sendv) when stderr is connected to the journal
/// (JOURNAL_STREAM), readable lines on stderr otherwise.
public enum LogSetup {
    public static func bootstrap(identifier: String = "articled", level: Logger.Level = .info) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
