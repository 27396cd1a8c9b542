import Foundation
import Glibc
import XCTest

/// Faults on the writes of results, injected into the real binary with the LD_PRELOAD shim
/// (Tests/faults/articled-fault-shim.c), on a read-only spool and on an outbox without write
/// permission. In each case nothing is lost, nothing goes to failed/, nothing is published twice,
/// and work resumes by itself once the fault clears.
final class WriteFaultTests: XCTestCase {
    private func burst(_ spool: TestSpool, _ count: Int) -> [String] {
        let items = TestSpool.burst(count)
        for item in items { spool.drop(item.name, item.bytes) }
        return items.map(\.name)
    }

    func testEIOOnWriteFsyncAndRenameBlocksThenResumesByItself() throws {
        let shim = try Fault.shim()
        let spool = try TestSpool()
        let names = burst(spool, 40)
        // Two failures of each call: while blocked the daemon retries one article at a time after
        // a backoff capped at 10 s, so six failures take about 35 s (eighteen took ~155 s, past the wait).
        let daemon = try DaemonProcess(spool: spool, environment: ["LD_PRELOAD": shim, "ARTICLED_FAULTS": "eio-write=2,eio-fsync=2,eio-rename=2"])
        waitUntil("every article is done") { spool.count(spool.processed) >= names.count }
        spool.assertExactlyOneResultEach(names)
        XCTAssertTrue(daemon.log.contains("work is blocked"), daemon.log)
        XCTAssertTrue(daemon.log.contains("Input/output error"), daemon.log)
        XCTAssertTrue(daemon.log.contains("work resumed"), daemon.log)
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testShortWritesAndEINTROnWriteFsyncAndRenameAreRetriedInPlace() throws {
        let shim = try Fault.shim()
        let spool = try TestSpool()
        let names = burst(spool, 40)
        let daemon = try DaemonProcess(spool: spool, environment: ["LD_PRELOAD": shim, "ARTICLED_FAULTS": "short-writes,eintr"])
        waitUntil("every article is done") { spool.count(spool.processed) >= names.count }
        spool.assertExactlyOneResultEach(names)
        for name in names { XCTAssertNotNil(spool.json(spool.outbox, name + ".json")?["text"] as? String, "\(name): whole JSON") }
        XCTAssertFalse(daemon.log.contains("work is blocked"), "EINTR and short writes never block:\n\(daemon.log)")
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testAReadOnlySpoolBlocksThenResumesWhenWritableAgain() throws {
        try Fault.requireRoot("remounts a tmpfs read-only")
        let spool = try TestSpool()
        try Fault.mountTmpfs(spool.root, size: "64m")
        defer { Fault.unmount(spool.root) }
        try FileManager.default.createDirectory(atPath: spool.inbox, withIntermediateDirectories: true)
        let names = burst(spool, 400)
        let daemon = try DaemonProcess(spool: spool)
        waitUntil("the burst is under way") { spool.count(spool.processed) >= 20 }
        var remounted = false
        for _ in 0..<200 where !remounted {  // EBUSY while a result is open for writing
            remounted = Fault.run(["mount", "-o", "remount,ro", spool.root]).status == 0
            if !remounted { usleep(10_000) }
        }
        try XCTSkipUnless(remounted, "the kernel would not remount the spool read-only")
        waitUntil("the daemon says work is blocked") { daemon.log.contains("Read-only file system") && daemon.log.contains("work is blocked") }
        let doneWhileReadOnly = spool.count(spool.processed)
        XCTAssertLessThan(doneWhileReadOnly, names.count)
        XCTAssertEqual(Fault.run(["mount", "-o", "remount,rw", spool.root]).status, 0)
        waitUntil("every article is done") { spool.count(spool.processed) >= names.count }
        spool.assertExactlyOneResultEach(names)
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testEACCESOnTheOutboxBlocksThenResumesWhenPermissionReturns() throws {
        try Fault.requireRoot("runs the daemon as nobody (root would ignore the permission)")
        let spool = try TestSpool()
        for folder in [spool.outbox, spool.processed, spool.failed, spool.processing] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        chmod(spool.base, 0o755)
        XCTAssertEqual(Fault.run(["chown", "-R", "65534:65534", spool.root]).status, 0)
        chmod(spool.outbox, 0o555)
        let names = burst(spool, 30)
        XCTAssertEqual(Fault.run(["chown", "-R", "65534:65534", spool.inbox]).status, 0)
        let daemon = try DaemonProcess(spool: spool, wrapper: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        waitUntil("the daemon says work is blocked") { daemon.log.contains("Permission denied") && daemon.log.contains("work is blocked") }
        XCTAssertEqual(spool.count(spool.failed), 0)
        chmod(spool.outbox, 0o755)
        waitUntil("every article is done") { spool.count(spool.processed) >= names.count }
        spool.assertExactlyOneResultEach(names)
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testAnInputNameNearNAME_MAXGetsAResultNameCutToFit() throws {
        let spool = try TestSpool()
        let daemon = try DaemonProcess(spool: spool)
        let name = String(repeating: "n", count: 250) + ".txt"  // 254 bytes: name.json would be 259
        spool.drop(name, TestSpool.contents(TestSpool.reference))
        waitUntil("the article is processed") { spool.names(spool.processed).contains(name) }
        let results = spool.names(spool.outbox)
        XCTAssertEqual(results.count, 1)
        let result = try XCTUnwrap(results.first)
        XCTAssertEqual(result.utf8.count, 255, "cut to NAME_MAX")
        XCTAssertTrue(result.hasSuffix(".json"))
        XCTAssertEqual((spool.json(spool.outbox, result)?["source"] as? [String: Any])?["name"] as? String, name)
        XCTAssertFalse(daemon.log.contains("work is blocked"), daemon.log)
        XCTAssertEqual(spool.count(spool.failed) + spool.count(spool.processing), 0)
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }
}
