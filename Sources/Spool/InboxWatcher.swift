import Glibc
import Synchronization

/// Watches the inbox with inotify and reports names that became complete files.
///
/// A file is complete when its writer closes it (IN_CLOSE_WRITE) or when it is renamed into the
/// inbox (IN_MOVED_TO); IN_CREATE is reported too, because a symlink or FIFO gets no other event
/// (the caller lets regular files wait for their close). Events are hints: the caller also scans
/// the folder, at start (after arming the watch, so nothing falls between the scan and the
/// watch), on IN_Q_OVERFLOW, and periodically.
///
/// When the inbox itself is deleted or moved away (IN_DELETE_SELF, IN_MOVE_SELF, IN_IGNORED) the
/// watcher reports `.inboxGone`; `rearm()` re-creates the folder and watches it again.
///
/// Threads: one thread owns the watcher (the daemon's control thread): only it calls `wait` and
/// `rearm`. Any thread may call `wake()` to make that owner's `wait` return early. The type is
/// checked `Sendable`: descriptors are `let`s, the watch descriptor that `rearm` replaces is
/// atomic, and each `wait` reads events into its own buffer.
public final class InboxWatcher: Sendable {
    public enum Event: Sendable, Equatable {
        /// A file was closed after writing or moved in.
        case completed(FileName)
        /// An entry was created (a regular file may still be being written).
        case created(FileName)
        /// The kernel dropped events: rescan the folder.
        case overflow
        /// The watched folder was deleted or moved away.
        case inboxGone
    }

    public let path: String
    private let inotify: Int32
    /// The inotify watch descriptor of the inbox; replaced by `rearm` (-1 while unwatched).
    private let watch: Atomic<Int32>
    /// Self-pipe: `wake()` writes to `wakeWrite`, `wait` polls `wakeRead` (poll(2) cannot wait on
    /// a condition variable, so a pipe is how another thread interrupts it).
    private let wakeRead: Int32
    private let wakeWrite: Int32

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Creates the inotify instance and arms the watch on `path` (which must exist).
    public init(path: String) throws(SpoolError) {
        self.path = path
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { throw SpoolError("inotify_init1", path: path) }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            close(inotify)
            throw SpoolError("pipe", path: path)
        }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        let descriptor = inotify_add_watch(inotify, path, Self.mask)
        guard descriptor >= 0 else {
            let error = SpoolError("inotify_add_watch", path: path)
            close(inotify)
            ends.forEach { close($0) }
            throw error
        }
        wakeRead = ends[0]
        wakeWrite = ends[1]
        watch = Atomic(descriptor)
    }

    deinit {
        close(inotify)
        close(wakeRead)
        close(wakeWrite)
    }

    /// Re-creates the inbox if it is missing (with `mode`, e.g. the setgid group-writable mode
    /// it had at start) and watches it again. The caller must rescan afterwards.
    public func rearm(mode: mode_t) throws(SpoolError) {
        let old = watch.exchange(-1, ordering: .acquiringAndReleasing)
        if old >= 0 { inotify_rm_watch(inotify, old) }
        if !FileSystem.isDirectory(path) {
            try FileSystem.makeDirectories(path)
            // Under RestrictSUIDSGID= the setgid bit cannot be set: keep at least the permissions.
            if chmod(path, mode) != 0 { _ = chmod(path, mode & 0o777) }
        }
        let descriptor = inotify_add_watch(inotify, path, Self.mask)
        guard descriptor >= 0 else { throw SpoolError("inotify_add_watch", path: path) }
        watch.store(descriptor, ordering: .releasing)
    }

    /// Makes a `wait` in progress (on another thread) return at once. Safe from any thread.
    public func wake() {
        var one: UInt8 = 1
        _ = write(wakeWrite, &one, 1)
    }

    /// Waits up to `timeout` (whole milliseconds, rounded down; negative counts as zero) for
    /// events or a `wake()` and returns the events read (empty on timeout or wake-up).
    public func wait(timeout: Duration) -> [Event] {
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Self.milliseconds(timeout))
        if ready <= 0 { return [] }
        if fds[1].revents != 0 {
            var drain = [UInt8](repeating: 0, count: 64)
            while read(wakeRead, &drain, 64) > 0 {}
        }
        return fds[0].revents != 0 ? readEvents() : []
    }

    /// `timeout` as poll(2)'s milliseconds: rounded down, clamped to 0...Int32.max.
    static func milliseconds(_ timeout: Duration) -> Int32 {
        let (seconds, attoseconds) = timeout.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return .max }
        return Int32(clamping: total.partialValue + attoseconds / 1_000_000_000_000_000)
    }

    private func readEvents() -> [Event] {
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let watch = self.watch.load(ordering: .acquiring)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            var offset = 0
            while offset + 16 <= count {
                let (wd, eventMask, nameLength) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                var nameBytes = Array(buffer[(offset + 16)..<(offset + 16 + nameLength)])
                while nameBytes.last == 0 { nameBytes.removeLast() }
                offset += 16 + nameLength
                if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                    events.append(.overflow)
                    continue
                }
                guard wd == watch else { continue }  // events of an older watch
                if eventMask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                    if events.last != .inboxGone { events.append(.inboxGone) }
                } else if !nameBytes.isEmpty, eventMask & UInt32(IN_ISDIR) == 0 {
                    let name = FileName(bytes: nameBytes)
                    events.append(eventMask & UInt32(IN_CREATE) != 0 ? .created(name) : .completed(name))
                }
            }
        }
        return events
    }
}
