import ArticleModels
import Foundation
import XCTest
@testable import ArticleAnalysis

/// Reads the outbox JSON back with Foundation, as a consumer would, and checks that code-point
/// offsets slice `text` to the reported words.
final class JSONOffsetTests: XCTestCase {
    private func document(_ bytes: [UInt8], name: String) throws -> [String: Any] {
        let pipeline = (try? AnalysisPipeline.bundled()) ?? AnalysisPipeline(entityRecognizer: EntityRecognizer())
        let analysis = try pipeline.analyze(ArticleInput(bytes: bytes, name: name, received: "2026-11-25T12:04:00Z"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(analysis.jsonBytes())) as? [String: Any])
    }

    /// `text` sliced by code points.
    private func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String? {
        guard 0 <= start, start <= end, end <= scalars.count else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    private func checkOffsets(_ doc: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try XCTUnwrap(doc["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        let paragraphs = try XCTUnwrap(doc["paragraphs"] as? [[Int]])
        let sentences = try XCTUnwrap(doc["sentences"] as? [[Int]])
        // Paragraph spans joined by a blank line give back the text.
        XCTAssertEqual(paragraphs.compactMap { slice(scalars, $0[0], $0[1]) }.joined(separator: "\n\n"), text, file: file, line: line)
        for span in sentences {
            let sentence = try XCTUnwrap(slice(scalars, span[0], span[1]), file: file, line: line)
            XCTAssertEqual(sentence, sentence.trimmingCharacters(in: .whitespacesAndNewlines), file: file, line: line)
            XCTAssertTrue(paragraphs.contains { $0[0] <= span[0] && span[1] <= $0[1] }, file: file, line: line)
        }
        func excerpts(_ items: [[String: Any]], _ what: String) throws {
            for item in items {
                let start = try XCTUnwrap(item["start"] as? Int), end = try XCTUnwrap(item["end"] as? Int)
                XCTAssertEqual(slice(scalars, start, end), item["text"] as? String, "\(what) [\(start), \(end))", file: file, line: line)
            }
        }
        for entity in (doc["entities"] as? [[String: Any]]) ?? [] {
            try excerpts(try XCTUnwrap(entity["mentions"] as? [[String: Any]]), "mention of \(entity["name"] ?? "")")
        }
        try excerpts((doc["summary"] as? [[String: Any]]) ?? [], "summary")
        try excerpts((doc["dates"] as? [[String: Any]]) ?? [], "date")
        for quote in (doc["quotes"] as? [[String: Any]]) ?? [] {
            let start = try XCTUnwrap(quote["start"] as? Int), end = try XCTUnwrap(quote["end"] as? Int)
            XCTAssertNotNil(slice(scalars, start, end), "quote span [\(start), \(end)) outside text", file: file, line: line)
        }
        let stats = try XCTUnwrap(doc["stats"] as? [String: Int])
        XCTAssertEqual(stats["paragraphs"], paragraphs.count, file: file, line: line)
        XCTAssertEqual(stats["sentences"], sentences.count, file: file, line: line)
    }

    func testReferenceArticleJSON() throws {
        try CorpusFiles.requireCorpus()
        let bytes = try XCTUnwrap(CorpusFiles.reference())
        let doc = try document(bytes, name: "al-nusrah-interview.txt")
        try checkOffsets(doc)

        XCTAssertEqual(doc["schema"] as? String, "articled.analysis/2")
        XCTAssertTrue(doc["title"] is NSNull)
        XCTAssertTrue(doc["dateline"] is NSNull)
        let source = try XCTUnwrap(doc["source"] as? [String: Any])
        XCTAssertEqual(source["name"] as? String, "al-nusrah-interview.txt")
        XCTAssertEqual(source["bytes"] as? Int, bytes.count)
        XCTAssertEqual(source["encoding"] as? String, "utf-8")
        XCTAssertEqual(source["encoding_fallback"] as? Bool, false)
        XCTAssertEqual(source["format"] as? String, "text/plain")
        XCTAssertEqual(source["received"] as? String, "2026-11-25T12:04:00Z")
        XCTAssertEqual((source["sha256"] as? String)?.count, 64)
        let removed = try XCTUnwrap(doc["removed"] as? [[String: String]])
        XCTAssertEqual(removed.map { $0["text"]! }, ["Share.", "Disclosure:", "Location", "Comments are closed."])
        let stats = try XCTUnwrap(doc["stats"] as? [String: Int])
        XCTAssertEqual(stats["paragraphs"], 10)
        XCTAssertEqual(stats["sentences"], 14)
        XCTAssertEqual(stats["words"], 415)

        // Offsets are code points: the text holds typographic quotes (3 UTF-8 bytes, 1 code point each).
        let text = try XCTUnwrap(doc["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        let sentences = try XCTUnwrap(doc["sentences"] as? [[Int]])
        XCTAssertEqual(slice(scalars, sentences[3][0], sentences[3][1]),
                       "“We are only here to accomplish one mission, to fight the regime and its agents on the ground, including Hezbollah and others.")
        XCTAssertNotEqual(text.utf8.count, scalars.count)
    }

    func testCorpusArticlesSliceCorrectly() throws {
        try CorpusFiles.requireCorpus()
        let corpus = CorpusFiles.wikinews()
        for i in stride(from: 3, to: corpus.count, by: 17) {
            try checkOffsets(try document(corpus[i].bytes, name: corpus[i].name))
        }
    }

    func testOffsetsCountCodePointsNotUTF16Units() throws {
        // 😀 is one code point, two UTF-16 units and four UTF-8 bytes.
        let doc = try document(Array("Fans 😀 cheered. The team won.".utf8), name: "emoji.txt")
        try checkOffsets(doc)
        let sentences = try XCTUnwrap(doc["sentences"] as? [[Int]])
        XCTAssertEqual(sentences, [[0, 15], [16, 29]])
    }

    func testTitleAndDatelineFields() throws {
        let bytes = Array("Talks resume in Geneva\n\nFriday, January 4, 2019\n\nThe minister said on Tuesday that the talks would resume next week.\n\nShare.".utf8)
        let doc = try document(bytes, name: "t.txt")
        XCTAssertEqual(doc["title"] as? String, "Talks resume in Geneva")
        let dateline = try XCTUnwrap(doc["dateline"] as? [String: Any])
        XCTAssertEqual(dateline["text"] as? String, "Friday, January 4, 2019")
        XCTAssertEqual(dateline["date"] as? String, "2019-01-04")
        XCTAssertEqual(doc["text"] as? String, "The minister said on Tuesday that the talks would resume next week.")
        XCTAssertEqual((doc["removed"] as? [[String: String]])?.first?["rule"], "share")
    }
}
