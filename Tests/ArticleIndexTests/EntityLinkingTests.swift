import ArticleAnalysis
import ArticleModels
@testable import ArticleIndex
import Foundation
import XCTest

/// Entities linked across articles: the hand-made corpus pairs (Tests/Fixtures/entity-links.json)
/// through the real pipeline, and the rules on small hand-written articles.
final class EntityLinkingTests: XCTestCase {
    func testHandMadeCorpusPairs() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/entity-links.json")
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any])
        let pairs = try XCTUnwrap(root["pairs"] as? [[String: Any]])
        let files = Set(pairs.flatMap { [$0["a"] as! String, $0["b"] as! String] }).sorted()
        try XCTSkipIf(!FileManager.default.fileExists(atPath: IndexFixtures.corpus + "/" + files[0]), "no corpus beside the repository")

        let pipeline = try AnalysisPipeline.bundled()
        let folder = try TemporaryFolder()
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        for file in files {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: IndexFixtures.corpus + "/" + file))
            let analysis = try pipeline.analyze(ArticleInput(bytes: [UInt8](bytes), name: file))
            try index.record([IndexedArticle(analysis, result: file + ".json")])
        }
        let reader = try IndexReader(path: index.path)
        var right = 0, falseMerges: [String] = [], missedLinks: [String] = []
        for pair in pairs {
            let a = try XCTUnwrap(try reader.entity(in: pair["a"] as! String + ".json", named: pair["a_name"] as! String), "\(pair)")
            let b = try XCTUnwrap(try reader.entity(in: pair["b"] as! String + ".json", named: pair["b_name"] as! String), "\(pair)")
            let same = pair["same"] as! Bool
            if (a == b) == same { right += 1 } else if same { missedLinks.append("\(pair)") } else { falseMerges.append("\(pair)") }
        }
        print("entity links: \(right) of \(pairs.count) pairs right; \(falseMerges.count) false merges, \(missedLinks.count) missed links")
        XCTAssertEqual(falseMerges, [], "entities merged that are not one")
        XCTAssertEqual(missedLinks, [], "entities left apart that are one")
    }

    func testJulaniByAnySpellingIsOnePersonAndSurnamesStayApart() throws {
        let folder = try TemporaryFolder()
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        try index.record([
            .person("a.json", "Abu Mohammed al-Julani", aliases: ["al-Julani"]),
            .person("b.json", "Julani"),
            .person("c.json", "al-Julani"),
            .person("d.json", "John Smith", aliases: ["Smith"]),
            .person("e.json", "Jane Smith", aliases: ["Smith"]),
            .person("f.json", "Smith"),
            .person("g.json", "Jane Smith"),
        ])
        let reader = try IndexReader(path: index.path)
        let julani = try reader.entity(in: "a.json", named: "Abu Mohammed al-Julani")
        XCTAssertNotNil(julani)
        XCTAssertEqual(try reader.entity(in: "b.json", named: "Julani"), julani)
        XCTAssertEqual(try reader.entity(in: "c.json", named: "al-Julani"), julani)
        XCTAssertEqual(try reader.entityIDs(named: "Julani"), [julani!])
        XCTAssertEqual(try reader.entityIDs(named: "al-julani"), [julani!])

        let john = try reader.entity(in: "d.json", named: "John Smith"), jane = try reader.entity(in: "e.json", named: "Jane Smith")
        XCTAssertNotEqual(john, jane, "two people sharing a surname stay apart")
        let smith = try reader.entity(in: "f.json", named: "Smith")
        XCTAssertNotEqual(smith, john, "a bare surname shared by two people links to neither")
        XCTAssertNotEqual(smith, jane)
        XCTAssertEqual(try reader.entity(in: "g.json", named: "Jane Smith"), jane, "the same full name is one person")
    }

    func testShortFormsThatLink() {
        XCTAssertTrue(EntityNameKey.isShortForm("al-julani", of: "abu mohammed al-julani", type: "PERSON"))
        XCTAssertTrue(EntityNameKey.isShortForm("assad", of: "bashar al-assad", type: "PERSON"))
        XCTAssertTrue(EntityNameKey.isShortForm("is", of: "islamic state", type: "ORG"))
        XCTAssertTrue(EntityNameKey.isShortForm("us", of: "united states", type: "LOC"))
        XCTAssertFalse(EntityNameKey.isShortForm("united states", of: "united states constitution", type: "LOC"))
        XCTAssertFalse(EntityNameKey.isShortForm("california", of: "northern district of california", type: "ORG"))
        XCTAssertFalse(EntityNameKey.isShortForm("australia", of: "south australia", type: "LOC"))
        XCTAssertEqual(EntityNameKey.key("The  Islamic State’s"), "islamic state")
        XCTAssertEqual(EntityNameKey.surname("abu mohammed al-julani"), "~julani")
    }
}

extension IndexedArticle {
    /// A hand-written article with one person in it.
    static func person(_ result: String, _ name: String, aliases: [String] = []) -> IndexedArticle {
        IndexedArticle(result: result, name: result, sha256: result, title: nil, published: nil, received: nil, language: "en",
                       text: "\(name) spoke.", entities: [.init(localID: "e1", type: "PERSON", name: name, aliases: aliases, mentionCount: 1)],
                       quotes: [], keyphrases: [], duplicates: [], signature: MinHashSignature(of: Array("\(name) spoke.".unicodeScalars)))
    }
}

extension IndexReader {
    /// The (resolved) entity across articles of the article entity in `result` called `name` (its name or an alias).
    func entity(in result: String, named name: String) throws -> Int64? {
        let statement = try db.prepare("""
            SELECT e.resolved, m.name, m.aliases FROM mentions m JOIN articles a ON a.id = m.article JOIN entities e ON e.id = m.entity
            WHERE a.result = ?
            """)
        statement.bind(1, result)
        while try statement.step() {
            let names = [statement.text(1) ?? ""] + (statement.text(2) ?? "").split(separator: "\u{1F}").map(String.init)
            if names.contains(name) { return statement.int(0) }
        }
        return nil
    }
}

/// A folder under /tmp removed when the test ends.
final class TemporaryFolder {
    let path: String
    init() throws {
        var template = Array("/tmp/articled-index-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
