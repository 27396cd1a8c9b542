import Synchronization

/// Totals since start, shared by the workers and read by the control loop for STATUS=.
///
/// Threads: workers add, the control thread reads; relaxed atomics suffice because the totals
/// order nothing else (STATUS= may lag an article behind, never lose one).
final class DaemonCounters: Sendable {
    private let analysedCount = Atomic<Int>(0)
    private let failedCount = Atomic<Int>(0)

    var analysed: Int { analysedCount.load(ordering: .relaxed) }
    var failed: Int { failedCount.load(ordering: .relaxed) }

    func countAnalysed() { analysedCount.wrappingAdd(1, ordering: .relaxed) }
    func countFailed() { failedCount.wrappingAdd(1, ordering: .relaxed) }
}
