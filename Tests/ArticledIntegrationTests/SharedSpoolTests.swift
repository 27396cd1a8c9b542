import Foundation
import XCTest

/// Two daemons on one spool never analyse the same article.
final class SharedSpoolTests: XCTestCase {
    func testTwoInstancesOnOneSpoolGiveExactlyOneResultEach() throws {
        let spool = try TestSpool()
        let burst = TestSpool.burst(240)
        for item in burst.prefix(120) { spool.drop(item.name, item.bytes) }
        let first = try DaemonProcess(spool: spool, name: "first")
        let second = try DaemonProcess(spool: spool, name: "second")
        // The first may clear the backlog before the second is up; files dropped once both
        // watch reach both at the same moment, so both take some and the claims really race.
        waitUntil("both instances watch the inbox") { first.log.contains("is watching") && second.log.contains("is watching") }
        for item in burst.dropFirst(120) { spool.dropByRename(item.name, item.bytes) }
        waitUntil("every article is done") { spool.count(spool.processed) + spool.count(spool.failed) >= burst.count }
        spool.assertExactlyOneResultEach(burst.map(\.name))
        XCTAssertEqual(first.terminate(), 0, first.log)
        XCTAssertEqual(second.terminate(), 0, second.log)
        XCTAssertTrue(first.log.contains("article analysed") && second.log.contains("article analysed"), "both instances did work")
    }
}
