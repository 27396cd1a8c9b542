import Foundation
import Glibc
import XCTest

/// A large backlog at start, and kill -9 at random points, many times.
///
/// Sizes (smaller by default to keep `make test` short; the full matrix sets both):
/// `ARTICLED_BACKLOG` files for the backlog (default 20,000; full: 100,000) and
/// `ARTICLED_KILL_TRIALS` kill -9 trials (default 25; full: 100).
final class BacklogAndKillTests: XCTestCase {
    static func setting(_ name: String, _ fallback: Int) -> Int {
        Int(ProcessInfo.processInfo.environment[name] ?? "") ?? fallback
    }

    func testABacklogAtStartIsReadyInTimeBoundedAndShowsProgress() throws {
        let count = Self.setting("ARTICLED_BACKLOG", 20_000)
        let spool = try TestSpool()
        let body = Array("Backlog\n\nThe council of Springfield met on Monday. Mayor Jane Smith said the budget was approved.\n".utf8)
        for index in 0..<count { spool.drop("backlog-\(index).txt", body) }
        let notify = NotifySocket(path: spool.base + "/notify.sock")
        defer { notify.close() }
        let started = Date()
        let daemon = try DaemonProcess(spool: spool, notifySocket: notify.path)
        waitUntil("READY=1 was sent") { notify.lines.contains("READY=1") }
        let readySeconds = Date().timeIntervalSince(started)
        print("backlog of \(count): READY after \(String(format: "%.1f", readySeconds)) s")
        XCTAssertLessThan(readySeconds, 30, "READY before the unit's TimeoutStartSec=30s")

        func statusLines() -> [String] { notify.lines.filter { $0.hasPrefix("STATUS=") } }
        waitUntil("STATUS= shows the backlog left in the inbox") { statusLines().contains { $0.contains(" in the inbox") } }
        waitUntil("work goes on", seconds: 60) { spool.count(spool.processed) >= 500 }
        let peak = Fault.peakKiB(daemon.pid)
        print("backlog of \(count): peak resident \(peak / 1024) MiB; last status: \(statusLines().last ?? "")")
        XCTAssertLessThan(peak, 300 * 1024, "memory stays bounded: names beyond queue_limit wait on disk, not in memory")
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
        let processed = spool.names(spool.processed)
        XCTAssertEqual(spool.names(spool.outbox), Set(processed.map { $0 + ".json" }))
        XCTAssertEqual(processed.count + spool.count(spool.inbox), count, "nothing lost")
    }

    func testKillNineAtRandomPointsGivesExactlyOneResultEach() throws {
        let trials = Self.setting("ARTICLED_KILL_TRIALS", 25)
        let spool = try TestSpool()
        var names: [String] = []
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<trials {
            // Fresh work for every trial, so each kill can land mid-claim, mid-analysis or mid-publication.
            for item in TestSpool.burst(20) {
                let name = "t\(trial)-" + item.name
                spool.drop(name, item.bytes)
                names.append(name)
            }
            let daemon = try DaemonProcess(spool: spool, name: "trial-\(trial)")
            usleep(UInt32.random(in: 0...1_500_000, using: &generator))
            daemon.killHard()
        }
        let last = try DaemonProcess(spool: spool, name: "last")
        // The trials may have finished every article already: wait until the last daemon runs (and
        // handles SIGTERM) before asking it to stop, or the signal can land before its handler.
        waitUntil("the last daemon watches the inbox") { last.log.contains("is watching") }
        waitUntil("every article is done after \(trials) kills") { spool.count(spool.processed) + spool.count(spool.failed) >= names.count }
        spool.assertExactlyOneResultEach(names)
        XCTAssertEqual(last.terminate(), 0, last.log)
    }
}
