import Logging

/// Sets up swift-log for the process: journald (``JournalLogHandler``, `sd_journal_sendv`) when
/// stderr is connected to the journal (``JournalStream``), readable lines on stderr
/// (``StderrLogHandler``) otherwise.
public enum LogSetup {
    /// Where log events go.
    public enum Destination: Sendable, Equatable {
        case journal
        case standardError
    }

    /// The destination for this process, decided from `JOURNAL_STREAM` and stderr.
    public static var destination: Destination {
        JournalStream.isStandardErrorJournal ? .journal : .standardError
    }

    /// Bootstraps `LoggingSystem` once per process (swift-log traps on a second call).
    /// - Parameters:
    ///   - identifier: `SYSLOG_IDENTIFIER` of journal entries.
    ///   - level: the minimum level logged.
    public static func bootstrap(identifier: String = "articled", level: Logger.Level = .info) {
        let destination = self.destination
        LoggingSystem.bootstrap { label in
            makeHandler(label: label, identifier: identifier, level: level, destination: destination)
        }
    }

    /// The handler ``bootstrap(identifier:level:)`` installs, for callers that build loggers
    /// themselves (e.g. tests, or a process that must not touch the global logging system).
    public static func makeHandler(
        label: String, identifier: String = "articled", level: Logger.Level = .info,
        destination: Destination = LogSetup.destination
    ) -> any LogHandler {
        switch destination {
        case .journal: JournalLogHandler(label: label, identifier: identifier, level: level)
        case .standardError: StderrLogHandler(label: label, level: level)
        }
    }
}
