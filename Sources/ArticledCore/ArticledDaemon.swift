import ArticleAnalysis
import ArticleModels
import Logging
import ServiceLifecycle
import SystemdSupport

/// Starts the daemon: logging, configuration, models, then the service group that runs
/// `ArticledService` and turns SIGTERM/SIGINT into a graceful shutdown.
///
/// Threads: `run` is the command's async task; it builds everything before any other thread
/// exists, hands the daemon to the `ServiceGroup`, and returns when the group has stopped.
public enum ArticledDaemon {
    public struct Options: Sendable {
        /// Configuration file; nil means the built-in defaults.
        public var configurationPath: String?
        /// Spool root that overrides the configuration's (`--spool`).
        public var spoolRoot: String?
        /// Benchmark mode: every file operation, no analysis.
        public var bareFileWork: Bool

        public init(configurationPath: String? = nil, spoolRoot: String? = nil, bareFileWork: Bool = false) {
            self.configurationPath = configurationPath
            self.spoolRoot = spoolRoot
            self.bareFileWork = bareFileWork
        }

        /// Reads the configuration file (or the defaults) and applies the `--spool` override.
        public func loadConfiguration() throws -> DaemonConfiguration {
            var configuration = try configurationPath.map { path throws(ConfigurationError) in try ConfigurationFile.load(path: path) } ?? DaemonConfiguration()
            if let spoolRoot { configuration.spoolRoot = spoolRoot }
            return configuration
        }
    }

    /// Runs until SIGTERM/SIGINT; throws when start-up fails (bad configuration, spool folders
    /// that cannot be created, models that cannot be loaded) or the inbox cannot be re-created.
    public static func run(_ options: Options) async throws {
        let configuration = try options.loadConfiguration()
        HeapSettings.mapLargeBlocks()
        LogSetup.bootstrap(identifier: "articled", level: .trace)
        var logger = Logger(label: "articled")
        logger.logLevel = configuration.logLevel
        var pipeline = try AnalysisPipeline.bundled(learnedQuotes: configuration.learnedQuotes)
        pipeline.defaultLanguage = configuration.defaultLanguage
        pipeline.returnFreeMemory = HeapSettings.returnFreeMemory
        let daemon: SpoolDaemon
        do {
            daemon = try SpoolDaemon(
                configuration: configuration, loadConfiguration: { try options.loadConfiguration() },
                pipeline: pipeline, logger: logger, bareFileWork: options.bareFileWork)
        } catch {
            logger.critical("cannot start: \(error)", metadata: ["error": .string("\(error)")])
            throw error
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: ArticledService(daemon: daemon))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
