import Spool

/// One name for a worker to claim: from the inbox, or left in `processing/` by a crashed run.
/// A value: the control thread makes it, `WorkQueue` hands it to one worker.
struct WorkItem: Hashable, Sendable {
    enum Origin: Hashable, Sendable {
        /// Reported by inotify as complete (closed after writing, or moved in).
        case inboxEvent
        /// Found by scanning the inbox; may still be being written.
        case inboxScan
        /// Found in `processing/`, left by a crashed run.
        case processing
    }
    var name: FileName
    var origin: Origin
}
