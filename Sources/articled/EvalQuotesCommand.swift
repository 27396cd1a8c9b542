import ArgumentParser
import ArticleAnalysis
import ArticleAnalysisTools
import ArticleModels
import Foundation

/// `articled eval-quotes`: scores the quotes stage on the hand-annotated gold set.
struct EvalQuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-quotes",
        abstract: "Score direct-quote spans and speakers against the annotated gold set.",
        discussion: """
            Runs the full pipeline on every article of the gold file and prints quote-span
            precision, recall and F1 and speaker accuracy on correctly found quotes
            (see docs/quotes.md for the matching rules). Exits 1 when span F1 < 0.95 or
            speaker accuracy < 0.90.
            """
    )

    @Option(help: ArgumentHelp("The gold file.", valueName: "path"))
    var gold = "Tests/Fixtures/quotes-gold.json"

    @Option(help: ArgumentHelp("The folder the gold file's article paths are relative to.", valueName: "dir"))
    var corpus = "../shared/corpus"

    @Flag(help: "Print every miss, false alarm and wrong speaker.")
    var verbose = false

    @Flag(help: "Ignore the entities stage: speakers come only from the capitalised-name fallback.")
    var noEntities = false

    @Option(help: ArgumentHelp("Score a PolNeAR split instead (a folder with text/ and attributions/).", valueName: "dir"))
    var polnear: String?

    func run() throws {
        if let polnear {
            try PolNeAREvalRun(folder: polnear, verbose: verbose).run()
            return
        }
        let articles = try QuoteGoldFile.load(gold)
        let pipeline = noEntities ? AnalysisPipeline(entityRecognizer: EntityRecognizer()) : try AnalysisPipeline.bundled()
        var score = QuoteEvaluation()
        for article in articles {
            let path = corpus + "/" + article.file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path)")
            }
            let analysis = try pipeline.analyze(ArticleInput(bytes: [UInt8](data), name: article.file))
            let quotes = noEntities
                ? pipeline.quoteFinder.find(analysis.text, analysis.segmentation, [])
                : analysis.quotes
            let notes = score.add(gold: article.quotes, found: quotes)
            if verbose && !notes.isEmpty {
                print("\(article.file):")
                for note in notes { print("  \(note)") }
            }
        }
        print("articles \(articles.count), gold quotes \(score.gold), found \(score.found), matched \(score.matched)")
        print(String(format: "span precision %.3f recall %.3f F1 %.3f", score.precision, score.recall, score.f1))
        print(String(format: "speaker accuracy %.3f (%d of %d matched quotes)", score.speakerAccuracy, score.speakerRight, score.matched))
        if score.f1 < 0.95 || score.speakerAccuracy < 0.90 { throw ExitCode(1) }
    }
}

/// The gold file: `{"articles": [{"file", "quotes": [{"text", "speaker"}]}]}`.
enum QuoteGoldFile {
    struct Article {
        var file: String
        var quotes: [QuoteEvaluation.GoldQuote]
    }

    static func load(_ path: String) throws -> [Article] {
        guard let data = FileManager.default.contents(atPath: path),
              let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let articles = root["articles"] as? [[String: Any]] else {
            throw ValidationError("cannot read the gold file \(path)")
        }
        return articles.compactMap { article in
            guard let file = article["file"] as? String, let quotes = article["quotes"] as? [[String: Any]] else { return nil }
            return Article(file: file, quotes: quotes.compactMap { quote in
                guard let text = quote["text"] as? String else { return nil }
                return QuoteEvaluation.GoldQuote(text: text, speaker: quote["speaker"] as? String)
            })
        }
    }
}
