import ArgumentParser
import ArticledCore

/// `articled run`: the daemon, as systemd starts it.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: analyse every article dropped into the inbox.",
        discussion: """
            Watches <spool>/inbox and writes one JSON result per article to <spool>/outbox; inputs
            then move to processed/ (or failed/, with <name>.error.json saying why). SIGTERM stops
            after the articles being analysed; SIGHUP re-reads the configuration file.
            Without --config the built-in defaults apply (see config/articled.conf).
            """
    )

    @Option(help: ArgumentHelp("Configuration file, e.g. /etc/articled/articled.conf.", valueName: "path"))
    var config: String?

    @Option(help: ArgumentHelp("Spool root; overrides the configuration. Folders inbox, outbox, processed, failed and processing are created beneath it.", valueName: "dir"))
    var spool: String?

    @Flag(help: .private)
    var bareFileWork = false

    func run() async throws {
        try await ArticledDaemon.run(.init(configurationPath: config, spoolRoot: spool, bareFileWork: bareFileWork))
    }
}
