import Glibc
import Spool
import XCTest

@testable import ArticledCore

final class WriteBlockageTests: XCTestCase {
    let full = SpoolError("write", path: "/spool/outbox/.articled-1.tmp", errno: ENOSPC)

    func testTheDelayDoublesFromOneSecondUpToTen() {
        XCTAssertEqual((1...7).map { WriteBlockage.delay(afterFailures: $0) }, [1, 2, 4, 8, 10, 10, 10].map { Duration.seconds($0) })
    }

    func testTheFirstFailureBlocksLaterOnesOnlyCountAndASuccessLiftsIt() throws {
        let blockage = WriteBlockage()
        let start = ContinuousClock.now
        let began = try XCTUnwrap(blockage.recordFailure(full, now: start))
        XCTAssertEqual(began.reason, "No space left on device")
        XCTAssertEqual(began.nextRetry, start + .seconds(1))
        XCTAssertNil(blockage.recordFailure(full, now: start), "already blocked: no second warning")
        XCTAssertEqual(blockage.current?.failures, 2)

        XCTAssertFalse(blockage.takeRetry(now: start + .milliseconds(500)))
        XCTAssertTrue(blockage.takeRetry(now: start + .seconds(2)))
        XCTAssertFalse(blockage.takeRetry(now: start + .seconds(2)), "the next retry moved on")

        XCTAssertNotNil(blockage.recordSuccess())
        XCTAssertFalse(blockage.isBlocked)
        XCTAssertNil(blockage.recordSuccess())
    }

    func testOnlyFaultsOfTheSpoolAreRetried() {
        for code in [ENOSPC, EDQUOT, EIO, EROFS, EACCES, EPERM, ENOENT] {
            XCTAssertTrue(WriteBlockage.isRetryable(SpoolError("write", path: "x", errno: code)), "\(code)")
        }
        XCTAssertFalse(WriteBlockage.isRetryable(SpoolError("rename", path: "x", errno: ENAMETOOLONG)))
    }
}

final class ArticleLogThrottleTests: XCTestCase {
    func testLinesBeyondTheAllowanceAreDemotedAndSummarisedOncePerWindow() throws {
        let start = ContinuousClock.now
        let throttle = ArticleLogThrottle(now: start)
        let admitted = (0..<250).filter { _ in
            throttle.countAnalysed(now: start)
            return throttle.admit(now: start)
        }.count
        throttle.countFailed(now: start)
        XCTAssertEqual(admitted, ArticleLogThrottle.linesPerWindow)
        XCTAssertNil(throttle.takeSummary(now: start + .seconds(1)), "the window is not over")
        let summary = try XCTUnwrap(throttle.takeSummary(now: start + ArticleLogThrottle.window))
        XCTAssertEqual(summary, ArticleLogThrottle.Summary(analysed: 250, failed: 1, demoted: 150))
        XCTAssertTrue(throttle.admit(now: start + ArticleLogThrottle.window), "a new window admits lines again")
    }

    func testAQuietWindowHasNoSummary() {
        let start = ContinuousClock.now
        let throttle = ArticleLogThrottle(now: start)
        for _ in 0..<10 { XCTAssertTrue(throttle.admit(now: start)) }
        XCTAssertNil(throttle.takeSummary(now: start + .seconds(11)))
    }
}
