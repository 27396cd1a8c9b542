import Spool
import XCTest
@testable import ArticledCore

final class WorkQueueTests: XCTestCase {
    private func item(_ name: String) -> WorkItem { WorkItem(name: FileName(name), origin: .inboxEvent) }

    func testRefusesNamesBeyondCapacityAndReportsStarvation() {
        let queue = WorkQueue(capacity: 2)
        XCTAssertTrue(queue.add(item("a")))
        XCTAssertTrue(queue.add(item("b")))
        XCTAssertFalse(queue.isStarved)
        XCTAssertFalse(queue.add(item("c")))
        XCTAssertTrue(queue.isStarved)
        XCTAssertEqual(queue.counts.waiting, 2)
        XCTAssertFalse(queue.isBelowLowWater, "a full queue needs no refill yet")
        _ = queue.setWorkers(1)
        _ = queue.take(upTo: 1)?.first
        XCTAssertTrue(queue.isBelowLowWater, "drained to half: time to scan the inbox again")
    }

    func testAWorkerTakesItsShareOfABacklogUpToTheLimit() {
        let queue = WorkQueue(capacity: 100)
        XCTAssertEqual(queue.setWorkers(2), 2)
        for index in 0..<40 { queue.add(item("\(index)")) }
        XCTAssertEqual(queue.take(upTo: 16)?.map(\.name), (0..<16).map { FileName("\($0)") }, "the limit, in order")
        XCTAssertEqual(queue.take(upTo: 16)?.count, 12, "half of the 24 left: the other worker gets the rest")
        XCTAssertEqual(queue.counts.inFlight, 28)
        queue.add(item("one more"))
        XCTAssertEqual(queue.take(upTo: 16)?.count, 7)
        XCTAssertEqual(queue.take(upTo: 16)?.count, 3)
        XCTAssertEqual(queue.take(upTo: 16)?.count, 2)
        XCTAssertEqual(queue.take(upTo: 16)?.count, 1, "one waiting name is taken alone: an idle daemon publishes at once")
    }

    func testANameWaitsOnlyOnce() {
        let queue = WorkQueue(capacity: 10)
        queue.add(item("a"))
        queue.add(item("a"))
        XCTAssertEqual(queue.counts.waiting, 1)
    }

    func testANameSeenWhileInFlightIsQueuedAgainWhenFinished() {
        let queue = WorkQueue(capacity: 10)
        XCTAssertEqual(queue.setWorkers(1), 1)
        queue.add(item("a"))
        let taken = queue.take(upTo: 1)?.first
        XCTAssertEqual(taken, item("a"))
        queue.add(item("a"))
        XCTAssertEqual(queue.counts.waiting, 0)
        queue.finish(item("a"))
        XCTAssertEqual(queue.counts.waiting, 1)
    }

    func testLowWaterWakesTheScannerAfterStarvation() {
        let woken = expectation(description: "low water")
        let queue = WorkQueue(capacity: 2, onLowWater: { woken.fulfill() })
        _ = queue.setWorkers(1)
        queue.add(item("a"))
        queue.add(item("b"))
        queue.add(item("c"))
        let first = queue.take(upTo: 1)![0]
        queue.finish(first)
        wait(for: [woken], timeout: 5)
    }

    func testCloseDropsWaitingNamesAndRetiresWorkers() {
        let queue = WorkQueue(capacity: 10)
        _ = queue.setWorkers(1)
        queue.add(item("a"))
        queue.close()
        XCTAssertNil(queue.take(upTo: 1)?.first)
        queue.waitForWorkers()
        XCTAssertFalse(queue.add(item("b")))
    }

    func testFewerWorkersRetireTheSurplus() {
        let queue = WorkQueue(capacity: 10)
        XCTAssertEqual(queue.setWorkers(2), 2)
        XCTAssertEqual(queue.setWorkers(1), 0)
        XCTAssertNil(queue.take(upTo: 1)?.first, "one of two workers retires")
        XCTAssertEqual(queue.setWorkers(2), 1, "growing again starts one worker")
    }
}
