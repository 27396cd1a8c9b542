import ArgumentParser
import ArticleAnalysis
import ArticleHTML
import ArticleModels
import ArticledCore
import Foundation
import Spool

/// `articled analyze`: the analysis without the daemon, for scripts and for trying things out.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse article files and print the JSON results.",
        discussion: """
            Prints the same JSON the daemon writes to its outbox: one document for one file,
            JSON Lines (one document per line) for several. Use - to read standard input.
            A file that cannot be read or analysed is reported on standard error; the others are
            still analysed, and the exit status is 1.

            Web pages (.html, .htm, .html.gz, or HTML by content) are read as pages: the article
            body is extracted (navigation, ads, comments left out) and analysed, with the page's
            authors, dates and URL under "page".

            Examples:
              articled analyze article.txt | jq .entities
              articled analyze examples/wikinews-page.html | jq '.page, .text'
              curl -s https://example.org/story.txt | articled analyze -
            """
    )

    @Argument(help: ArgumentHelp("The article files to analyse ('-' for standard input).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Refuse inputs larger than this many bytes.", valueName: "bytes"))
    var maxBytes: Int = DaemonConfiguration().maxBytes

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file, or - for standard input.") }
    }

    func run() throws {
        let pipeline: AnalysisPipeline
        do { pipeline = try AnalysisPipeline.bundled() } catch {
            FileHandle.standardError.write(Data("articled: cannot load the models: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var failures = 0
        let clock = MonotonicStageClock()
        for file in files {
            do {
                let bytes = try read(file)
                if bytes.count > maxBytes { throw AnalysisError.tooLarge(bytes: bytes.count, limit: maxBytes) }
                let name = file == "-" ? "stdin" : (file as NSString).lastPathComponent
                let input = ArticleInput(bytes: bytes, name: name, received: UTCTimestamp.now())
                let analysis = try WebPageReader(maxInflatedBytes: maxBytes).analyze(input, with: pipeline, clock: clock)
                FileHandle.standardOutput.write(Data(analysis.jsonBytes()))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("articled: \(file): \(error)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    private func read(_ file: String) throws -> [UInt8] {
        if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else { throw ReadError("no such file") }
        if isDirectory.boolValue { throw ReadError("is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: file) else { throw ReadError("cannot be read (permission denied?)") }
        return [UInt8](data)
    }
}

struct ReadError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
