import ArticleAnalysis
@testable import ArticleIndex
import Foundation
import XCTest

/// The in-memory side of near-duplicate lookups (`NearDuplicateTable`), queued articles, the
/// entity linker's cache, and the migration of an index written by schema version 1.
final class NearDuplicateTableTests: XCTestCase {
    static func report(_ n: Int) -> String {
        (0..<60).map { "Sentence number \($0) of the council report \(n) says the budget item \($0 * 7 + n) was approved." }.joined(separator: " ")
    }

    static func article(_ result: String, text: String) -> IndexedArticle {
        var article = IndexedArticle.person(result, "Jane Smith")
        article.name = result.replacingOccurrences(of: ".json", with: "")
        article.sha256 = "sha-" + result
        article.text = text
        article.signature = MinHashSignature(of: Array(text.unicodeScalars))
        return article
    }

    func testCandidatesAreNearCopiesOnlyAndDeadSlotsDoNotCount() {
        var table = NearDuplicateTable()
        let text = Self.report(1)
        let original = MinHashSignature(of: Array(text.unicodeScalars))
        // Another story: the two reports of `report` share a third of their shingles, enough for a
        // band now and then; this one shares none.
        let weather = (0..<60).map { "On day \($0) forecasters expected rain over district \($0 * 3) until evening." }.joined(separator: " ")
        let other = MinHashSignature(of: Array(weather.unicodeScalars))
        let a = table.add(signature: original, sha256: "a", name: "a.txt", article: 7)
        _ = table.add(signature: other, sha256: "b", name: "b.txt", article: 8)
        let near = MinHashSignature(of: Array((text + " One more sentence at the end.").unicodeScalars))
        let found = table.candidates(of: near, sha256: "x", threshold: 0.8)
        XCTAssertEqual(found.map(\.slot), [a])
        XCTAssertGreaterThanOrEqual(found.first?.agreements ?? 0, Int(near.similarity(to: original) * 128), "fingerprints agree wherever values do")
        XCTAssertEqual(table.candidates(of: near, sha256: "x", threshold: 0.2).map(\.article).sorted(), [7], "the other report shares too little for a band")
        let queued = table.add(signature: original, sha256: "c", name: "c.txt", article: 0)
        XCTAssertEqual(table.candidates(of: original, sha256: "x", threshold: 0.8).map(\.slot), [a, queued])
        table.written(queued, as: nil)
        XCTAssertEqual(table.candidates(of: original, sha256: "x", threshold: 0.8).map(\.slot), [a])
        // A text without words is found by its SHA-256 only.
        let empty = MinHashSignature(of: Array("— … !".unicodeScalars))
        let wordless = table.add(signature: empty, sha256: "w", name: "w.txt", article: 9)
        XCTAssertEqual(table.candidates(of: empty, sha256: "w", threshold: 0.8), [.init(slot: wordless, article: 9, exact: true)])
        XCTAssertEqual(table.candidates(of: original, sha256: "a", threshold: 0.8).map(\.exact), [true], "the same SHA-256: an exact copy")
        XCTAssertEqual([a, wordless].map(table.name), ["a.txt", "w.txt"])
        XCTAssertEqual(table.candidates(of: empty, sha256: "v", threshold: 0.8), [])
    }

    func testBinsGrowAndKeepEveryEntry() {
        var band = NearDuplicateTable.Band()
        var random = SystemRandomNumberGenerator()
        let keys = (0..<20_000).map { _ in UInt32.random(in: 0...UInt32.max, using: &random) }
        for (slot, key) in keys.enumerated() { band.insert(key, slot: Int32(slot)) }
        XCTAssertGreaterThan(band.bins.count, 64)
        for (slot, key) in keys.enumerated() where slot % 97 == 0 {
            var found: [Int32] = []
            band.slots(key, into: &found)
            XCTAssertTrue(found.contains(Int32(slot)))
        }
    }

    func testQueuedArticlesCountForLookupsBeforeAndAfterTheyAreWritten() throws {
        let folder = try TemporaryFolder()
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        let original = Self.article("original.txt.json", text: Self.report(1))
        let near = MinHashSignature(of: Array((Self.report(1) + " Share this article.").unicodeScalars))
        index.enqueue([original]) { error in XCTFail("\(error)") }
        XCTAssertEqual(try index.duplicates(of: near, sha256: "new", threshold: 0.8).map(\.name), ["original.txt"])
        index.flush()
        XCTAssertEqual(try index.duplicates(of: near, sha256: "new", threshold: 0.8).map(\.name), ["original.txt"])
        XCTAssertEqual(try index.duplicates(of: original.signature, sha256: original.sha256, threshold: 0.8).map(\.similarity), [1])
        // Reopened: the table is loaded from the stored signatures.
        let reopened = try ArticleIndex(path: index.path)
        XCTAssertEqual(try reopened.duplicates(of: near, sha256: "new", threshold: 0.8).map(\.name), ["original.txt"])
        XCTAssertEqual(try reopened.duplicates(of: MinHashSignature(of: Array(Self.report(3).unicodeScalars)), sha256: "new", threshold: 0.8), [])
    }

    func testALimitedLookupListsTheMostSimilarAsAFullOneDoes() throws {
        // Candidates are checked most agreeing first and the checks stop once nothing left can
        // enter the list: the first `limit` must be those of an unlimited lookup.
        let folder = try TemporaryFolder()
        let index = try ArticleIndex(path: folder.path + "/index.sqlite")
        let text = Self.report(1)
        try index.record((1...6).map { k in
            Self.article("copy\(k).txt.json", text: text + (0..<k).map { " Added sentence \($0) about the council." }.joined())
        })
        let signature = MinHashSignature(of: Array(text.unicodeScalars))
        let all = try index.duplicates(of: signature, sha256: "new", threshold: 0.8)
        XCTAssertGreaterThanOrEqual(all.count, 4)
        for limit in 1...3 {
            XCTAssertEqual(try index.duplicates(of: signature, sha256: "new", threshold: 0.8, limit: limit), Array(all.prefix(limit)))
        }
    }

    func testRepeatedEntitiesGiveTheSameContentAsAFreshIndex() throws {
        // The linker's cache must not change what is filed: articles that repeat entities (cache
        // hits), with better spellings arriving later, and a merge in between.
        let articles: [IndexedArticle] = [
            .person("a.json", "Abu Mohammed al-Julani", aliases: ["al-Julani"]), .person("b.json", "Abu Mohammed al-Julani"),
            .person("c.json", "abu mohammed al-julani"), .person("d.json", "Abu Mohammed Al-Julani", aliases: ["Al-Julani"]),
            .person("e.json", "John Smith"), .person("f.json", "J. Smith"), .person("g.json", "John Smith", aliases: ["J. Smith"]),
            .person("h.json", "John Smith"), .person("i.json", "Julani"),
        ]
        var dumps: [[String]] = []
        for order in [articles, articles.reversed()] {
            let folder = try TemporaryFolder()
            let index = try ArticleIndex(path: folder.path + "/index.sqlite")
            for article in order { try index.record([article]) }
            dumps.append(try IndexReader(path: index.path).dump())
        }
        XCTAssertEqual(dumps[0], dumps[1])
    }

    /// An index file at schema `version` (the migrations up to it, none after), filled by `fill`.
    static func oldIndex(version: Int, in folder: TemporaryFolder, _ fill: (borrowing SQLiteConnection) throws -> Void) throws -> String {
        let path = folder.path + "/index.sqlite"
        let db = try SQLiteConnection(path: path)
        try db.execute(IndexSchema.migrations[0..<version].joined(separator: ";\n") + "; PRAGMA user_version = \(version)")
        try fill(db)
        return path
    }

    func testAnIndexOfSchemaOneIsMigrated() throws {
        let folder = try TemporaryFolder()
        let original = Self.article("original.txt.json", text: Self.report(1))
        let path = try Self.oldIndex(version: 1, in: folder) { db in
            let insert = try db.prepare("INSERT INTO articles(result, name, sha256, language, text, signature) VALUES(?, ?, ?, 'en', ?, ?)")
            try insert.run { s in
                s.bind(1, original.result); s.bind(2, original.name); s.bind(3, original.sha256); s.bind(4, original.text)
                s.bind(5, blob: original.signature.bytes)
            }
        }
        let index = try ArticleIndex(path: path)
        XCTAssertEqual(index.migratedFrom, 1)
        XCTAssertNil(try ArticleIndex(path: path).migratedFrom, "once migrated, opening again migrates nothing")
        let reader = try IndexReader(path: path)
        XCTAssertEqual(try reader.db.scalar("PRAGMA user_version"), Int64(IndexSchema.version))
        XCTAssertEqual(try reader.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'lsh'"), 0)
        XCTAssertEqual(try reader.db.scalar("SELECT count(*) FROM signatures"), 1, "the signature moved to its own table")
        XCTAssertEqual(try reader.db.scalar("SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'signature'"), 0)
        XCTAssertEqual(try index.duplicates(of: original.signature, sha256: "new", threshold: 0.8).map(\.name), ["original.txt"])
        XCTAssertNil(try ArticleIndex(path: folder.path + "/new.sqlite").migratedFrom, "a new file is created, not migrated")
    }

    /// Schema 3 makes the signatures again (one-permutation hashing): a stored signature of the
    /// old kind is replaced by the one of its article's text; FTS5 gets its larger buffer; the
    /// keyphrases move into the article's row, in order.
    func testAnIndexOfSchemaTwoGetsItsSignaturesMadeAgain() throws {
        let folder = try TemporaryFolder()
        let original = Self.article("original.txt.json", text: Self.report(1))
        let path = try Self.oldIndex(version: 2, in: folder) { db in
            let insert = try db.prepare("INSERT INTO articles(id, result, name, sha256, language, text) VALUES(1, ?, ?, ?, 'en', ?)")
            try insert.run { s in s.bind(1, original.result); s.bind(2, original.name); s.bind(3, original.sha256); s.bind(4, original.text) }
            let stale = MinHashSignature(values: (0..<MinHashSignature.count).map { UInt32($0) })
            let signature = try db.prepare("INSERT INTO signatures(article, name, sha256, signature) VALUES(1, ?, ?, ?)")
            try signature.run { s in s.bind(1, original.name); s.bind(2, original.sha256); s.bind(3, blob: stale.bytes) }
            try db.execute("INSERT INTO keyphrases(article, position, text, score) VALUES(1, 1, 'budget item', 2500), (1, 0, 'council report', 5000)")
        }
        let index = try ArticleIndex(path: path)
        XCTAssertEqual(index.migratedFrom, 2)
        let reader = try IndexReader(path: path)
        let stored = try reader.db.prepare("SELECT signature FROM signatures WHERE article = 1")
        XCTAssertTrue(try stored.step())
        XCTAssertEqual(MinHashSignature(bytes: stored.blob(0)), original.signature, "made again from the stored text")
        XCTAssertEqual(try reader.db.scalar("SELECT v FROM article_text_config WHERE k = 'hashsize'"), 8_388_608)
        XCTAssertEqual(try reader.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'keyphrases'"), 0, "keyphrases moved into the article row")
        XCTAssertEqual(try reader.dump().filter { $0.hasPrefix("keyphrases\t") },
                       ["keyphrases\toriginal.txt.json\t0\tcouncil report\t5000", "keyphrases\toriginal.txt.json\t1\tbudget item\t2500"])
        XCTAssertEqual(try reader.statistics(path: path).keyphrases, 2)
        XCTAssertEqual(try index.duplicates(of: original.signature, sha256: "new", threshold: 0.8).map(\.name), ["original.txt"])
    }
}
