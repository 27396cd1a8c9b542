import ArgumentParser
import ArticleIndex
import ArticledCore
import Foundation

/// `articled reindex`: rebuilds the article index from the outbox alone.
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the article index from the outbox.",
        discussion: """
            The outbox's JSON results are the contract and the index is derived from them: this
            reads every result (oldest first) into a new index beside the old one and renames it
            over it. Stop the daemon first (it keeps writing to the index it opened); at start the
            daemon also re-indexes by itself whatever a crash left out.

            Example:
              systemctl stop articled && articled reindex --spool /var/spool/articled && systemctl start articled
            """
    )

    @OptionGroup var location: IndexLocation

    func run() throws {
        let (path, outbox) = try location.resolved()
        guard FileManager.default.fileExists(atPath: outbox) else {
            FileHandle.standardError.write(Data("articled: no outbox at \(outbox)\n".utf8))
            throw ExitCode(1)
        }
        let start = Date()
        let report: ArticleIndex.Reconciliation
        do { report = try ArticleIndex.rebuild(path: path, outbox: outbox) } catch {
            FileHandle.standardError.write(Data("articled: \(error)\n".utf8))
            throw ExitCode(1)
        }
        for problem in report.unreadable { FileHandle.standardError.write(Data("articled: skipped \(problem)\n".utf8)) }
        print("\(path): \(report.added) articles indexed from \(outbox) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}

/// Where the index is: `--index PATH`, or `index.sqlite` in `--spool DIR`, or what the
/// configuration file says (`index.path`, else `<spool.root>/index.sqlite`).
struct IndexLocation: ParsableArguments {
    @Option(help: ArgumentHelp("The spool root: its index.sqlite (and outbox/ for reindex).", valueName: "dir"))
    var spool: String?

    @Option(help: ArgumentHelp("The index file itself.", valueName: "path"))
    var index: String?

    @Option(help: ArgumentHelp("Configuration file to read index.path and spool.root from.", valueName: "path"))
    var config: String?

    /// The index path and the outbox it is derived from.
    func resolved() throws -> (index: String, outbox: String) {
        var configuration = DaemonConfiguration()
        if let config {
            do { configuration = try ConfigurationFile.load(path: config) } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        if let spool {
            configuration.spoolRoot = spool.count > 1 && spool.hasSuffix("/") ? String(spool.dropLast()) : spool
            if config == nil { configuration.indexPath = nil }
        }
        return (index ?? configuration.resolvedIndexPath, configuration.outbox)
    }
}
