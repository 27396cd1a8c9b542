import Glibc
import Synchronization

/// Publishes a file atomically and without replacing anything: the bytes go to a dot-prefixed
/// temporary file in the target folder (ignored by readers and by the inbox rules), are fsynced,
/// then renamed with RENAME_NOREPLACE to the first free name; finally the folder is fsynced so the
/// new name survives a power cut. A reader sees either no file or the whole file.
///
/// Threads: any thread may write at the same time as others; the only shared state is the atomic
/// `counter` that makes temporary names unique within the process (the process id makes them
/// unique between processes).
public struct AtomicFileWriter: Sendable {
    /// Prefix of temporary files; `removeStaleTemporaries` deletes those left by dead processes.
    static let temporaryPrefix = ".articled-"
    private static let counter = Atomic<Int>(0)

    public init() {}

    /// One file for `write(_:into:)`: its bytes, and the names it may take (`candidate(0)`,
    /// `candidate(1)`, … until one is free).
    public struct PendingFile {
        public var bytes: [UInt8]
        public var candidate: (Int) -> FileName
        public init(bytes: [UInt8], candidate: @escaping (Int) -> FileName) {
            self.bytes = bytes
            self.candidate = candidate
        }
    }

    /// Writes `bytes` into `folder` under the first free name `candidate(0)`, `candidate(1)`…
    /// and returns the name used.
    @discardableResult
    public func write(_ bytes: [UInt8], into folder: String, candidate: @escaping (Int) -> FileName) throws(SpoolError) -> FileName {
        try write([PendingFile(bytes: bytes, candidate: candidate)], into: folder)[0].get()
    }

    /// Publishes several files in `folder` with one folder fsync (group commit), each as
    /// atomically as a single `write`: every file is written, then each is fsynced before it is
    /// renamed, and the folder is fsynced once after the renames. Returns, per file, the name it got or
    /// why it was not published (then no file of it is left behind).
    ///
    /// Two fsyncs per file (data, then folder) bound a backlog's throughput on most disks; in a
    /// batch the folder fsync is shared, and because writeback of every file is started before
    /// the first fsync, on a journaled file system the journal commit that fsync forces carries
    /// the other files' data too, so their own fsyncs find little left to do. (One `syncfs` per
    /// batch would cost less kernel time still, but it flushes every other program's writes on
    /// the same file system too, so it is not used.)
    public func write(_ files: [PendingFile], into folder: String) -> [Result<FileName, SpoolError>] {
        var results = [Result<FileName, SpoolError>](repeating: .failure(SpoolError("write", path: folder, errno: EIO)), count: files.count)
        var temporaries: [(index: Int, name: FileName, fd: Int32)] = []
        temporaries.reserveCapacity(files.count)
        for (index, file) in files.enumerated() {
            let serial = Self.counter.wrappingAdd(1, ordering: .relaxed).newValue
            let temporary = FileName(Self.temporaryPrefix + "\(getpid())-\(serial).tmp")
            let fd = FileSystem.withPath(folder, temporary) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
            guard fd >= 0 else {
                results[index] = .failure(SpoolError("open", path: FileSystem.display(folder, temporary)))
                continue
            }
            do {
                try FileSystem.writeAll(fd, file.bytes, path: FileSystem.display(folder, temporary))
            } catch {
                results[index] = .failure(error)
                close(fd)
                _ = FileSystem.withPath(folder, temporary) { unlink($0) }
                continue
            }
            // Starts writeback now (it does not wait); see the doc comment.
            if files.count > 1 { _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) }
            temporaries.append((index, temporary, fd))
        }
        var renamed: [Int] = []
        for (index, temporary, fd) in temporaries {
            let synced = fsync(fd) == 0
            let error = SpoolError("fsync", path: FileSystem.display(folder, temporary))
            close(fd)
            do throws(SpoolError) {
                guard synced else { throw error }
                results[index] = .success(try FileSystem.renameToFreeName(folder, temporary, folder, candidate: files[index].candidate))
                renamed.append(index)
            } catch {
                results[index] = .failure(error)
                _ = FileSystem.withPath(folder, temporary) { unlink($0) }
            }
        }
        if !renamed.isEmpty {
            do {
                try FileSystem.syncDirectory(folder)
            } catch {
                // The names exist but may not survive a power cut: report them as not published,
                // so their inputs stay where they are and are retried.
                for index in renamed { results[index] = .failure(error) }
            }
        }
        return results
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
