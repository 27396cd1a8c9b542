import Foundation
import Glibc
import XCTest

/// Faults around the inbox: lost inotify events, no inotify watch at all, slow and late writers,
/// odd modification times, a clock jump, and an inbox replaced by a symbolic link.
final class InboxFaultTests: XCTestCase {
    func testQueueOverflowWithSixteenEventsAndAThousandFileBurstLosesNothing() throws {
        try Fault.requireRoot("sets fs.inotify.max_queued_events")
        let spool = try TestSpool()
        let notify = NotifySocket(path: spool.base + "/notify.sock")
        defer { notify.close() }
        // The limit is read when the inotify instance is created: lowered only around the start.
        let old = try Fault.sysctl("fs.inotify.max_queued_events", "16")
        let daemon: DaemonProcess
        do {
            defer { _ = try? Fault.sysctl("fs.inotify.max_queued_events", old) }
            daemon = try DaemonProcess(spool: spool, notifySocket: notify.path)
            waitUntil("READY=1 was sent") { notify.lines.contains("READY=1") }
        }
        let burst = TestSpool.burst(1000)
        // The daemon is stopped while the burst arrives, so that the 16-event queue overflows
        // whatever the machine's speed (a fast daemon could otherwise drain it as it fills).
        daemon.signal(SIGSTOP)
        for item in burst { spool.dropByRename(item.name, item.bytes) }
        daemon.signal(SIGCONT)
        waitUntil("every article of the burst is done") { spool.count(spool.processed) >= burst.count }
        spool.assertExactlyOneResultEach(burst.map(\.name))
        XCTAssertTrue(daemon.log.contains("inotify queue overflowed"), "the burst overflowed the 16-event queue")
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testNoInotifyWatchLeftSaysSoLoudlyAndPollsTheInbox() throws {
        try Fault.requireRoot("a user namespace with max_inotify_watches = 0")
        let probe = Fault.run(["unshare", "--user", "--map-root-user", "sh", "-c", "echo 0 > /proc/sys/user/max_inotify_watches"])
        try XCTSkipUnless(probe.status == 0, "the kernel refused a per-namespace inotify limit: \(probe.output)")
        let spool = try TestSpool()
        let daemon = try DaemonProcess(spool: spool, wrapper: [
            "unshare", "--user", "--map-root-user", "sh", "-c", "echo 0 > /proc/sys/user/max_inotify_watches && exec \"$0\" \"$@\"",
        ])
        waitUntil("the daemon says it cannot watch the inbox") { daemon.log.contains("cannot watch the inbox with inotify") }
        XCTAssertTrue(daemon.log.contains("error"), daemon.log)
        let burst = TestSpool.burst(20)
        for item in burst { spool.drop(item.name, item.bytes) }
        waitUntil("the polled inbox is emptied") { spool.count(spool.processed) >= burst.count }
        spool.assertExactlyOneResultEach(burst.map(\.name))
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testASlowWriterIsNeverPickedUpBeforeItCloses() throws {
        let spool = try TestSpool()
        let config = try Fault.config(spool, "[processing]\nrescan_seconds = 1\n")
        let daemon = try DaemonProcess(spool: spool, arguments: ["--config", config])
        let article = TestSpool.contents(TestSpool.reference)
        let fd = open(spool.inbox + "/slow.txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        // Three parts with pauses of 3 s: several scans run while the file is open for writing.
        let third = article.count / 3
        for part in [article[0..<third], article[third..<(2 * third)], article[(2 * third)...]] {
            _ = part.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if part.endIndex < article.count { sleep(3) }
            XCTAssertTrue(spool.names(spool.inbox).contains("slow.txt"), "not claimed while open for writing")
        }
        close(fd)
        waitUntil("the slow article has a result") { spool.names(spool.outbox).contains("slow.txt.json") }
        let source = spool.json(spool.outbox, "slow.txt.json")?["source"] as? [String: Any]
        XCTAssertEqual(source?["bytes"] as? Int, article.count, "the whole file was analysed")
        XCTAssertEqual(spool.count(spool.failed), 0)
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testAWriterThatAppendsAfterClosingLosesNoBytes() throws {
        let spool = try TestSpool()
        let daemon = try DaemonProcess(spool: spool)
        let first = Array("Appended\n\nThe council met on Monday. ".utf8)
        let second = Array("Mayor Jane Smith said the budget was approved.\n".utf8)
        var total = 0
        for round in 0..<10 {
            let name = "late-\(round).txt"
            spool.drop(name, first)  // written and closed: complete as far as inotify knows
            let fd = open(spool.inbox + "/" + name, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            _ = second.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            total += first.count + second.count
        }
        // Each version the daemon claimed is analysed; bytes appended after a claim land in a new
        // file of the same name (a second result, name.1.json). Nothing is lost.
        func analysedBytes() -> Int {
            spool.names(spool.outbox).filter { $0.hasSuffix(".json") }.reduce(0) { sum, name in
                sum + (((spool.json(spool.outbox, name)?["source"] as? [String: Any])?["bytes"] as? Int) ?? 0)
            }
        }
        waitUntil("every byte written was analysed") { analysedBytes() >= total && spool.count(spool.inbox) == 0 }
        XCTAssertEqual(analysedBytes(), total)
        XCTAssertEqual(spool.count(spool.failed), 0)
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testFilesMovedInWithAnOldModificationTimeAreAnalysed() throws {
        let spool = try TestSpool()
        let article = TestSpool.contents(TestSpool.reference)
        // One waits in the inbox before the start (found by the first scan), one arrives later.
        for name in ["old-before.txt", "old-after.txt"] { spool.write(spool.staging, Array(name.utf8), article) }
        var times = [timespec(tv_sec: 978_307_200, tv_nsec: 0), timespec(tv_sec: 978_307_200, tv_nsec: 0)]  // 2001-01-01
        for name in ["old-before.txt", "old-after.txt"] { XCTAssertEqual(utimensat(AT_FDCWD, spool.staging + "/" + name, &times, 0), 0) }
        XCTAssertEqual(rename(spool.staging + "/old-before.txt", spool.inbox + "/old-before.txt"), 0)
        let daemon = try DaemonProcess(spool: spool)
        waitUntil("the old file found at start has a result") { spool.names(spool.outbox).contains("old-before.txt.json") }
        XCTAssertEqual(rename(spool.staging + "/old-after.txt", spool.inbox + "/old-after.txt"), 0)
        waitUntil("the old file moved in later has a result") { spool.names(spool.outbox).contains("old-after.txt.json") }
        spool.assertExactlyOneResultEach(["old-before.txt", "old-after.txt"])
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testAClockJumpBackAndForthStopsNothing() throws {
        let shim = try Fault.shim()
        let spool = try TestSpool()
        let clock = spool.base + "/clock-offset"
        try "0".write(toFile: clock, atomically: true, encoding: .utf8)
        let config = try Fault.config(spool, "[processing]\nrescan_seconds = 1\n")
        let daemon = try DaemonProcess(spool: spool, arguments: ["--config", config], environment: ["LD_PRELOAD": shim, "ARTICLED_CLOCK_FILE": clock])
        var names: [String] = []
        for (step, offset) in [(0, "0"), (1, "-172800"), (2, "172800"), (3, "0")] {
            try offset.write(toFile: clock, atomically: true, encoding: .utf8)
            usleep(300_000)  // the shim re-reads the offset every 200 ms
            for item in TestSpool.burst(5) {
                let name = "jump\(step)-" + item.name
                spool.drop(name, item.bytes)
                names.append(name)
            }
            waitUntil("the articles after jump \(step) are done") { spool.count(spool.processed) >= names.count }
        }
        spool.assertExactlyOneResultEach(names)
        let received = (spool.json(spool.outbox, "jump1-burst-00000.txt.json")?["source"] as? [String: Any])?["received"] as? String
        XCTAssertNotNil(received, "the result records the (jumped) clock")
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testAnInboxReplacedByASymbolicLinkIsNeverFollowed() throws {
        let spool = try TestSpool()
        let decoy = spool.base + "/elsewhere"
        try FileManager.default.createDirectory(atPath: decoy, withIntermediateDirectories: true)
        spool.write(decoy, Array("secret.txt".utf8), Array("Not for the daemon.\n\nIt must never be claimed.\n".utf8))
        let daemon = try DaemonProcess(spool: spool)
        waitUntil("the daemon watches the inbox") { daemon.log.contains("is watching") }
        XCTAssertEqual(rename(spool.inbox, spool.base + "/inbox.old"), 0)
        XCTAssertEqual(symlink(decoy, spool.inbox), 0)
        let status = daemon.waitForExit(seconds: 60)
        DaemonProcess.forgetAll()
        XCTAssertNotNil(status, "the daemon exits")
        XCTAssertNotEqual(status, 0, "with a failure, for systemd to report")
        XCTAssertTrue(daemon.log.contains("symbolic link"), daemon.log)
        XCTAssertEqual(Set(spool.entries(decoy).map { String(decoding: $0, as: UTF8.self) }), ["secret.txt"], "nothing was taken through the link")
        XCTAssertEqual(spool.count(spool.processing), 0)
        // A start with the link still there is refused the same way.
        let again = try DaemonProcess(spool: spool, name: "again")
        let againStatus = again.waitForExit(seconds: 60)
        DaemonProcess.forgetAll()
        XCTAssertNotNil(againStatus)
        XCTAssertNotEqual(againStatus, 0)
        XCTAssertTrue(again.log.contains("symbolic link"), again.log)
    }
}
