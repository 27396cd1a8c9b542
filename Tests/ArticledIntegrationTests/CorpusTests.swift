import Foundation
import XCTest

/// The corpus through the real daemon: backlog at start plus files dropped while it runs.
final class CorpusTests: XCTestCase {
    func testEveryCorpusArticleEndsAsValidJSONInTheOutbox() throws {
        let spool = try TestSpool()
        let articles = TestSpool.wikinews + [TestSpool.reference]
        XCTAssertEqual(articles.count, 172, "171 Wikinews articles plus the reference article in \(TestSpool.corpus)")
        let names = articles.map { URL(fileURLWithPath: $0).lastPathComponent }
        // Half waits in the inbox before the start (backlog), half arrives while it runs.
        let (backlog, live) = (articles.prefix(86), articles.dropFirst(86))
        for path in backlog { spool.drop(URL(fileURLWithPath: path).lastPathComponent, TestSpool.contents(path)) }
        let daemon = try DaemonProcess(spool: spool)
        for (index, path) in live.enumerated() {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if index.isMultiple(of: 2) { spool.drop(name, TestSpool.contents(path)) } else { spool.dropByRename(name, TestSpool.contents(path)) }
        }
        waitUntil("all 172 inputs are in processed/") { spool.count(spool.processed) + spool.count(spool.failed) >= 172 }
        XCTAssertTrue(daemon.isRunning)
        spool.assertExactlyOneResultEach(names)
        for (name, path) in zip(names, articles) {
            let json = try XCTUnwrap(spool.json(spool.outbox, name + ".json"), "\(name).json is valid JSON")
            XCTAssertEqual(json["schema"] as? String, "articled.analysis/2")
            let source = try XCTUnwrap(json["source"] as? [String: Any])
            XCTAssertEqual(source["name"] as? String, name)
            XCTAssertEqual(source["bytes"] as? Int, TestSpool.contents(path).count)
            XCTAssertNotNil(source["received"] as? String)
            XCTAssertNotNil(json["text"] as? String)
        }
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }
}
