import Foundation
import Glibc
import XCTest

/// A poison input, one whose analysis crashes the process, is analysed at most twice (the first
/// time, and once more after the crash), then quarantined to failed/ as `crashed_analysis`; the
/// daemon does not fall into a crash loop. The crash is the debug-build trigger in
/// `ArticleProcessor.trapOnTestMarker` (a release binary has none: the test then skips).
final class PoisonInputTests: XCTestCase {
    static let poison = Array("Poison\n\nThe council met on Monday. ARTICLED-TEST-TRAP-IN-ANALYSIS\n".utf8)

    /// Starts a daemon and waits for it to die; nil when it did not (no trap in this build).
    private func crash(_ spool: TestSpool, _ name: String) throws -> DaemonProcess? {
        let daemon = try DaemonProcess(spool: spool, name: name)
        let deadline = Date().addingTimeInterval(120)
        while daemon.isRunning && Date() < deadline && !spool.names(spool.outbox).contains("poison.txt.json") { usleep(50_000) }
        DaemonProcess.forgetAll()
        if daemon.isRunning {
            daemon.killHard()
            return nil
        }
        return daemon
    }

    func testAnInputThatCrashesTheAnalysisIsRetriedOnceThenQuarantined() throws {
        let spool = try TestSpool()
        spool.drop("poison.txt", Self.poison)
        guard let first = try crash(spool, "first") else { throw XCTSkip("the binary has no test trap (not a debug build)") }
        XCTAssertTrue(first.log.contains("test marker: trapping"), first.log)
        XCTAssertEqual(spool.names(spool.processing), ["poison.txt"], "the crash left the input claimed")

        // The next start recovers it and analyses it once more: it crashes again.
        let second = try XCTUnwrap(try crash(spool, "second"), "the retry crashed too")
        XCTAssertTrue(second.log.contains("recovering an article left in processing/"), second.log)
        XCTAssertEqual(spool.names(spool.processing), ["poison.txt"])

        // The third start quarantines it instead of crashing, and goes on with other work.
        let third = try DaemonProcess(spool: spool, name: "third")
        waitUntil("the poison input is quarantined") { spool.names(spool.failed).contains("poison.txt.error.json") }
        let record = try XCTUnwrap(spool.json(spool.failed, "poison.txt.error.json"))
        XCTAssertEqual(record["code"] as? String, "crashed_analysis")
        XCTAssertEqual(spool.count(spool.processing), 0)
        spool.drop("after.txt", TestSpool.contents(TestSpool.reference))
        waitUntil("a good article after it has a result") { spool.names(spool.outbox).contains("after.txt.json") }
        XCTAssertFalse(spool.names(spool.outbox).contains("poison.txt.json"))
        XCTAssertEqual(third.terminate(), 0, third.log)
    }

    /// kill -9 of a daemon between analysis and publication does not count as a crashed analysis:
    /// only analyses that never returned do. (The attempt record is gone once an analysis ends.)
    func testARecoveredInputThatWasNotPoisonIsAnalysedNormally() throws {
        let spool = try TestSpool()
        // An input left in processing/ by a dead process that had finished analysing it: no record.
        try FileManager.default.createDirectory(atPath: spool.processing, withIntermediateDirectories: true)
        spool.write(spool.processing, Array("left.txt".utf8), TestSpool.contents(TestSpool.reference))
        let daemon = try DaemonProcess(spool: spool)
        waitUntil("the recovered input has a result") { spool.names(spool.outbox).contains("left.txt.json") }
        XCTAssertEqual(spool.count(spool.failed), 0)
        XCTAssertEqual(daemon.terminate(), 0, daemon.log)
    }
}
