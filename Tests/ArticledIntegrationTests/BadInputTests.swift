import Foundation
import Glibc
import XCTest

/// Inputs that cannot be analysed go to failed/ with a reason; odd names work; the daemon stays up.
final class BadInputTests: XCTestCase {
    func testBadInputsEndInFailedWithAReasonAndTheDaemonStaysUp() throws {
        let spool = try TestSpool()
        let daemon = try DaemonProcess(spool: spool)
        let article = TestSpool.contents(TestSpool.reference)

        spool.drop("empty.txt", [])
        spool.drop("ls-binary.txt", TestSpool.contents("/bin/ls"))
        spool.drop("undefined-cp1252.txt", Array("Caf".utf8) + [0xE9, 0x20, 0x81, 0x8D] + Array(" text that is not UTF-8.\n".utf8))
        // 64 MiB, over the default 16 MiB limit (sparse: the daemon must refuse it from fstat, unread).
        let huge = spool.staging + "/huge.txt"
        let fd = open(huge, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertEqual(ftruncate(fd, 64 << 20), 0)
        close(fd)
        XCTAssertEqual(rename(huge, spool.inbox + "/huge.txt"), 0)
        XCTAssertEqual(symlink("/etc/passwd", spool.inbox + "/passwd-link.txt"), 0)
        // Odd names are not errors: they are analysed, and escaped in logs.
        let newlineName = Array("line\nbreak.txt".utf8)
        let latin1Name = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        spool.drop(newlineName, article)
        spool.drop(latin1Name, article)

        let expected = [
            "empty.txt": "empty", "ls-binary.txt": "binary", "undefined-cp1252.txt": "undecodable",
            "huge.txt": "too_large", "passwd-link.txt": "symlink",
        ]
        waitUntil("five error records are in failed/") { spool.names(spool.failed).filter { $0.hasSuffix(".error.json") }.count >= 5 }
        waitUntil("the odd names have results") {
            let results = Set(spool.entries(spool.outbox))
            return results.contains(newlineName + Array(".json".utf8)) && results.contains(latin1Name + Array(".json".utf8))
        }
        XCTAssertTrue(daemon.isRunning, "the daemon stays up")
        XCTAssertEqual(spool.names(spool.failed), Set(expected.keys).union(expected.keys.map { $0 + ".error.json" }))
        for (name, code) in expected {
            let record = try XCTUnwrap(spool.json(spool.failed, name + ".error.json"), name)
            XCTAssertEqual(record["code"] as? String, code, name)
            XCTAssertEqual(record["file"] as? String, name)
            XCTAssertFalse((record["message"] as? String ?? "").isEmpty, name)
            XCTAssertNotNil(record["time"] as? String)
        }
        XCTAssertEqual(spool.json(spool.failed, "huge.txt.error.json")?["bytes"] as? Int, 64 << 20)
        XCTAssertEqual(spool.json(spool.failed, "empty.txt.error.json")?["bytes"] as? Int, 0)
        XCTAssertNotNil(spool.json(spool.failed, "ls-binary.txt.error.json")?["sha256"] as? String)
        // The link itself was moved, never followed: it still points at /etc/passwd.
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: spool.failed + "/passwd-link.txt"), "/etc/passwd")

        XCTAssertEqual(spool.json(spool.outbox, newlineName + Array(".json".utf8))?["schema"] as? String, "articled.analysis/2")
        let latin1Result = try XCTUnwrap(spool.json(spool.outbox, latin1Name + Array(".json".utf8)))
        XCTAssertEqual((latin1Result["source"] as? [String: Any])?["name"] as? String, "caf\u{FFFD}.txt")
        // Names are escaped in the log: no line is split by the newline, no raw non-UTF-8 byte.
        // (A result is published before its log line is written: wait for the lines.)
        waitUntil("the odd names are logged") { daemon.log.contains("nbreak.txt") && daemon.log.contains("xe9.txt") }
        let logBytes = daemon.logBytes
        XCTAssertNotNil(String(validating: logBytes, as: UTF8.self), "the log is valid UTF-8")
        XCTAssertFalse(daemon.log.contains("line\nbreak.txt"), "a newline in a name never reaches the log raw")
        XCTAssertTrue(daemon.log.contains("nbreak.txt"), daemon.log)
        XCTAssertTrue(daemon.log.contains("xe9.txt"), daemon.log)

        spool.drop("after.txt", article)
        waitUntil("a good article after the bad ones has a result") { spool.names(spool.outbox).contains("after.txt.json") }
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testDotfilesAndTemporaryNamesWaitUntilRenamed() throws {
        let spool = try TestSpool()
        let daemon = try DaemonProcess(spool: spool)
        let article = TestSpool.contents(TestSpool.reference)
        let waiting = [".hidden.txt", "draft.tmp", "upload.part", "notes.txt~"]
        for name in waiting { spool.drop(name, article) }
        spool.drop("marker.txt", article)
        waitUntil("the marker article has a result") { spool.names(spool.outbox).contains("marker.txt.json") }
        XCTAssertEqual(spool.names(spool.inbox), Set(waiting), "ignored names stay in the inbox")
        XCTAssertEqual(spool.names(spool.outbox), ["marker.txt.json"])

        for (index, name) in waiting.enumerated() {
            XCTAssertEqual(rename(spool.inbox + "/" + name, spool.inbox + "/renamed-\(index).txt"), 0)
        }
        waitUntil("the renamed files have results") { spool.count(spool.processed) == 5 }
        spool.assertExactlyOneResultEach(["marker.txt"] + waiting.indices.map { "renamed-\($0).txt" })
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testADeletedInboxIsRecreatedAndWatched() throws {
        let spool = try TestSpool()
        let daemon = try DaemonProcess(spool: spool)
        spool.drop("before.txt", TestSpool.contents(TestSpool.reference))
        waitUntil("the first article has a result") { spool.names(spool.outbox).contains("before.txt.json") }
        XCTAssertEqual(rmdir(spool.inbox), 0)
        waitUntil("the daemon re-created the inbox") { FileManager.default.fileExists(atPath: spool.inbox) }
        spool.dropByRename("after.txt", TestSpool.contents(TestSpool.reference))
        waitUntil("an article dropped into the re-created inbox has a result") { spool.names(spool.outbox).contains("after.txt.json") }
        XCTAssertTrue(daemon.isRunning)
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }
}
