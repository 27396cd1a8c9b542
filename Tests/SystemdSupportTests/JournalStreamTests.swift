import Glibc
import SystemdSupport
import XCTest

final class JournalStreamTests: XCTestCase {
    override func tearDown() {
        unsetenv("JOURNAL_STREAM")
        super.tearDown()
    }

    func testMatchesOnlyTheExactDeviceAndInode() {
        XCTAssertTrue(JournalStream.matches("8:12345", device: 8, inode: 12345))
        XCTAssertFalse(JournalStream.matches("8:12346", device: 8, inode: 12345))
        XCTAssertFalse(JournalStream.matches("9:12345", device: 8, inode: 12345))
    }

    func testMalformedValuesNeverMatch() {
        XCTAssertFalse(JournalStream.matches("", device: 0, inode: 0))
        XCTAssertFalse(JournalStream.matches("8", device: 8, inode: 0))
        XCTAssertFalse(JournalStream.matches("8:1:2", device: 8, inode: 1))
        XCTAssertFalse(JournalStream.matches("a:b", device: 0, inode: 0))
        XCTAssertFalse(JournalStream.matches(":", device: 0, inode: 0))
    }

    func testLogsToTheJournalOnlyWhenJournalStreamNamesStderr() {
        var status = stat()
        XCTAssertEqual(fstat(STDERR_FILENO, &status), 0)

        unsetenv("JOURNAL_STREAM")
        XCTAssertEqual(LogSetup.destination, .standardError)

        setenv("JOURNAL_STREAM", "\(status.st_dev):\(status.st_ino)", 1)
        XCTAssertEqual(LogSetup.destination, .journal)
        XCTAssertTrue(LogSetup.makeHandler(label: "x") is JournalLogHandler)

        // Inherited by a child whose stderr went elsewhere: must not switch to the journal.
        setenv("JOURNAL_STREAM", "\(status.st_dev):\(status.st_ino &+ 1)", 1)
        XCTAssertEqual(LogSetup.destination, .standardError)
        XCTAssertTrue(LogSetup.makeHandler(label: "x") is StderrLogHandler)
    }
}
