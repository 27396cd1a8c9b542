import Glibc
import SystemdSupport
import XCTest

final class ServiceNotifierTests: XCTestCase {
    private var socket: NotifySocket!
    private let notifier = ServiceNotifier()

    override func setUpWithError() throws {
        socket = try NotifySocket()
        setenv("NOTIFY_SOCKET", socket.path, 1)
    }

    override func tearDown() {
        unsetenv("NOTIFY_SOCKET")
        unsetenv("WATCHDOG_USEC")
        unsetenv("WATCHDOG_PID")
        socket = nil
        super.tearDown()
    }

    func testReadySendsReadyAndStatusInOneMessage() {
        notifier.ready(status: "Watching /var/spool/articled/inbox: 0 analysed, 0 failed, 0 queued")
        XCTAssertEqual(
            socket.receive(), "READY=1\nSTATUS=Watching /var/spool/articled/inbox: 0 analysed, 0 failed, 0 queued")
    }

    func testStatusIsFlattenedToOneLine() {
        notifier.status("1,204 analysed\n3 failed\t0 queued")
        XCTAssertEqual(socket.receive(), "STATUS=1,204 analysed 3 failed 0 queued")
    }

    func testReloadingSendsTheMonotonicClockInMicroseconds() throws {
        var before = timespec()
        clock_gettime(CLOCK_MONOTONIC, &before)
        notifier.reloading()
        var after = timespec()
        clock_gettime(CLOCK_MONOTONIC, &after)

        let lines = try XCTUnwrap(socket.receive()).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.first, "RELOADING=1")
        let prefix = "MONOTONIC_USEC="
        let last = try XCTUnwrap(lines.last)
        XCTAssertTrue(last.hasPrefix(prefix), last)
        let usec = try XCTUnwrap(UInt64(last.dropFirst(prefix.count)))
        let microseconds = { (time: timespec) in UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1_000 }
        XCTAssertGreaterThanOrEqual(usec, microseconds(before))
        XCTAssertLessThanOrEqual(usec, microseconds(after))
    }

    func testStoppingAndWatchdog() {
        notifier.stopping()
        XCTAssertEqual(socket.receive(), "STOPPING=1")
        notifier.watchdogPing()
        XCTAssertEqual(socket.receive(), "WATCHDOG=1")
    }

    func testMessagesArriveInOrder() {
        notifier.ready(status: "a")
        notifier.reloading()
        notifier.ready(status: "b")
        notifier.stopping()
        XCTAssertEqual(socket.receive(), "READY=1\nSTATUS=a")
        XCTAssertEqual(socket.receive()?.hasPrefix("RELOADING=1\nMONOTONIC_USEC="), true)
        XCTAssertEqual(socket.receive(), "READY=1\nSTATUS=b")
        XCTAssertEqual(socket.receive(), "STOPPING=1")
    }

    func testWatchdogIntervalIsHalfOfWatchdogUsecForThisProcess() {
        XCTAssertNil(notifier.watchdogInterval)

        setenv("WATCHDOG_USEC", "30000000", 1)
        XCTAssertEqual(notifier.watchdogInterval, .seconds(15))

        setenv("WATCHDOG_PID", "\(getpid())", 1)
        XCTAssertEqual(notifier.watchdogInterval, .seconds(15))

        // Meant for another process (e.g. inherited from a parent): no watchdog here.
        setenv("WATCHDOG_PID", "\(getpid() + 1)", 1)
        XCTAssertNil(notifier.watchdogInterval)

        unsetenv("WATCHDOG_PID")
        setenv("WATCHDOG_USEC", "0", 1)
        XCTAssertNil(notifier.watchdogInterval)
    }

    func testNothingIsSentAndNothingFailsWithoutNotifySocket() {
        unsetenv("NOTIFY_SOCKET")
        notifier.ready(status: "x")
        notifier.watchdogPing()
        setenv("NOTIFY_SOCKET", socket.path, 1)
        notifier.stopping()
        XCTAssertEqual(socket.receive(), "STOPPING=1")
    }
}
