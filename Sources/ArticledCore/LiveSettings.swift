import Synchronization

/// The one synchronised point through which a reload hands new settings to the daemon's threads.
///
/// Threads: the control thread is the only writer (`replace`, during a reload) and reads
/// `current` once per turn of its loop; each worker reads `current` once per article and uses
/// that value for the whole article. Nothing else in the daemon changes when the configuration
/// is reloaded, except the queue's capacity and the worker count, which the control thread sets
/// on `WorkQueue` right after `replace`.
final class LiveSettings: Sendable {
    private let state: Mutex<DaemonSettings>

    init(_ settings: DaemonSettings) {
        state = Mutex(settings)
    }

    /// The settings in force now.
    var current: DaemonSettings { state.withLock { $0 } }

    /// Makes `settings` the ones in force; articles already started keep the value they read.
    func replace(with settings: DaemonSettings) {
        state.withLock { $0 = settings }
    }
}
