import ArgumentParser

@main
struct Articled: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articled",
        abstract: "Analyse news articles dropped into a folder.",
        subcommands: []
    )
}
