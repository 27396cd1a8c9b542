import XCTest
@testable import ArticledCore

final class StatusLineTests: XCTestCase {
    func testStatusLineGroupsThousands() {
        XCTAssertEqual(
            StatusLine.watching(inbox: "/var/spool/articled/inbox", analysed: 1204, failed: 3, queued: 0),
            "Watching /var/spool/articled/inbox: 1,204 analysed, 3 failed, 0 queued")
        XCTAssertEqual(StatusLine.grouped(0), "0")
        XCTAssertEqual(StatusLine.grouped(999), "999")
        XCTAssertEqual(StatusLine.grouped(1_000), "1,000")
        XCTAssertEqual(StatusLine.grouped(12_345_678), "12,345,678")
    }
}
