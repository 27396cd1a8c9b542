import XCTest
@testable import ArticleAnalysis

/// Each relative date says what it was resolved against: the publication date the caller gave,
/// the article's dateline, or the time the file arrived.
final class DateBasisTests: XCTestCase {
    let pipeline = AnalysisPipeline(entityRecognizer: EntityRecognizer())
    let story = "Fire hits archive\n\nThe fire started on Tuesday, officials said yesterday. The building opened on 5 May 1990."

    func dates(_ text: String, received: String? = "2026-12-07T08:00:00Z", published: String? = nil) throws -> [DateMention] {
        try pipeline.analyze(ArticleInput(bytes: Array(text.utf8), name: "a.txt", received: received, published: published)).dates
    }

    func testWithoutADatelineRelativeDatesRestOnTheTimeReceived() throws {
        let found = try dates(story)
        XCTAssertEqual(found.map(\.text), ["Tuesday", "yesterday", "5 May 1990"])
        XCTAssertEqual(found.map(\.basis), [.received, .received, nil])
        XCTAssertEqual(found.map(\.value), ["2026-12-01", "2026-12-06", "1990-05-05"])
    }

    func testAPublishedDateIsTheBasis() throws {
        let found = try dates(story, published: "2020-03-19")
        XCTAssertEqual(found.map(\.basis), [.published, .published, nil])
        XCTAssertEqual(found.map(\.value), ["2020-03-17", "2020-03-18", "1990-05-05"])
        // A timestamp works too; a value that is not a date is ignored.
        XCTAssertEqual(try dates(story, published: "2020-03-19T23:10:00Z").first?.value, "2020-03-17")
        XCTAssertEqual(try dates(story, published: "last spring").first?.basis, .received)
    }

    func testTheDatelineIsTheBasisWhenNoPublishedDateIsGiven() throws {
        let text = "Fire hits archive\n\nThursday, March 19, 2020\n\nThe fire started on Tuesday, officials said."
        XCTAssertEqual(try dates(text).map(\.basis), [.dateline])
        XCTAssertEqual(try dates(text).map(\.value), ["2020-03-17"])
        XCTAssertEqual(try dates(text, published: "2020-03-25").map(\.value), ["2020-03-24"])
    }

    func testNoReferenceLeavesRelativeDatesOut() throws {
        XCTAssertEqual(try dates(story, received: nil).map(\.text), ["5 May 1990"])
    }

    func testBasisIsWrittenToTheJSON() throws {
        let analysis = try pipeline.analyze(ArticleInput(bytes: Array(story.utf8), name: "a.txt", received: "2026-12-07T08:00:00Z", published: "2020-03-19"))
        let json = String(decoding: analysis.jsonBytes(), as: UTF8.self)
        XCTAssertTrue(json.contains("\"text\":\"Tuesday\",\"value\":\"2020-03-17\",\"start\":"), json)
        XCTAssertTrue(json.contains("\"basis\":\"published\""))
    }
}
