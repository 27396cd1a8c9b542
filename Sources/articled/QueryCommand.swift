import ArgumentParser
import ArticleIndex
import Foundation

/// `articled query`: questions across articles, answered from the article index.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask the article index: entities, quotes, full text, duplicates.",
        discussion: """
            Reads the index the daemon keeps (docs/index.md) without disturbing it. Prints a table,
            or JSON with --json. A name or phrase the index does not know is an error (exit 1),
            never an empty success.

            Examples:
              articled query entity "Abu Mohammed al-Julani" --spool /var/spool/articled
              articled query quotes --speaker al-Julani --spool /var/spool/articled
              articled query search "suicide bombers" --json --spool /var/spool/articled
            """,
        subcommands: [
            QueryEntityCommand.self, QueryQuotesCommand.self, QuerySearchCommand.self,
            QueryDuplicatesCommand.self, QueryStatsCommand.self, QueryDumpCommand.self,
        ]
    )
}

/// Options every query takes.
struct QueryOptions: ParsableArguments {
    @OptionGroup var location: IndexLocation

    @Flag(help: "Print JSON for scripts instead of a table.")
    var json = false

    func open() throws -> IndexReader {
        let path = try location.resolved().index
        do { return try IndexReader(path: path) } catch { fail("\(error.message)") }
    }
}

/// Writes `message` to standard error and exits 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("articled: \(message)\n".utf8))
    Foundation.exit(1)
}

/// Prints `value` as indented JSON with sorted keys.
func printJSON(_ value: Any) {
    let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
    print(String(decoding: data, as: UTF8.self))
}

/// Prints rows as a table: columns padded to their widest cell, long cells cut at `maxWidth`.
func printTable(_ header: [String], _ rows: [[String]], maxWidth: Int = 72) {
    func cut(_ cell: String) -> String {
        let flat = cell.replacingOccurrences(of: "\n", with: " ")
        return flat.count > maxWidth ? String(flat.prefix(maxWidth - 1)) + "…" : flat
    }
    let cells = ([header] + rows).map { $0.map(cut) }
    var widths = [Int](repeating: 0, count: header.count)
    for row in cells { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
    for (n, row) in cells.enumerated() {
        let line = row.enumerated().map { k, cell in k == row.count - 1 ? cell : cell.padding(toLength: widths[k], withPad: " ", startingAt: 0) }
        print(line.joined(separator: "  "))
        if n == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    }
}

/// A score kept in ten-thousandths, as written in the JSON.
func decimal(_ tenThousandths: Int) -> Double { Double(tenThousandths) / 10_000 }
