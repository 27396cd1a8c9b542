import Glibc
import Spool
import Synchronization

/// Whether results can be written, and when to try again while they cannot.
///
/// A result that cannot be written for a reason of the spool rather than of the article (disk
/// full, I/O error, read-only file system, no permission, the outbox gone) blocks the daemon: the
/// article stays in `processing/`, no new file is claimed from the inbox (files wait there), and
/// the control loop retries one article from `processing/` after a capped exponential backoff
/// (`firstDelay`, doubling, at most `maximumDelay`). The first result that is written again
/// unblocks the daemon: it scans `processing/` and the inbox and work resumes by itself, without
/// a restart. Reasons retrying cannot fix (a result name over NAME_MAX) are not blockages: that
/// article goes to `failed/` (see `isRetryable`).
///
/// The times are `ContinuousClock` instants passed in by the caller, so the policy is testable
/// without waiting.
final class WriteBlockage: Sendable {
    /// Why and since when work is blocked.
    struct Blocked: Sendable {
        var error: SpoolError
        var since: ContinuousClock.Instant
        /// Failed writes since the blockage began (the first included).
        var failures: Int
        /// When the control loop next retries an article from `processing/`.
        var nextRetry: ContinuousClock.Instant

        /// The reason in a few words for STATUS= and the journal, e.g. "No space left on device".
        var reason: String { String(cString: strerror(error.errno)) }
    }

    static let firstDelay: Duration = .seconds(1)
    static let maximumDelay: Duration = .seconds(10)

    private struct State {
        var blocked: Blocked?
        /// Consecutive retries without a success; kept when a blockage is lifted for lack of
        /// anything to probe, so that a fault that persists keeps backing off.
        var streak = 0
    }
    private let state = Mutex(State())

    init() {}

    /// Errors of the spool that may go away by themselves or by an operator's hand.
    static func isRetryable(_ error: SpoolError) -> Bool {
        switch error.errno {
        case ENAMETOOLONG, EINVAL, EEXIST, ELOOP, EISDIR: false
        default: true
        }
    }

    /// The delay before retry number `streak` (1-based): 1 s, 2 s, 4 s, 8 s, then 10 s.
    static func delay(afterFailures streak: Int) -> Duration {
        var delay = firstDelay
        for _ in 1..<max(1, min(streak, 16)) where delay < maximumDelay { delay *= 2 }
        return min(delay, maximumDelay)
    }

    var current: Blocked? { state.withLock { $0.blocked } }
    var isBlocked: Bool { current != nil }

    /// Records a result that could not be written. Returns the blockage when this failure began
    /// it (the caller logs a warning once), nil when work was already blocked.
    @discardableResult
    func recordFailure(_ error: SpoolError, now: ContinuousClock.Instant) -> Blocked? {
        state.withLock { state in
            state.streak += 1
            let next = now + Self.delay(afterFailures: state.streak)
            if var blocked = state.blocked {
                blocked.failures += 1
                blocked.error = error
                blocked.nextRetry = max(blocked.nextRetry, next)
                state.blocked = blocked
                return nil
            }
            let blocked = Blocked(error: error, since: now, failures: 1, nextRetry: next)
            state.blocked = blocked
            return blocked
        }
    }

    /// Records a written result. Returns the blockage it ended, if any (the caller logs that
    /// work resumed and rescans).
    func recordSuccess() -> Blocked? {
        state.withLock { state in
            state.streak = 0
            defer { state.blocked = nil }
            return state.blocked
        }
    }

    /// True when a retry is due; moves the next retry on by the current delay, so that a probe
    /// that never reports (the article vanished) is simply retried later.
    func takeRetry(now: ContinuousClock.Instant) -> Bool {
        state.withLock { state in
            guard var blocked = state.blocked, now >= blocked.nextRetry else { return false }
            blocked.nextRetry = now + Self.delay(afterFailures: state.streak + 1)
            state.blocked = blocked
            return true
        }
    }

    /// Lifts the blockage when there is nothing left in `processing/` to retry with; the inbox is
    /// then tried again (and blocks again, with a longer delay, if the fault persists).
    func liftWithoutProbe() -> Blocked? {
        state.withLock { state in
            defer { state.blocked = nil }
            return state.blocked
        }
    }
}
