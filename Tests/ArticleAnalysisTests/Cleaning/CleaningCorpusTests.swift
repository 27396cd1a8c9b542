import Foundation
import XCTest
@testable import ArticleAnalysis

/// The cleaning stage on the 171 real Wikinews articles: titles, datelines, furniture.
final class CleaningCorpusTests: XCTestCase {
    func testEveryWikinewsArticleCleansToABodyWithTitleAndDatelineDetected() throws {
        try CorpusFiles.requireCorpus()
        let articles = CorpusFiles.wikinews()
        let index = CorpusFiles.wikinewsIndex()
        XCTAssertEqual(articles.count, 171)
        var removedByRule: [String: Int] = [:]
        for (name, bytes) in articles {
            let decoded = try ArticleDecoder().decode(bytes)
            let cleaned = ArticleCleaner().clean(decoded.text)
            let paragraphs = cleaned.body.components(separatedBy: "\n\n")
            XCTAssertFalse(cleaned.body.isEmpty, name)
            XCTAssertGreaterThan(paragraphs.count, 0, name)
            XCTAssertEqual(cleaned.title, index[name]?.title, name)
            XCTAssertEqual(cleaned.dateline?.date, index[name]?.date, name)
            // Title, dateline and furniture never remain in the body.
            let paragraphSet = Set(paragraphs)
            if let title = cleaned.title { XCTAssertFalse(paragraphSet.contains(title), name) }
            if let dateline = cleaned.dateline { XCTAssertFalse(cleaned.body.contains(dateline.text), name) }
            for line in cleaned.removed {
                XCTAssertFalse(paragraphSet.contains(line.text), "\(name): \(line.text)")
                removedByRule[line.rule, default: 0] += 1
            }
            // The body's shape: no empty paragraph, no line breaks inside one, no runs of spaces.
            for paragraph in paragraphs {
                XCTAssertFalse(paragraph.isEmpty, name)
                XCTAssertFalse(paragraph.contains("\n"), name)
                XCTAssertFalse(paragraph.contains("  "), name)
                XCTAssertEqual(paragraph, paragraph.trimmingCharacters(in: .whitespaces), name)
                XCTAssertFalse(paragraph.hasSuffix("Image: Nicholas Moreau."), name)
                XCTAssertFalse(paragraph.hasPrefix("—"), "\(name): pull-quote attribution left: \(paragraph)")
                XCTAssertFalse(paragraph.hasPrefix("██"), "\(name): legend left: \(paragraph)")
            }
        }
        // The corpus's furniture: photo credits, gallery captions after the article, pull-quote
        // attributions, map legends. Nothing else, and never a line for being short.
        XCTAssertEqual(removedByRule, ["caption": 86, "attribution": 12, "legend": 13, "tail": 15])
    }

    /// Every removed line of the corpus, with its rule, is the hand-checked fixture: no line of a
    /// body is removed except by a named rule.
    func testRemovedLinesAreExactlyTheFixture() throws {
        try CorpusFiles.requireCorpus()
        var removed: [String] = []
        for (name, bytes) in CorpusFiles.wikinews() {
            let cleaned = ArticleCleaner().clean(try ArticleDecoder().decode(bytes).text)
            for line in cleaned.removed { removed.append("\(name.prefix(4)) \(line.rule) \(line.text)") }
        }
        let expected = WikinewsRemovedLines.all.map { "\($0.file) \($0.rule) \($0.text)" }
        XCTAssertEqual(removed.count, expected.count)
        for (got, want) in zip(removed, expected) { XCTAssertEqual(got, want) }
    }

    func testSpecificCorpusFurniture() throws {
        try CorpusFiles.requireCorpus()
        let articles = Dictionary(CorpusFiles.wikinews().map { ($0.name, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        func clean(_ prefix: String) throws -> CleanedArticle {
            let name = try XCTUnwrap(articles.keys.first { $0.hasPrefix(prefix) }, prefix)
            return ArticleCleaner().clean(try ArticleDecoder().decode(articles[name]!).text)
        }
        let magnitogorsk = try clean("000-")
        XCTAssertEqual(magnitogorsk.removed.map(\.rule), ["attribution"])
        XCTAssertEqual(magnitogorsk.body.components(separatedBy: "\n\n").count, 11)

        // The notes of a results table (lost from the page) in the middle of the article: a
        // numbered list, kept as three paragraphs.
        let election = try clean("149-")
        XCTAssertEqual(election.removed, [])
        XCTAssertTrue(election.body.contains("\n\n1. Unofficial results\n\n2. Relative to seats at dissolution\n\n3. At dissolution"))

        // Gallery captions between paragraphs stay, each its own paragraph; those after the
        // last prose line are the tail.
        let comicon = try clean("044-")
        XCTAssertTrue(comicon.body.contains("\n\nHobbits\n\nHobbits\n\n"))
        XCTAssertTrue(comicon.removed.contains(RemovedLine(text: "Hermoine Granger from the Harry Potter series", rule: "tail")))
        XCTAssertTrue(comicon.body.hasSuffix("."))

        let syria = try clean("133-")
        XCTAssertEqual(syria.removed.map(\.rule), ["legend", "legend", "legend", "legend"])
    }
}
