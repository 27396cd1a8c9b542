import Logging

/// Everything a reload (SIGHUP) can change, as one immutable value.
///
/// Built once from a configuration and never changed: a reload builds a new value and hands it
/// over through `LiveSettings`, so a thread that holds one sees a consistent set (a worker never
/// analyses an article with the old `max_bytes` and publishes it with the new `after_success`).
struct DaemonSettings: Sendable {
    /// The configuration this value was built from.
    let configuration: DaemonConfiguration
    /// The daemon's logger at the configured level; callers add metadata to their own copy.
    let logger: Logger
    /// Worker threads wanted: `workers`, with 0 resolved to two per core.
    let workerCount: Int
    /// Time between full scans of the inbox (and of `processing/`, for recovery).
    let rescanInterval: Duration

    /// - Parameters:
    ///   - logger: the daemon's logger; its level is set from `configuration`.
    ///   - cores: active processor cores, for `workers = 0`.
    init(_ configuration: DaemonConfiguration, logger: Logger, cores: Int) {
        self.configuration = configuration
        var logger = logger
        logger.logLevel = configuration.logLevel
        self.logger = logger
        workerCount = configuration.resolvedWorkers(cores: cores)
        rescanInterval = .seconds(configuration.rescanSeconds)
    }
}
