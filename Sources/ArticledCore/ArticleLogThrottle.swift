import Synchronization

/// Keeps the journal lines about single articles below journald's rate limit during a burst.
///
/// journald drops a unit's messages beyond `RateLimitBurst` (10,000 by default) per
/// `RateLimitIntervalSec` (30 s), errors included, so one info line per article would lose
/// warnings in a 10,000-file burst. The first `linesPerWindow` lines about analysed articles in
/// each `window` go out at info level as before; the rest go out at debug level (kept when
/// `level = debug`) and are counted, and the control loop logs one summary line per window with
/// the counts while busy. Warnings and errors never pass through here: they are always logged.
final class ArticleLogThrottle: Sendable {
    static let window: Duration = .seconds(10)
    /// 100 lines per 10 s is 300 per 30 s: far below journald's 10,000, with room for warnings.
    static let linesPerWindow = 100

    struct Summary: Equatable, Sendable {
        var analysed: Int
        var failed: Int
        /// Lines about single articles that went out at debug level instead of info.
        var demoted: Int
    }

    private struct State {
        var windowStart: ContinuousClock.Instant
        var admitted = 0
        var counts = Summary(analysed: 0, failed: 0, demoted: 0)
    }
    private let state: Mutex<State>

    init(now: ContinuousClock.Instant = .now) { state = Mutex(State(windowStart: now)) }

    /// True when one more line about a single article may go out at info level in this window;
    /// false (counted as demoted) when it should go out at debug level.
    func admit(now: ContinuousClock.Instant = .now) -> Bool {
        state.withLock { state in
            Self.roll(&state, now)
            if state.admitted < Self.linesPerWindow {
                state.admitted += 1
                return true
            }
            state.counts.demoted += 1
            return false
        }
    }

    /// Counts an analysed article for the summary.
    func countAnalysed(now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            Self.roll(&state, now)
            state.counts.analysed += 1
        }
    }

    /// Counts a failed article (its warning is logged regardless).
    func countFailed(now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            Self.roll(&state, now)
            state.counts.failed += 1
        }
    }

    /// At the end of a window in which lines were demoted: the window's counts, for one summary
    /// line; the window then starts again. Nil otherwise.
    func takeSummary(now: ContinuousClock.Instant = .now) -> Summary? {
        state.withLock { state in
            guard now - state.windowStart >= Self.window else { return nil }
            let counts = state.counts
            state = State(windowStart: now)
            return counts.demoted > 0 ? counts : nil
        }
    }

    /// A window that ended with nothing demoted simply starts again (its counts are not needed).
    private static func roll(_ state: inout State, _ now: ContinuousClock.Instant) {
        if now - state.windowStart >= window && state.counts.demoted == 0 { state = State(windowStart: now) }
    }
}
