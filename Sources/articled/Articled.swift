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
}
