import Foundation
import Spool

/// The bounded queue between the control loop (which finds names) and the workers (which claim
/// and analyse them): the backpressure of the daemon.
///
/// Only names wait here, at most `capacity` of them; when the queue is full a name is refused and
/// `isStarved` is set. The file simply stays in the inbox, and when the queue has drained to half
/// the control loop is woken (`onLowWater`) to scan the inbox again. So a burst of 10,000 files
/// costs memory and descriptors for `capacity` names and one open file per worker, never more.
///
/// A name is queued once: a name already waiting is not added again, and a name being worked on
/// is remembered and queued again when its worker finishes (a new file may have arrived under the
/// same name meanwhile). The queue also tells workers when to retire, for a live change of the
/// worker count.
///
/// Threads: the control thread calls `add`, `clearStarved`, `setWorkers`, `close`,
/// `waitForWorkers` and sets `capacity`; worker threads call `take(upTo:)` and `finish`. It is the
/// one place where a thread blocks on another (workers on an empty queue, the control thread on
/// workers that have not exited), hence an `NSCondition` rather than a `Mutex`, which cannot wait.
///
/// Why `@unchecked Sendable` is sound: every stored `var` below is read and written only inside
/// `condition.withLock` or between `condition.lock()` and `unlock()` (the condition's mutex);
/// `onLowWater` is a `let` of a `@Sendable` closure set in `init`, called outside the lock.
final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [WorkItem] = []
    private var head = 0
    private var waiting: Set<WorkItem> = []
    private var inFlight: Set<FileName> = []
    private var again: Set<WorkItem> = []
    private var closed = false
    private var starved = false
    private var capacityValue: Int
    private var desiredWorkers = 0
    private var runningWorkers = 0
    /// Called (from a worker thread, without the lock) when a starved queue drains to half.
    private let onLowWater: @Sendable () -> Void

    init(capacity: Int, onLowWater: @escaping @Sendable () -> Void = {}) {
        capacityValue = max(1, capacity)
        self.onLowWater = onLowWater
    }

    var capacity: Int {
        get { condition.withLock { capacityValue } }
        set { condition.withLock { capacityValue = max(1, newValue) } }
    }

    /// Names waiting plus names being worked on.
    var counts: (waiting: Int, inFlight: Int) { condition.withLock { (items.count - head, inFlight.count) } }

    /// True when a name was refused because the queue was full; cleared by `clearStarved`.
    var isStarved: Bool { condition.withLock { starved } }
    /// True when at most half the capacity is waiting: time to refill a starved queue.
    var isBelowLowWater: Bool { condition.withLock { (items.count - head) * 2 <= capacityValue } }
    func clearStarved() { condition.withLock { starved = false } }

    /// Adds `item` unless it is already waiting. Returns false (and marks the queue starved)
    /// when the queue is full or closed.
    @discardableResult
    func add(_ item: WorkItem) -> Bool {
        condition.withLock {
            if closed { return false }
            if waiting.contains(item) { return true }
            if inFlight.contains(item.name) {
                again.insert(item)
                return true
            }
            if items.count - head >= capacityValue {
                starved = true
                return false
            }
            items.append(item)
            waiting.insert(item)
            condition.signal()
            return true
        }
    }

    /// The next items for a worker, at most `limit`: blocks while the queue is empty, then takes
    /// this worker's share of what is waiting (so that other workers get theirs), at least one.
    /// Returns nil when the queue is closed or this worker should retire.
    func take(upTo limit: Int) -> [WorkItem]? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if closed || runningWorkers > desiredWorkers {
                runningWorkers -= 1
                condition.broadcast()
                return nil
            }
            let available = items.count - head
            if available > 0 {
                let share = (available + runningWorkers - 1) / max(runningWorkers, 1)
                let taken = Array(items[head..<(head + max(1, min(limit, share)))])
                head += taken.count
                if head > 1024 && head * 2 > items.count {
                    items.removeFirst(head)
                    head = 0
                }
                for item in taken {
                    waiting.remove(item)
                    inFlight.insert(item.name)
                }
                return taken
            }
            condition.wait()
        }
    }

    /// Marks a taken item as done.
    func finish(_ item: WorkItem) {
        var lowWater = false
        condition.withLock {
            inFlight.remove(item.name)
            for repeated in again where repeated.name == item.name {
                again.remove(repeated)
                if !closed {
                    items.append(repeated)
                    waiting.insert(repeated)
                    condition.signal()
                }
            }
            lowWater = starved && (items.count - head) * 2 <= capacityValue
        }
        if lowWater { onLowWater() }
    }

    /// Sets how many workers should run; returns how many new workers the caller must start.
    func setWorkers(_ count: Int) -> Int {
        condition.withLock {
            desiredWorkers = max(1, count)
            let missing = max(0, desiredWorkers - runningWorkers)
            runningWorkers += missing
            condition.broadcast()
            return missing
        }
    }

    var isClosed: Bool { condition.withLock { closed } }

    /// Stops the queue: waiting names are dropped (their files are still in the inbox) and
    /// workers exit after their current item.
    func close() {
        condition.withLock {
            closed = true
            items.removeAll()
            head = 0
            waiting.removeAll()
            again.removeAll()
            condition.broadcast()
        }
    }

    /// Blocks until every worker has exited (after `close`).
    func waitForWorkers() {
        condition.lock()
        while runningWorkers > 0 { condition.wait() }
        condition.unlock()
    }
}
