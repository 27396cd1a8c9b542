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

            Relative dates ("Tuesday", "yesterday") resolve against --published when given, else
            the article's dateline, else the time of the run; each says which in `dates[].basis`.
            Web pages (.html, .htm, .html.gz, or HTML by content) are read as pages: the article
            body is extracted (navigation, ads, comments left out) and analysed, with the page's
            authors, dates and URL under "page".

            Examples:
              articled analyze article.txt | jq .entities
              articled analyze --published 2020-03-17 archive-story.txt
              articled analyze examples/wikinews-page.html | jq '.page, .text'
              curl -s https://example.org/story.txt | articled analyze -
            """
    )

    @Argument(help: ArgumentHelp("The article files to analyse ('-' for standard input).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Refuse inputs larger than this many bytes.", valueName: "bytes"))
    var maxBytes: Int = DaemonConfiguration().maxBytes

    @Option(help: ArgumentHelp("The publication date of the articles (ISO 8601, e.g. 2020-03-17).", valueName: "date"))
    var published: String?

    @Flag(help: "Attribute quotes with the older rules alone instead of the learned model (docs/quotes.md).")
    var ruleQuotes = false

    @Flag(help: .hidden)
    var learnedQuotes = false  // the default now; still accepted so that older scripts run

    @Option(help: ArgumentHelp("Language whose stages run when the detected language is a guess ('none' to skip them).", valueName: "code"))
    var defaultLanguage: String = DaemonConfiguration().defaultLanguage ?? "none"

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file, or - for standard input.") }
        if let published, !ArticleInput.isPublishedDate(published) {
            throw ValidationError("--published must be an ISO 8601 date such as 2020-03-17, got '\(published)'.")
        }
    }

    func run() throws {
        // The models are loaded once the first input has been read, so that an input refused
        // for its size (e.g. endless standard input) fails at once and small.
        HeapSettings.mapLargeBlocks()
        var pipeline: AnalysisPipeline?
        var failures = 0
        let clock = MonotonicStageClock()
        // Read once: the option wrappers cost a lookup per read, and this loop runs per file.
        let maxBytes = self.maxBytes, published = self.published
        let reader = WebPageReader(maxInflatedBytes: maxBytes)
        for file in files {
            do {
                let bytes = try BoundedInput.read(file, maxBytes: maxBytes)
                if pipeline == nil {
                    do { pipeline = try AnalysisPipeline.bundled(learnedQuotes: !ruleQuotes) } catch {
                        FileHandle.standardError.write(Data("articled: cannot load the models: \(error)\n".utf8))
                        throw ExitCode(2)
                    }
                    pipeline?.defaultLanguage = defaultLanguage == "none" ? nil : defaultLanguage
                    pipeline?.returnFreeMemory = HeapSettings.returnFreeMemory
                }
                let name = file == "-" ? "stdin" : AnalyzeCommand.lastPathComponent(file)
                let input = ArticleInput(bytes: bytes, name: name, received: UTCTimestamp.now(), published: published)
                let analysis = try reader.analyze(input, with: pipeline!, clock: clock)
                FileHandle.standardOutput.write(Data(analysis.jsonBytes()))
            } catch let exit as ExitCode {
                throw exit
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("articled: \(file): \(error)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// The file name of `path`, as `NSString.lastPathComponent` gives it (trailing slashes
    /// dropped, "/" for the root), read from the UTF-8 bytes: bridging each path to NSString
    /// cost about 1% of a corpus run.
    static func lastPathComponent(_ path: String) -> String {
        let bytes = Array(path.utf8), slash = UInt8(ascii: "/")
        var end = bytes.count
        while end > 1 && bytes[end - 1] == slash { end -= 1 }
        var start = end
        while start > 0 && bytes[start - 1] != slash { start -= 1 }
        if start == end && end > 0 { return "/" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}


struct ReadError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
