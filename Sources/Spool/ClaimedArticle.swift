import Glibc
import Synchronization

/// An input this process owns: renamed into `processing/`, open, and locked with `flock`.
///
/// The lock is what lets several daemons share a spool: a file in `processing/` whose lock can be
/// taken belongs to nobody (its daemon died) and is recovered; one whose lock is held is left
/// alone. The descriptor stays open (and locked) until the input has left `processing/`.
///
/// Threads: the worker that claimed it owns it until `Spool` completes, fails or releases it
/// (each closes it). It is `Sendable` without reservation: its only mutable state, whether the
/// descriptor is still open, is an atomic flag, so the descriptor is closed exactly once even if
/// two threads closed it at the same time.
public final class ClaimedArticle: Sendable {
    /// The name in the inbox, and in `processing/`.
    public let name: FileName
    /// Size from fstat at claim time.
    public let size: Int
    /// True when the file was found in `processing/` (left by a crashed run) rather than taken
    /// from the inbox; its result may already exist.
    public let recovered: Bool
    /// When the claim happened, ISO 8601 UTC.
    public let claimedAt: String
    let descriptor: Int32
    private let isOpen = Atomic<Bool>(true)

    init(name: FileName, descriptor: Int32, size: Int, recovered: Bool) {
        self.name = name
        self.descriptor = descriptor
        self.size = size
        self.recovered = recovered
        self.claimedAt = UTCTimestamp.now()
    }

    /// Closes the descriptor, which drops the lock. Call only once the file left `processing/`.
    func close() {
        if isOpen.exchange(false, ordering: .acquiringAndReleasing) { _ = Glibc.close(descriptor) }
    }

    deinit { close() }
}
