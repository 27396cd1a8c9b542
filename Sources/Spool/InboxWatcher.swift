import Glibc

/// Watches the inbox with inotify and reports names that became complete files.
///
/// A file is complete when its writer closes it (IN_CLOSE_WRITE) or when it is renamed into the
/// inbox (IN_MOVED_TO); IN_CREATE is reported too, because a symlink or FIFO gets no other event
/// (the caller lets regular files wait for their close). Events are hints: the caller also scans
/// the folder, at start (after arming the watch, so nothing falls between the scan and the
/// watch), on IN_Q_OVERFLOW, and periodically.
///
/// When the inbox itself is deleted or moved away (IN_DELETE_SELF, IN_MOVE_SELF, IN_IGNORED) the
/// watcher reports `.inboxGone`; `rearm()` re-creates the folder and watches it again. An inbox
/// that is a symbolic link is refused (IN_DONT_FOLLOW, and `rearm` checks with lstat): the spool
/// never follows links out of itself.
///
/// When the kernel refuses the watch for lack of resources (`max_user_watches` exhausted: ENOSPC,
/// or ENOMEM) the watcher does not fail: `isPolling` is set and `wait` only sleeps, so the caller
/// falls back to scanning the folder often (and says so loudly).
public final class InboxWatcher: @unchecked Sendable {
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
    private var watch: Int32 = -1
    /// Self-pipe: `wake()` writes to [1], `wait` polls [0].
    private var wakeup: [Int32] = [-1, -1]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR) | 0x0200_0000  // IN_DONT_FOLLOW

    /// Set when inotify refused the watch for lack of resources: the caller must poll.
    public private(set) var isPolling = false
    /// Why the watch was refused while polling.
    public private(set) var pollingReason: SpoolError?

    /// Creates the inotify instance and arms the watch on `path` (which must exist).
    public init(path: String) throws(SpoolError) {
        self.path = path
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { throw SpoolError("inotify_init1", path: path) }
        guard pipe(&wakeup) == 0 else {
            close(inotify)
            throw SpoolError("pipe", path: path)
        }
        for fd in wakeup {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        do { try arm() } catch {
            close(inotify)
            wakeup.forEach { close($0) }
            throw error
        }
    }

    deinit {
        close(inotify)
        wakeup.forEach { close($0) }
    }

    private func arm() throws(SpoolError) {
        try Self.refuseSymlink(path)
        watch = inotify_add_watch(inotify, path, Self.mask)
        if watch < 0 && (errno == ENOSPC || errno == ENOMEM) {
            pollingReason = SpoolError("inotify_add_watch", path: path)
            isPolling = true
            return
        }
        guard watch >= 0 else { throw SpoolError("inotify_add_watch", path: path) }
        isPolling = false
        pollingReason = nil
    }

    /// Throws when `path` is a symbolic link (ELOOP), whatever it points to.
    public static func refuseSymlink(_ path: String) throws(SpoolError) {
        var info = stat()
        if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            throw SpoolError("the inbox is a symbolic link, which articled never follows; replace it with a folder:", path: path, errno: ELOOP)
        }
    }

    /// While polling: tries the inotify watch again (after an operator raised the limit).
    /// Returns true when the folder is watched again.
    public func retryWatch() -> Bool {
        guard isPolling else { return true }
        return (try? arm()) != nil && !isPolling
    }

    /// Re-creates the inbox if it is missing (with `mode`, e.g. the setgid group-writable mode
    /// it had at start) and watches it again. The caller must rescan afterwards.
    public func rearm(mode: mode_t) throws(SpoolError) {
        if watch >= 0 { inotify_rm_watch(inotify, watch) }
        watch = -1
        try Self.refuseSymlink(path)
        if !FileSystem.isDirectory(path) {
            try FileSystem.makeDirectories(path)
            // Under RestrictSUIDSGID= the setgid bit cannot be set: keep at least the permissions.
            if chmod(path, mode) != 0 { _ = chmod(path, mode & 0o777) }
        }
        try arm()
    }

    /// Makes a `wait` in progress (on another thread) return at once. Safe from any thread.
    public func wake() {
        var one: UInt8 = 1
        _ = write(wakeup[1], &one, 1)
    }

    /// Waits up to `timeoutMilliseconds` for events or a `wake()` and returns the events read
    /// (empty on timeout or wake-up).
    public func wait(timeoutMilliseconds: Int32) -> [Event] {
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeup[0], events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, timeoutMilliseconds)
        if ready <= 0 { return [] }
        if fds[1].revents != 0 {
            var drain = [UInt8](repeating: 0, count: 64)
            while read(wakeup[0], &drain, 64) > 0 {}
        }
        return fds[0].revents != 0 ? readEvents() : []
    }

    private func readEvents() -> [Event] {
        var events: [Event] = []
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
