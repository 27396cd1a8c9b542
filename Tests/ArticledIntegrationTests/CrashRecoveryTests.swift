import Foundation
import Glibc
import XCTest

/// kill -9 in the middle of a burst loses nothing and duplicates nothing.
final class CrashRecoveryTests: XCTestCase {
    func testKillNineDuringABurstThenRestartGivesExactlyOneResultEach() throws {
        let spool = try TestSpool()
        let burst = TestSpool.burst(300)
        for item in burst { spool.drop(item.name, item.bytes) }
        let first = try DaemonProcess(spool: spool, name: "first")
        waitUntil("the burst is under way") { spool.count(spool.processed) >= 30 }
        first.killHard()
        XCTAssertLessThan(spool.count(spool.processed), burst.count, "killed while the burst was in flight")

        let second = try DaemonProcess(spool: spool, name: "second")
        waitUntil("every article of the burst is done") { spool.count(spool.processed) + spool.count(spool.failed) >= burst.count }
        spool.assertExactlyOneResultEach(burst.map(\.name))
        XCTAssertEqual(second.terminate(), 0, second.log)
    }
}
