import Glibc
import XCTest
@testable import Spool

final class InboxWatcherTests: XCTestCase {
    func testReportsClosedAndMovedInFiles() throws {
        let fixture = SpoolFixture()
        try fixture.layout.createFolders()
        let watcher = try InboxWatcher(path: fixture.layout.inbox)
        fixture.write(fixture.layout.inbox, "written.txt", "text")
        fixture.write(fixture.layout.root, "moved.txt", "text")
        rename(fixture.layout.root + "/moved.txt", fixture.layout.inbox + "/moved.txt")
        let events = collect(watcher) { $0.contains(.completed(FileName("moved.txt"))) }
        XCTAssertTrue(events.contains(.completed(FileName("written.txt"))))
        XCTAssertTrue(events.contains(.completed(FileName("moved.txt"))))
    }

    func testReportsTheInboxGoneAndWatchesItAgainAfterRearm() throws {
        let fixture = SpoolFixture()
        try fixture.layout.createFolders()
        let watcher = try InboxWatcher(path: fixture.layout.inbox)
        rmdir(fixture.layout.inbox)
        XCTAssertTrue(collect(watcher) { $0.contains(.inboxGone) }.contains(.inboxGone))
        try watcher.rearm(mode: 0o2775)
        XCTAssertTrue(FileSystem.isDirectory(fixture.layout.inbox))
        fixture.write(fixture.layout.inbox, "after.txt", "text")
        XCTAssertTrue(collect(watcher) { $0.contains(.completed(FileName("after.txt"))) }.contains(.completed(FileName("after.txt"))))
    }

    func testReportsOverflowWhenTheKernelQueueFills() throws {
        let limit = Int((try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        try XCTSkipIf(limit == 0 || limit > 100_000, "max_queued_events is \(limit)")
        let fixture = SpoolFixture()
        try fixture.layout.createFolders()
        let watcher = try InboxWatcher(path: fixture.layout.inbox)
        for index in 0...limit {
            let fd = open(fixture.layout.inbox + "/f\(index)", O_WRONLY | O_CREAT, 0o644)
            close(fd)
        }
        XCTAssertTrue(collect(watcher) { $0.contains(.overflow) }.contains(.overflow))
    }

    func testWakeInterruptsAWait() throws {
        let fixture = SpoolFixture()
        try fixture.layout.createFolders()
        let watcher = try InboxWatcher(path: fixture.layout.inbox)
        watcher.wake()
        XCTAssertEqual(watcher.wait(timeout: .seconds(60)), [])
    }

    func testTimeoutsBecomeWholeMillisecondsForPoll() {
        XCTAssertEqual(InboxWatcher.milliseconds(.milliseconds(1500)), 1500)
        XCTAssertEqual(InboxWatcher.milliseconds(.microseconds(999)), 0, "rounded down")
        XCTAssertEqual(InboxWatcher.milliseconds(.zero - .seconds(1)), 0, "negative waits not at all")
        XCTAssertEqual(InboxWatcher.milliseconds(.seconds(Int64.max / 2)), .max, "clamped")
    }

    /// Waits (a bounded number of rounds, not a timing assertion) until `done` holds.
    private func collect(_ watcher: InboxWatcher, until done: ([InboxWatcher.Event]) -> Bool) -> [InboxWatcher.Event] {
        var events: [InboxWatcher.Event] = []
        for _ in 0..<50 where !done(events) { events += watcher.wait(timeout: .milliseconds(100)) }
        return events
    }
}
