import Foundation

/// Lets at most a few workers analyse large inputs at the same time.
///
/// The analysis of an article peaks at several times its size, so four workers on four 16 MiB
/// articles would need four peaks at once; with the gate, large inputs (at least
/// `large_input_bytes`) take turns, `large_input_workers` at a time, while small ones pass
/// freely. The limit is read on every entry, so a reload applies to the next large input.
final class LargeInputGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var active = 0

    /// Blocks until fewer than `limit` large inputs are being analysed, then counts this one.
    func enter(limit: Int) {
        condition.lock()
        while active >= max(1, limit) { condition.wait() }
        active += 1
        condition.unlock()
    }

    func leave() {
        condition.lock()
        active -= 1
        condition.broadcast()
        condition.unlock()
    }
}
