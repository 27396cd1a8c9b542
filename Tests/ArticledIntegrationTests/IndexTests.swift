import ArticleAnalysisTools
import Foundation
import Glibc
import XCTest

/// The article index through the real binary: the daemon indexes what it publishes, and
/// `articled query` / `articled reindex` read and rebuild it (docs/index.md).
final class IndexTests: XCTestCase {
    func testCorpusInARunningDaemonAnswersQueriesAndFindsAnEditedCopy() throws {
        let articles = TestSpool.wikinews
        try XCTSkipIf(articles.isEmpty, "no corpus beside the repository")
        let spool = try TestSpool()
        let daemon = try DaemonProcess(spool: spool)
        spool.drop("al-nusrah-interview.txt", TestSpool.contents(TestSpool.reference))
        for path in articles { spool.drop((path as NSString).lastPathComponent, TestSpool.contents(path)) }
        let total = articles.count + 1
        waitUntil("the corpus is analysed") { spool.count(spool.processed) + spool.count(spool.failed) >= total }
        XCTAssertEqual(spool.count(spool.outbox), total)

        // An edited copy (furniture added, two paragraphs swapped) of an article already indexed.
        let originalPath = articles[0]
        let originalName = (originalPath as NSString).lastPathComponent
        let original = String(decoding: TestSpool.contents(originalPath), as: UTF8.self)
        spool.drop("copy-of-first.txt", Array(CopyEdit.syndicated.apply(to: original).utf8))
        waitUntil("the copy is analysed") { spool.count(spool.processed) >= total + 1 }

        let copy = try XCTUnwrap(spool.json(spool.outbox, "copy-of-first.txt.json"))
        let duplicates = try XCTUnwrap(copy["duplicates"] as? [[String: Any]])
        XCTAssertEqual(duplicates.map { $0["name"] as? String }, [originalName], "the copy lists its original")
        XCTAssertGreaterThanOrEqual(duplicates.first?["similarity"] as? Double ?? 0, 0.8)
        var listing: [String] = []
        for name in spool.names(spool.outbox) where name != "copy-of-first.txt.json" {
            if let found = spool.json(spool.outbox, name)?["duplicates"] as? [Any], !found.isEmpty { listing.append(name) }
        }
        XCTAssertEqual(listing, [], "no original lists a duplicate")

        let at = ["--spool", spool.root]
        // The index's writer gathers published results for up to a quarter of a second.
        waitUntil("the copy is indexed", seconds: 10) { Self.articled(["query", "duplicates", "copy-of-first.txt"] + at).status == 0 }
        for name in ["al-Julani", "Abu Mohammed al-Julani"] {
            let entity = Self.articled(["query", "entity", name, "--json"] + at)
            XCTAssertEqual(entity.status, 0, entity.stderr)
            let reports = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(entity.stdout.utf8)) as? [[String: Any]])
            let names = reports.flatMap { ($0["articles"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
            XCTAssertTrue(names.contains("al-nusrah-interview.txt"), "query entity \(name) lists the seed: \(entity.stdout)")
        }
        let table = Self.articled(["query", "entity", "al-Julani"] + at)
        XCTAssertTrue(table.stdout.contains("al-nusrah-interview.txt") && table.stdout.contains("Abu Mohammed al-Julani"), table.stdout)

        let quotes = Self.articled(["query", "quotes", "--speaker", "al-Julani", "--json"] + at)
        XCTAssertEqual(quotes.status, 0, quotes.stderr)
        let quoteRows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(quotes.stdout.utf8)) as? [[String: Any]])
        let direct = quoteRows.filter { $0["kind"] as? String == "direct" }.compactMap { $0["text"] as? String }
        XCTAssertEqual(direct.count, 2, "his two direct quotes: \(quotes.stdout)")
        XCTAssertTrue(direct.contains { $0.hasPrefix("We are only here to accomplish one mission") })
        XCTAssertTrue(direct.contains { $0.hasPrefix("Al-Nusra Front doesn’t have any plans") })

        let search = Self.articled(["query", "search", "suicide bombers"] + at)
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertTrue(search.stdout.contains("al-nusrah-interview.txt") && search.stdout.contains("[suicide bombers]"), search.stdout)

        let pairs = Self.articled(["query", "duplicates", "copy-of-first.txt"] + at)
        XCTAssertTrue(pairs.stdout.contains(originalName), pairs.stdout)
        let stats = Self.articled(["query", "stats", "--json"] + at)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])?["articles"] as? Int, total + 1)

        for unknown in [["query", "entity", "Nobody Atall"], ["query", "quotes", "--speaker", "Nobody Atall"], ["query", "search", "zyzzyva quokka"], ["query", "duplicates", "no-such.txt"]] {
            let run = Self.articled(unknown + at)
            XCTAssertEqual(run.status, 1, "\(unknown) exits 1")
            XCTAssertEqual(run.stdout, "", "\(unknown) prints nothing on standard output")
            XCTAssertTrue(run.stderr.contains("no "), "\(unknown) says what is missing: \(run.stderr)")
        }

        // `articled reindex` rebuilds the same content from the outbox.
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
        let live = Self.articled(["query", "dump"] + at)
        XCTAssertEqual(live.status, 0, live.stderr)
        let reindex = Self.articled(["reindex"] + at)
        XCTAssertEqual(reindex.status, 0, reindex.stderr)
        let rebuilt = Self.articled(["query", "dump"] + at)
        XCTAssertEqual(Self.difference(live.stdout, rebuilt.stdout), [], "the rebuilt index holds what the live one held")
    }

    func testKillNineDuringABurstThenRestartLeavesOutboxAndIndexInAgreement() throws {
        let spool = try TestSpool()
        let burst = TestSpool.burst(500)
        for item in burst { spool.drop(item.name, item.bytes) }
        let first = try DaemonProcess(spool: spool, name: "first")
        waitUntil("the burst is under way") { spool.count(spool.processed) >= 60 }
        first.killHard()
        XCTAssertLessThan(spool.count(spool.processed), burst.count, "killed while the burst was in flight")

        let second = try DaemonProcess(spool: spool, name: "second")
        waitUntil("every article of the burst is done") { spool.count(spool.processed) + spool.count(spool.failed) >= burst.count }
        XCTAssertEqual(second.terminate(), 0, second.log)
        spool.assertExactlyOneResultEach(burst.map(\.name))

        let at = ["--spool", spool.root]
        let live = Self.articled(["query", "dump"] + at)
        XCTAssertEqual(live.status, 0, live.stderr)
        let indexed = Set(live.stdout.split(separator: "\n").filter { $0.hasPrefix("article\t") }.map { String($0.split(separator: "\t")[1]) })
        XCTAssertEqual(indexed, spool.names(spool.outbox), "the index holds exactly the outbox's results")
        XCTAssertEqual(Self.articled(["reindex"] + at).status, 0)
        let rebuilt = Self.articled(["query", "dump"] + at)
        XCTAssertEqual(Self.difference(live.stdout, rebuilt.stdout), [], "and exactly what a rebuild from the outbox holds")
    }

    /// Lines in one dump and not the other (at most 20), for a readable failure.
    static func difference(_ a: String, _ b: String) -> [String] {
        let x = Set(a.split(separator: "\n")), y = Set(b.split(separator: "\n"))
        return Array((x.subtracting(y).map { "live only: \($0.prefix(200))" } + y.subtracting(x).map { "rebuilt only: \($0.prefix(200))" }).sorted().prefix(20))
    }

    /// Runs the binary to completion; returns its exit status and output.
    static func articled(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binaryPath)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
