import Foundation
import Glibc
import XCTest

/// Disk full while the daemon runs: results that cannot be written block the work (STATUS= and a
/// journal warning say why), nothing goes to failed/, and once space returns every article gets
/// exactly one result by itself, without a restart.
final class DiskFullTests: XCTestCase {
    func testThreeHundredArticlesOnATwoMebibyteSpoolAllFinishOnceSpaceReturns() throws {
        try Fault.requireRoot("mounts a 2 MiB tmpfs as the spool")
        let spool = try TestSpool()
        try Fault.mountTmpfs(spool.root, size: "2m")
        defer { Fault.unmount(spool.root) }
        for folder in [spool.inbox, spool.outbox, spool.processed, spool.failed, spool.processing] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let burst = TestSpool.burst(300)
        for item in burst { spool.drop(item.name, item.bytes) }
        XCTAssertGreaterThan(Fault.fill(spool.root), 0, "ballast written")

        let notify = NotifySocket(path: spool.base + "/notify.sock")
        defer { notify.close() }
        let collector = try ResultCollector(outbox: spool.outbox, destination: spool.base + "/collected")
        let daemon = try DaemonProcess(spool: spool, notifySocket: notify.path)
        waitUntil("the daemon says work is blocked") { daemon.log.contains("work is blocked") }
        waitUntil("STATUS= says work is blocked") { notify.lines.contains { $0.hasPrefix("STATUS=Blocked: results cannot be written (No space left on device)") } }
        XCTAssertLessThan(collector.total, burst.count)
        XCTAssertEqual(spool.count(spool.failed), 0, "a full disk sends nothing to failed/")

        unlink(spool.root + "/.ballast")
        let spaceReturned = Date()
        waitUntil("every article has a result", seconds: 120) { collector.total >= burst.count }
        let seconds = Date().timeIntervalSince(spaceReturned)
        print("disk full: all \(burst.count) results \(String(format: "%.1f", seconds)) s after space returned")
        XCTAssertLessThanOrEqual(seconds, 60, "all results within a minute of space returning")
        XCTAssertTrue(daemon.isRunning, "no restart")
        waitUntil("the inputs are filed") { spool.count(spool.processed) >= burst.count }
        collector.stop()

        XCTAssertEqual(Set(collector.counts.keys), Set(burst.map { $0.name + ".json" }))
        XCTAssertEqual(collector.counts.values.max(), 1, "exactly one result each")
        XCTAssertEqual(spool.names(spool.processed), Set(burst.map(\.name)))
        XCTAssertEqual(spool.count(spool.inbox) + spool.count(spool.processing) + spool.count(spool.failed), 0)
        XCTAssertTrue(daemon.log.contains("work resumed"), daemon.log)
        waitUntil("STATUS= is back to watching") { notify.lines.last { $0.hasPrefix("STATUS=") }?.hasPrefix("STATUS=Watching") == true }
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }
}
