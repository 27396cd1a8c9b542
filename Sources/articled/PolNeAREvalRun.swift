import ArgumentParser
import ArticleAnalysis
import ArticleAnalysisTools
import ArticleModels
import Foundation

/// `articled eval-quotes --polnear DIR`: runs the bundled pipeline on every article of a PolNeAR
/// split and prints the scores of `PolNeAREvaluation` with the error breakdown.
struct PolNeAREvalRun {
    var folder: String
    var verbose: Bool

    /// The articles of a PolNeAR split folder, in file-name order.
    static func articles(in folder: String) throws -> [PolNeARArticle] {
        let textFolder = folder + "/text", annotationFolder = folder + "/attributions"
        let names = try FileManager.default.contentsOfDirectory(atPath: textFolder).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw ValidationError("no .txt files in \(textFolder)") }
        return try names.map { name in
            let base = String(name.dropLast(4))
            let text = try String(contentsOfFile: textFolder + "/" + name, encoding: .utf8)
            let annotations = try String(contentsOfFile: annotationFolder + "/" + base + ".ann", encoding: .utf8)
            return PolNeARArticle(name: base, text: text, annotations: annotations)
        }
    }

    func run() throws {
        let articles = try Self.articles(in: folder)
        // The learned attribution model (the default) is what this split measures.
        let pipeline = try AnalysisPipeline.bundled(learnedQuotes: true)
        // How long the shipped attribution model takes to read (its budget is 50 ms).
        let clock = ContinuousClock()
        let loadStart = clock.now
        _ = try BundledModels.quoteModel()
        let load = clock.now - loadStart
        print(String(format: "quotes model loaded in %.1f ms", Double(load.components.attoseconds) / 1e15 + Double(load.components.seconds) * 1000))
        var score = PolNeAREvaluation()
        for article in articles {
            let bytes = Array(String(String.UnicodeScalarView(article.text)).utf8)
            let analysis = try pipeline.analyze(ArticleInput(bytes: bytes, name: article.name + ".txt"))
            let notes = score.add(article, cleaned: analysis.text.scalars, quotes: analysis.quotes)
            if verbose && !notes.isEmpty {
                print("\(article.name):")
                for note in notes { print("  \(note)") }
            }
        }
        Self.report(score, articles: articles.count)
        if score.directF1 < 0.97 || score.speakerAccuracy < 0.92 || score.reportedF1 < 0.65 { throw ExitCode(1) }
    }

    static func report(_ score: PolNeAREvaluation, articles: Int) {
        print("articles \(articles)")
        print(String(format: "direct quotes: gold %d, found %d, matched %d; P %.3f R %.3f F1 %.3f",
                     score.directGold, score.directFound, score.directMatched, score.directPrecision, score.directRecall, score.directF1))
        print(String(format: "speaker accuracy %.3f (%d of %d matched quotes with a gold source)",
                     score.speakerAccuracy, score.speakerRight, score.speakerScored))
        print(String(format: "reported speech: gold %d, found %d, matched %d; P %.3f R %.3f F1 %.3f; source %.3f (%d of %d)",
                     score.reportedGold, score.reportedFound, score.reportedMatched, score.reportedPrecision,
                     score.reportedRecall, score.reportedF1, score.reportedSpeakerAccuracy, score.reportedSpeakerRight,
                     score.reportedSpeakerScored))
        print("errors by kind:")
        for (kind, count) in score.errors.sorted(by: { $0.key < $1.key }) { print("  \(kind): \(count)") }
    }
}
