import Foundation
import XCTest

/// A `NAME.meta.json` sidecar gives the publication date of `NAME`: relative dates resolve
/// against it, and it is claimed and filed with its article.
final class SidecarTests: XCTestCase {
    static let story = Array("Fire hits archive\n\nThe fire started on Tuesday, officials said.\n".utf8)

    private func dates(_ spool: TestSpool, _ name: String) -> [[String: Any]] {
        (spool.json(spool.outbox, name + ".json")?["dates"] as? [[String: Any]]) ?? []
    }

    func testSidecarDatesTheArticleAndTravelsWithIt() throws {
        let spool = try TestSpool()
        // The sidecar is written first; a sidecar alone is never taken for an article.
        spool.drop("archive.txt.meta.json", Array(#"{"published": "2020-03-19"}"#.utf8))
        spool.drop("plain.txt", Self.story)
        spool.drop("bad.txt.meta.json", Array(#"{"published": "in spring"}"#.utf8))
        spool.drop("empty.txt.meta.json", Array(#"{"published": "2020-03-19"}"#.utf8))
        let daemon = try DaemonProcess(spool: spool)
        waitUntil("plain.txt is analysed") { spool.names(spool.outbox).contains("plain.txt.json") }
        XCTAssertEqual(spool.names(spool.inbox), ["archive.txt.meta.json", "bad.txt.meta.json", "empty.txt.meta.json"],
                       "sidecars wait for their articles")
        spool.dropByRename("archive.txt", Self.story)
        spool.dropByRename("bad.txt", Self.story)
        spool.drop("empty.txt", [])
        waitUntil("the three articles are filed") {
            let outbox = spool.names(spool.outbox), failed = spool.names(spool.failed)
            return outbox.contains("archive.txt.json") && outbox.contains("bad.txt.json") && failed.contains("empty.txt.error.json")
        }
        XCTAssertTrue(daemon.isRunning)

        let plain = dates(spool, "plain.txt")
        XCTAssertEqual(plain.first?["text"] as? String, "Tuesday")
        XCTAssertEqual(plain.first?["basis"] as? String, "received")
        let archive = dates(spool, "archive.txt")
        XCTAssertEqual(archive.first?["value"] as? String, "2020-03-17")
        XCTAssertEqual(archive.first?["basis"] as? String, "published")
        // A sidecar that cannot be used is reported and ignored; the article is still analysed.
        XCTAssertEqual(dates(spool, "bad.txt").first?["basis"] as? String, "received")
        waitUntil("the log reports the unusable sidecar") { daemon.log.contains("sidecar ignored") }

        // Filed with their articles.
        XCTAssertEqual(spool.names(spool.processed), ["plain.txt", "archive.txt", "archive.txt.meta.json", "bad.txt", "bad.txt.meta.json"])
        XCTAssertEqual(spool.names(spool.failed), ["empty.txt", "empty.txt.error.json", "empty.txt.meta.json"])
        XCTAssertEqual(spool.count(spool.inbox), 0)
        XCTAssertEqual(spool.count(spool.processing), 0)
    }
}
