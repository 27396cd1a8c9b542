import ArgumentParser

/// The `articled` command: the daemon and the tools around it.
@main
struct Articled: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articled",
        abstract: "Analyse news articles: entities, quotes, summary and more, as JSON.",
        discussion: """
            As a daemon (`articled run`), articled watches an inbox folder and writes one JSON
            result per article to an outbox. `articled analyze` does the same for files named on
            the command line.
            """,
        subcommands: [RunCommand.self, AnalyzeCommand.self, CheckConfigCommand.self, QueryCommand.self, ReindexCommand.self, EvalDuplicatesCommand.self, BenchIndexCommand.self, TrainNERCommand.self, EvalNERCommand.self, EvalQuotesCommand.self, EvalExtractionCommand.self, TrainQuotesCommand.self]
    )

    /// Runs the command line. `articled analyze` with several files takes its file operands
    /// apart from the options (`AnalyzeOperands`) and gives the parser its options and first file
    /// only: swift-argument-parser adds each value of an array argument by copying the array and
    /// merging the values' origins, which is quadratic in the number of files (855 files cost
    /// about 30 ms of a 0.6 s run, 4,275 files 0.5 s). Everything else goes through the parser as
    /// it is, errors and `--help` included.
    static func main() async {
        let words = Array(CommandLine.arguments.dropFirst())
        let analyze = AnalyzeCommand.configuration.commandName
        guard words.first == analyze else { return await main(nil) }
        let operands = AnalyzeOperands(words.dropFirst())
        guard operands.files.count > 1 else { return await main(nil) }
        do {
            let parsed = try parseAsRoot([words[0]] + operands.options + ["--", operands.files[0]])
            guard var command = parsed as? AnalyzeCommand else { return await main(nil) }
            command.files = operands.files
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
