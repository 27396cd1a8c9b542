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
        // The corpus's furniture: photo credits, gallery captions, pull-quote attributions, map legends.
        XCTAssertGreaterThanOrEqual(removedByRule["caption", default: 0], 80)
        XCTAssertGreaterThanOrEqual(removedByRule["attribution", default: 0], 10)
        XCTAssertGreaterThanOrEqual(removedByRule["legend", default: 0], 13)
        XCTAssertGreaterThanOrEqual(removedByRule["short-line", default: 0], 40)
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

        let election = try clean("149-")
        XCTAssertEqual(election.removed.map(\.rule), ["footnote", "footnote", "footnote"])

        let comicon = try clean("044-")
        XCTAssertTrue(comicon.removed.contains(RemovedLine(text: "Hobbits", rule: "short-line")))
        XCTAssertTrue(comicon.body.hasSuffix("."))

        let syria = try clean("133-")
        XCTAssertEqual(syria.removed.map(\.rule), ["legend", "legend", "legend", "legend"])
    }
}
