import Logging

/// The syslog priority journald stores in `PRIORITY=` (0 emerg ... 7 debug).
public enum SyslogPriority: Int, Sendable, CaseIterable {
    case emergency = 0, alert, critical, error, warning, notice, info, debug

    /// Maps swift-log levels onto syslog priorities. swift-log has no emergency/alert levels and
    /// two below info (trace, debug), so `critical` stays critical and `trace` folds into debug.
    public init(_ level: Logger.Level) {
        switch level {
        case .trace, .debug: self = .debug
        case .info: self = .info
        case .notice: self = .notice
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }
}
