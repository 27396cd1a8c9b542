import Logging
import Synchronization

/// The settings a SIGHUP can change while workers run; each article reads one snapshot.
final class LiveSettings: Sendable {
    struct Snapshot: Sendable, Equatable {
        var maxBytes: Int
        var afterSuccess: DaemonConfiguration.AfterSuccess
        var logLevel: Logger.Level
        var largeInputBytes: Int
        var largeInputWorkers: Int
    }

    private let state: Mutex<Snapshot>

    init(_ configuration: DaemonConfiguration) {
        state = Mutex(Self.snapshot(of: configuration))
    }

    var current: Snapshot { state.withLock { $0 } }

    func update(from configuration: DaemonConfiguration) {
        state.withLock { $0 = Self.snapshot(of: configuration) }
    }

    private static func snapshot(of configuration: DaemonConfiguration) -> Snapshot {
        Snapshot(maxBytes: configuration.maxBytes, afterSuccess: configuration.afterSuccess, logLevel: configuration.logLevel,
                 largeInputBytes: configuration.largeInputBytes, largeInputWorkers: configuration.largeInputWorkers)
    }
}
