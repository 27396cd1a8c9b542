import ArgumentParser
import ArticledCore
import Foundation

/// `articled check-config`: validates a configuration file before a reload or a deploy.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a configuration file and explain each error.",
        discussion: """
            Prints every problem as FILE:line LINE: KEY: what is wrong, and exits 1; prints the
            effective settings and exits 0 when the file is good. Run it before
            `systemctl reload articled`: a reload with a broken file is refused and the daemon
            keeps its old settings.
            """
    )

    @Argument(help: ArgumentHelp("The configuration file.", valueName: "path"))
    var path: String

    func run() throws {
        do {
            let configuration = try ConfigurationFile.load(path: path)
            print("""
                \(path): OK
                  spool.root                = \(configuration.spoolRoot)
                  processing.workers        = \(configuration.workers == 0 ? "0 (two per core)" : String(configuration.workers))
                  processing.max_bytes      = \(configuration.maxBytes)
                  processing.after_success  = \(configuration.afterSuccess.rawValue)
                  processing.queue_limit    = \(configuration.queueLimit)
                  processing.rescan_seconds = \(configuration.rescanSeconds)
                  logging.level             = \(configuration.logLevel.rawValue)
                  index.enabled             = \(configuration.indexEnabled)
                  index.path                = \(configuration.resolvedIndexPath)
                  index.duplicate_threshold = \(configuration.duplicateThreshold)
                """)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
