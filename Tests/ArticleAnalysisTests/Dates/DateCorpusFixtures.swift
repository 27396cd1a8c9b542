import ArticleAnalysis
import ArticleModels
import Foundation
import TestSupport
import XCTest

/// Shared fixtures of the reader-stage tests (keyphrases, summary, tone, dates, language): the
/// bundled pipeline, loaded once, and the shared corpus beside the repository.
enum ReaderFixtures {
    /// The full pipeline with every shipped model and lexicon; loaded once for all tests.
    static let pipeline: Result<AnalysisPipeline, any Error> = Result { try AnalysisPipeline.bundled() }

    static func bundledPipeline() throws -> AnalysisPipeline { try pipeline.get() }

    /// `../shared/corpus` beside the repository (where CI and developers keep it), or
    /// `$ARTICLED_CORPUS`: `CorpusFiles.root`.
    static var corpus: URL { CorpusFiles.root }

    static func referenceArticle() throws -> [UInt8] {
        let url = corpus.appendingPathComponent("seed/al-nusrah-interview.txt")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RequiredResource.missing("reference article not found at \(url.path)")
        }
        return [UInt8](data)
    }

    struct WikinewsArticle {
        var file: String
        var date: String
        var bytes: [UInt8]
    }

    /// The Wikinews 2019 articles with the date index.json gives each.
    static func wikinews() throws -> [WikinewsArticle] {
        let folder = corpus.appendingPathComponent("wikinews-2019")
        guard let index = FileManager.default.contents(atPath: folder.appendingPathComponent("index.json").path) else {
            throw RequiredResource.missing("Wikinews corpus not found at \(folder.path)")
        }
        let entries = try JSONSerialization.jsonObject(with: index) as? [[String: Any]] ?? []
        return entries.compactMap { entry in
            guard let file = entry["file"] as? String, let date = entry["date"] as? String,
                  let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else { return nil }
            return WikinewsArticle(file: file, date: date, bytes: [UInt8](data))
        }
    }

    static func analyze(_ text: String, name: String = "test.txt", received: String? = nil) throws -> Analysis {
        try bundledPipeline().analyze(ArticleInput(bytes: Array(text.utf8), name: name, received: received))
    }
}
