import ArticleAnalysis
@testable import ArticleIndex
import Foundation
import XCTest

/// The index's storage: schema version, idempotent recording, reconciliation with an outbox,
/// and a rebuild that gives the same content.
final class IndexStoreTests: XCTestCase {
    func testSchemaVersionAndWAL() throws {
        let folder = try TemporaryFolder()
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        try index.record([.person("a.json", "Jane Smith")])
        let reader = try IndexReader(path: index.path)
        XCTAssertEqual(try reader.db.scalar("PRAGMA user_version"), Int64(IndexSchema.version))
        let mode = try reader.db.prepare("PRAGMA journal_mode")
        XCTAssertTrue(try mode.step())
        XCTAssertEqual(mode.text(0), "wal")
        XCTAssertEqual(try reader.db.scalar("SELECT count(*) FROM pragma_compile_options WHERE compile_options = 'ENABLE_FTS5'"), 1)
    }

    func testRecordingTheSameResultTwiceKeepsOne() throws {
        let folder = try TemporaryFolder()
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        XCTAssertEqual(try index.record([.person("a.json", "Jane Smith")]), 1)
        XCTAssertEqual(try index.record([.person("a.json", "Jane Smith"), .person("b.json", "John Smith")]), 1)
        XCTAssertEqual(try index.resultNames(), ["a.json", "b.json"])
    }

    func testExactAndNearCopiesAreFoundAboveTheThresholdOnly() throws {
        let folder = try TemporaryFolder()
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        let text = (0..<60).map { "Sentence number \($0) of the council report says the budget item \($0 * 7) was approved." }.joined(separator: " ")
        var original = IndexedArticle.person("original.txt.json", "Jane Smith")
        original.name = "original.txt"
        original.text = text
        original.signature = MinHashSignature(of: Array(text.unicodeScalars))
        try index.record([original])
        let near = MinHashSignature(of: Array((text + " One more sentence at the end.").unicodeScalars))
        XCTAssertEqual(try index.duplicates(of: near, sha256: "other", threshold: 0.8).map(\.name), ["original.txt"])
        XCTAssertEqual(try index.duplicates(of: original.signature, sha256: original.sha256, threshold: 0.8).first?.similarity, 1)
        let different = MinHashSignature(of: Array("A different story about a football match in the rain on Sunday afternoon.".unicodeScalars))
        XCTAssertEqual(try index.duplicates(of: different, sha256: "x", threshold: 0.8), [])
    }

    func testReconcileAddsWhatTheOutboxHasAndDropsWhatItLacks() throws {
        let folder = try TemporaryFolder()
        let outbox = folder.path + "/outbox"
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        for (name, person) in [("a.txt", "Jane Smith"), ("b.txt", "Abu Mohammed al-Julani"), ("c.txt", "Julani")] {
            try Self.result(name: name, person: person).write(to: URL(fileURLWithPath: outbox + "/" + name + ".json"))
        }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: outbox + "/.a.txt.json.tmp"))
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        try index.record([.person("gone.txt.json", "John Smith")])
        let report = try index.reconcile(outbox: outbox)
        XCTAssertEqual(report.added, 3)
        XCTAssertEqual(report.removed, 1)
        XCTAssertEqual(try index.resultNames(), ["a.txt.json", "b.txt.json", "c.txt.json"])
        XCTAssertEqual(try index.reconcile(outbox: outbox), ArticleIndex.Reconciliation(), "a second run has nothing to do")
        let reader = try IndexReader(path: index.path)
        XCTAssertEqual(try reader.entityIDs(named: "John Smith"), [], "the entity of a removed article goes with it")
        XCTAssertEqual(try reader.entity(in: "c.txt.json", named: "Julani"), try reader.entity(in: "b.txt.json", named: "Abu Mohammed al-Julani"))

        // A rebuild from the outbox gives the same content.
        let rebuilt = folder.path + "/rebuilt.sqlite"
        _ = try ArticleIndex.rebuild(path: rebuilt, outbox: outbox)
        XCTAssertEqual(try IndexReader(path: rebuilt).dump(), try reader.dump())
    }

    /// A minimal result JSON with one person, in the first quote shape and the later one.
    static func result(name: String, person: String) -> Data {
        let object: [String: Any] = [
            "schema": "articled.analysis/2",
            "source": ["name": name, "sha256": String(repeating: "a", count: 63) + String(name.count % 10), "received": "2026-12-07T07:00:0\(name.count % 10)Z"],
            "title": NSNull(), "dateline": NSNull(), "text": "\(person) said the vote was close. “We won,” \(person) said.",
            "language": ["code": "en", "confidence": 1],
            "entities": [["id": "e1", "type": "PERSON", "name": person, "aliases": [], "mentions": [["start": 0, "end": 1, "text": person]]]],
            "quotes": [
                ["kind": "indirect", "text": "the vote was close", "speaker": ["entity": "e1", "name": person], "cue": "said"],
                ["kind": "direct", "text": "We won,", "speaker": ["entity": "e1", "name": person, "mention": ["start": 0, "end": 1]], "cue": ["text": "said", "start": 3, "end": 7]],
            ],
            "keyphrases": [["text": "vote", "score": 1]], "duplicates": [],
        ]
        return try! JSONSerialization.data(withJSONObject: object)
    }

    func testEntitiesDoNotDependOnTheOrderArticlesCameIn() throws {
        let articles: [IndexedArticle] = [
            .person("a.json", "John Smith", aliases: ["Smith"]), .person("b.json", "Smith"), .person("c.json", "Jane Smith", aliases: ["Smith"]),
            .person("d.json", "Julani"), .person("e.json", "Abu Mohammed al-Julani", aliases: ["al-Julani"]), .person("f.json", "al-Julani"),
            .person("g.json", "U.S. House of Representatives"), .person("h.json", "House of Representatives"),
            .person("i.json", "U.S. House of Representatives", aliases: ["House of Representatives"]),
        ]
        var dumps: [[String]] = []
        for order in [articles, articles.reversed(), [articles[4], articles[1], articles[8], articles[0], articles[6], articles[3], articles[2], articles[7], articles[5]]] {
            let folder = try TemporaryFolder()
            let index = try ArticleIndex(path: folder.path + "/index.sqlite")
            for article in order { try index.record([article]) }
            dumps.append(try IndexReader(path: index.path).dump())
        }
        XCTAssertEqual(dumps[0], dumps[1])
        XCTAssertEqual(dumps[0], dumps[2])
    }

    func testRemovingTheArticleThatTiedTwoGroupsSplitsThem() throws {
        let folder = try TemporaryFolder()
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        try index.record([.person("g.json", "U.S. House of Representatives"), .person("h.json", "House of Representatives"),
                          .person("i.json", "U.S. House of Representatives", aliases: ["House of Representatives"])])
        XCTAssertEqual(try IndexReader(path: index.path).entityIDs(named: "House of Representatives").count, 1)
        try index.remove(results: ["i.json"])
        let reader = try IndexReader(path: index.path)
        XCTAssertNotEqual(try reader.entityIDs(named: "House of Representatives"), try reader.entityIDs(named: "U.S. House of Representatives"))
    }

    func testQuotesAreReadFromEitherShape() throws {
        let article = try IndexedArticle(json: [UInt8](Self.result(name: "a.txt", person: "Jane Smith")), result: "a.txt.json")
        XCTAssertEqual(article.quotes.map(\.cue), ["said", "said"])
        XCTAssertEqual(article.quotes.map(\.speakerEntity), ["e1", "e1"])
    }
}
