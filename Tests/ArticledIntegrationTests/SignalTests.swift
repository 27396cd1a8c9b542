import Foundation
import Glibc
import XCTest

/// SIGTERM and SIGHUP, with a NOTIFY_SOCKET bound by the test standing in for systemd.
final class SignalTests: XCTestCase {
    func testSigtermSendsStoppingReleasesWorkAndExitsZero() throws {
        let spool = try TestSpool()
        let notify = NotifySocket(path: spool.base + "/notify.sock")
        defer { notify.close() }
        let burst = TestSpool.burst(200)
        for item in burst { spool.drop(item.name, item.bytes) }
        let daemon = try DaemonProcess(spool: spool, notifySocket: notify.path)
        waitUntil("READY=1 was sent") { notify.lines.contains("READY=1") }
        XCTAssertTrue(notify.lines.contains { $0.hasPrefix("STATUS=Watching \(spool.inbox): ") }, "\(notify.lines)")
        waitUntil("some articles are done") { spool.count(spool.processed) >= 10 }

        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
        XCTAssertTrue(notify.lines.contains("STOPPING=1"), "\(notify.lines)")
        // Nothing is left half-done: each article is either finished or still in the inbox.
        XCTAssertEqual(spool.count(spool.processing), 0)
        let done = spool.names(spool.processed)
        XCTAssertEqual(spool.names(spool.outbox), Set(done.map { $0 + ".json" }))
        XCTAssertEqual(done.union(spool.names(spool.inbox)), Set(burst.map(\.name)))
    }

    func testSighupAppliesAGoodConfigurationAndKeepsTheOldOneWhenBroken() throws {
        let spool = try TestSpool()
        let notify = NotifySocket(path: spool.base + "/notify.sock")
        defer { notify.close() }
        let config = spool.base + "/articled.conf"
        try "[processing]\nworkers = 1\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(spool: spool, arguments: ["--config", config], notifySocket: notify.path)
        waitUntil("READY=1 was sent") { notify.lines.contains("READY=1") }
        let article = TestSpool.contents(TestSpool.reference)

        // A broken file is rejected: the daemon keeps running with the old configuration.
        try "[processing]\nworkers = many\nmax_bytes = 100\n".write(toFile: config, atomically: true, encoding: .utf8)
        let readyBefore = notify.lines.filter { $0 == "READY=1" }.count
        daemon.signal(SIGHUP)
        waitUntil("the reload finished with READY=1") { notify.lines.filter { $0 == "READY=1" }.count > readyBefore }
        XCTAssertTrue(notify.lines.contains("RELOADING=1"), "\(notify.lines)")
        XCTAssertTrue(notify.lines.contains { $0.hasPrefix("MONOTONIC_USEC=") }, "\(notify.lines)")
        XCTAssertTrue(daemon.isRunning)
        XCTAssertTrue(daemon.log.contains("configuration rejected"), daemon.log)
        spool.drop("kept.txt", article)
        waitUntil("an article is analysed with the old limits") { spool.names(spool.outbox).contains("kept.txt.json") }

        // A good file is applied live: a 100-byte limit now refuses the article.
        try "[processing]\nworkers = 2\nmax_bytes = 100\n".write(toFile: config, atomically: true, encoding: .utf8)
        let readyNow = notify.lines.filter { $0 == "READY=1" }.count
        daemon.signal(SIGHUP)
        waitUntil("the second reload finished") { notify.lines.filter { $0 == "READY=1" }.count > readyNow }
        spool.drop("limited.txt", article)
        waitUntil("the article over the new limit is in failed/") { spool.names(spool.failed).contains("limited.txt.error.json") }
        XCTAssertEqual(spool.json(spool.failed, "limited.txt.error.json")?["code"] as? String, "too_large")
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }

    func testWatchdogIsPingedWhenSystemdAsksForIt() throws {
        let spool = try TestSpool()
        let notify = NotifySocket(path: spool.base + "/notify.sock")
        defer { notify.close() }
        let daemon = try DaemonProcess(spool: spool, notifySocket: notify.path, environment: ["WATCHDOG_USEC": "200000"])
        waitUntil("READY=1 was sent") { notify.lines.contains("READY=1") }
        waitUntil("WATCHDOG=1 was sent twice") { notify.lines.filter { $0 == "WATCHDOG=1" }.count >= 2 }
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }
}
