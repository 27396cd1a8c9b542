import Glibc
import Synchronization

/// Publishes a file atomically and without replacing anything: the bytes go to a dot-prefixed
/// temporary file in the target folder (ignored by readers and by the inbox rules), are fsynced,
/// then renamed with RENAME_NOREPLACE to the first free name; finally the folder is fsynced so the
/// new name survives a power cut. A reader sees either no file or the whole file.
public struct AtomicFileWriter: Sendable {
    /// Prefix of temporary files; `removeStaleTemporaries` deletes those left by dead processes.
    static let temporaryPrefix = ".articled-"
    private static let counter = Atomic<Int>(0)

    public init() {}

    @discardableResult
    /// Writes `bytes` into `folder` under the first free name `candidate(0)`, `candidate(1)`…
    /// and returns the name used.
    public func write(_ bytes: [UInt8], into folder: String, candidate: (Int) -> FileName) throws(SpoolError) -> FileName {
        let serial = Self.counter.wrappingAdd(1, ordering: .relaxed).newValue
        let temporary = FileName(Self.temporaryPrefix + "\(getpid())-\(serial).tmp")
        let fd = FileSystem.withPath(folder, temporary) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw SpoolError("open", path: FileSystem.display(folder, temporary)) }
        var published = false
        defer {
            if !published { _ = FileSystem.withPath(folder, temporary) { unlink($0) } }
        }
        do {
            defer { close(fd) }
            try FileSystem.writeAll(fd, bytes, path: FileSystem.display(folder, temporary))
            if fsync(fd) != 0 { throw SpoolError("fsync", path: FileSystem.display(folder, temporary)) }
        }
        let name = try FileSystem.renameToFreeName(folder, temporary, folder, candidate: candidate)
        published = true
        try FileSystem.syncDirectory(folder)
        return name
    }

    /// Deletes temporary files in `folder` whose writing process is gone (crash, kill -9).
    /// Files of live processes — another instance on the same spool — are left alone. Call it
    /// at start, before this process writes: a file carrying our own pid is then a stale one.
    public static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileSystem.list(folder) else { return }
        let prefix = Array(temporaryPrefix.utf8)
        for name in names where name.bytes.starts(with: prefix) && name.hasSuffix(".tmp") {
            let rest = name.bytes.dropFirst(prefix.count).prefix { $0 != UInt8(ascii: "-") }
            guard let pid = Int32(String(decoding: rest, as: UTF8.self)) else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                _ = FileSystem.withPath(folder, name) { unlink($0) }
            }
        }
    }
}
