import Glibc

/// Detects whether stderr is connected to journald.
///
/// systemd sets `JOURNAL_STREAM=<device>:<inode>` for services whose stdout/stderr go to the
/// journal. As systemd.exec(5) documents, a program should only switch to native journal logging
/// when that pair matches its stderr's `st_dev`/`st_ino`: the variable is inherited by child
/// processes whose stderr may have been redirected elsewhere.
public enum JournalStream {
    /// True when `JOURNAL_STREAM` names the file stderr is open on.
    public static var isStandardErrorJournal: Bool {
        guard let value = getenv("JOURNAL_STREAM") else { return false }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return matches(String(cString: value), device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// True when `value` is `<device>:<inode>` in decimal and equals the given pair.
    public static func matches(_ value: String, device: UInt64, inode: UInt64) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let streamDevice = UInt64(parts[0]), let streamInode = UInt64(parts[1]) else {
            return false
        }
        return streamDevice == device && streamInode == inode
    }
}
