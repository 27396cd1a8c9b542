import ArticleAnalysis
import Foundation

/// Articles waiting for the index's background writer, and the hand-over between the daemon's
/// workers (which add) and that writer (which takes all that waits, so a backlog is written in a
/// few large transactions rather than one small one per publication batch: fewer B-tree page
/// writes, one FTS5 segment per batch, one WAL commit).
///
/// The writer waits briefly (`gather`) after the first article arrives so that a trickle also
/// forms batches. Each article comes with its slot in the near-duplicate table, where lookups
/// see it from the moment it is queued.
final class IndexWriteQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [(article: IndexedArticle, slot: Int32)] = []
    private var writing = false
    private var started = false
    private var onError: (@Sendable (SQLiteError) -> Void)?
    /// How long the writer lets a batch gather once an article waits, and the size that ends it
    /// early. Larger transactions cost less per article (FTS5 writes and merges fewer segments:
    /// ~130 us per article in batches of 30, ~100 in batches of 500); a result reaches the index
    /// (for `articled query`) a quarter of a second after it is published.
    private let gather: Duration = .milliseconds(250)
    private let batchSize = 512
    /// How often the gathering writer looks whether the batch is full.
    private let nap: TimeInterval = 0.01

    /// Adds `articles`; returns true the first time, when the caller must start the writer thread.
    func add(_ articles: [IndexedArticle], slots: [Int32], onError: @escaping @Sendable (SQLiteError) -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        for (article, slot) in zip(articles, slots) { waiting.append((article, slot)) }
        self.onError = onError
        condition.broadcast()
        let start = !started
        started = true
        return start
    }

    /// Blocks the writer until something waits, then lets the batch gather for a moment.
    ///
    /// The gathering is timed on the monotonic clock, in short naps: `NSCondition.wait(until:)`
    /// takes a wall-clock deadline, and a wall clock set back after the deadline was taken (NTP,
    /// an operator) would hold the writer, and the daemon's shutdown behind it, for as long as
    /// the jump.
    func waitForWork() {
        condition.lock()
        while waiting.isEmpty { condition.wait() }
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: gather)
        while waiting.count < batchSize, clock.now < end {
            condition.unlock()
            Thread.sleep(forTimeInterval: nap)
            condition.lock()
        }
        condition.unlock()
    }

    /// Takes everything waiting (the writer).
    func take() -> ([(article: IndexedArticle, slot: Int32)], (@Sendable (SQLiteError) -> Void)?) {
        condition.lock()
        defer { condition.unlock() }
        let batch = waiting
        waiting.removeAll(keepingCapacity: true)
        writing = true
        return (batch, onError)
    }

    /// The writer finished the batch it took.
    func done() {
        condition.lock()
        writing = false
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until nothing waits and nothing is being written.
    func waitUntilEmpty() {
        condition.lock()
        while !waiting.isEmpty || writing { condition.wait() }
        condition.unlock()
    }
}
