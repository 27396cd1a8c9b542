import Foundation
import Glibc
import XCTest

/// The daemon reads web pages from the inbox (.html, .htm, .html.gz) like text, and bad pages end
/// in failed/ with a reason while the daemon stays up.
final class WebPageInboxTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples").path

    /// `bytes` compressed by the system's gzip.
    private func gzip(_ bytes: [UInt8], in spool: TestSpool) throws -> [UInt8] {
        let path = spool.staging + "/gzip-input"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-9", "-n", "-f", path]
        try process.run()
        process.waitUntilExit()
        return TestSpool.contents(path + ".gz")
    }

    func testPagesAreAnalysedAndBadPagesFailWithAReason() throws {
        let spool = try TestSpool()
        let daemon = try DaemonProcess(spool: spool)
        let page = TestSpool.contents(Self.examples + "/escape-room-fire.html")
        spool.drop("story.html", page)
        spool.drop("story-copy.htm", page)
        spool.drop("story-packed.html.gz", TestSpool.contents(Self.examples + "/escape-room-fire-compressed.html.gz"))
        spool.drop("cut.html", Array(page.prefix(page.count * 2 / 3)))
        let deep = "<html><body>" + String(repeating: "<div>", count: 100_000)
            + "<p>The council voted on Tuesday to rebuild the old harbour bridge, closed since a storm in March.</p></body></html>"
        spool.drop("deep.html", Array(deep.utf8))
        spool.drop("empty-body.html", Array("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>".utf8))
        spool.drop("ls-binary.html", TestSpool.contents("/bin/ls"))
        spool.drop("bomb.html.gz", try gzip([UInt8](repeating: 0x20, count: 64 << 20), in: spool))
        // 30 MB, over the default 16 MiB max_bytes: refused from fstat, unread (sparse file).
        let huge = spool.staging + "/huge.html"
        let fd = open(huge, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertEqual(ftruncate(fd, 30_000_000), 0)
        close(fd)
        XCTAssertEqual(rename(huge, spool.inbox + "/huge.html"), 0)

        let failures = ["empty-body.html": "no_article_text", "ls-binary.html": "binary", "bomb.html.gz": "too_large", "huge.html": "too_large"]
        let results = ["story.html", "story-copy.htm", "story-packed.html.gz", "cut.html", "deep.html"]
        waitUntil("four error records are in failed/") { spool.names(spool.failed).filter { $0.hasSuffix(".error.json") }.count >= 4 }
        waitUntil("five results are in outbox/") { spool.count(spool.outbox) >= 5 }
        XCTAssertTrue(daemon.isRunning, "the daemon stays up")
        for (name, code) in failures {
            let record = try XCTUnwrap(spool.json(spool.failed, name + ".error.json"), name)
            XCTAssertEqual(record["code"] as? String, code, name)
            XCTAssertFalse((record["message"] as? String ?? "").isEmpty, name)
        }
        XCTAssertEqual(spool.json(spool.failed, "huge.html.error.json")?["bytes"] as? Int, 30_000_000)
        XCTAssertEqual(spool.names(spool.outbox), Set(results.map { $0 + ".json" }))
        for name in ["story.html", "story-copy.htm", "story-packed.html.gz"] {
            let json = try XCTUnwrap(spool.json(spool.outbox, name + ".json"), name)
            XCTAssertEqual(json["schema"] as? String, "articled.analysis/2")
            XCTAssertEqual((json["source"] as? [String: Any])?["format"] as? String, "text/html", name)
            XCTAssertEqual((json["page"] as? [String: Any])?["published"] as? String, "2019-01-05T09:30:00Z", name)
            XCTAssertTrue((json["text"] as? String ?? "").hasPrefix("A fire yesterday afternoon killed five girls"), name)
            XCTAssertEqual((json["stats"] as? [String: Any])?["paragraphs"] as? Int, 5, name)
        }
        XCTAssertTrue((spool.json(spool.outbox, "deep.html.json")?["text"] as? String ?? "").contains("harbour bridge"))
    }
}
