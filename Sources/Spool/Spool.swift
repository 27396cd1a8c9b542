import Glibc

/// The spool's folders and every file movement between them: scanning the inbox, claiming,
/// recovering after a crash, reading inputs safely, publishing results and failure records.
///
/// Guarantees (each covered by SpoolTests and by the daemon's integration tests):
/// - An input is claimed by an atomic rename into `processing/` while its file is locked, so two
///   daemons on one spool never work on the same file, and a crash leaves it in `processing/`,
///   where the next start (or the next periodic scan of a live daemon) recovers it.
/// - Inputs are opened with O_NOFOLLOW|O_NONBLOCK and must be regular files: a symlink in the
///   inbox is never followed; it is moved (as a link) to `failed/` with an error record, as are
///   FIFOs, sockets and devices. Sub-folders of the inbox are ignored.
/// - Results are written with `AtomicFileWriter` and never replace an earlier result: a second
///   input named `a.txt` gets `a.txt.1.json`. A recovered input whose result was already published
///   before the crash (same name, same SHA-256) is not published twice.
/// - A failed input goes to `failed/<name>` (or `<name>.N`) first, then its record is written
///   beside it; a crash between the two leaves the input in `failed/` without a record, never lost.
/// - Names are raw bytes end to end (spaces, newlines, non-UTF-8 bytes all work); results are
///   named `<name>.json` after the full input name, extension included (`a.txt` -> `a.txt.json`).
///
/// Threads: one `Spool` is shared by every thread of the daemon (the control thread scans, the
/// workers claim, read, complete, fail and release) and holds no mutable state: every field is a
/// `let`. What keeps two threads (or two processes) off one file is the file system itself: the
/// claim's `flock` and its rename into `processing/`, and RENAME_NOREPLACE when publishing. A
/// `ClaimedArticle` belongs to the worker that claimed it until `complete`, `fail` or `release`.
public final class Spool: Sendable {
    public let layout: SpoolLayout
    /// The inbox's mode at start, used when the inbox must be re-created.
    public let inboxMode: mode_t
    private let writer = AtomicFileWriter()

    /// Creates missing folders and removes temporary files left by dead processes.
    public init(layout: SpoolLayout) throws(SpoolError) {
        self.layout = layout
        try layout.createFolders()
        var info = stat()
        inboxMode = stat(layout.inbox, &info) == 0 ? info.st_mode & 0o7777 : 0o775
        for folder in [layout.outbox, layout.failed] { AtomicFileWriter.removeStaleTemporaries(in: folder) }
    }

    // MARK: Scanning

    /// Candidate inputs in the inbox, oldest modification time first (then by name): entries
    /// that are not ignored names and not folders.
    public func scanInbox() throws(SpoolError) -> [FileName] {
        try scan(layout.inbox)
    }

    /// Entries in `processing/`; those nobody holds a lock on are recoverable.
    public func scanProcessing() throws(SpoolError) -> [FileName] {
        try scan(layout.processing)
    }

    private func scan(_ folder: String) throws(SpoolError) -> [FileName] {
        var entries: [(name: FileName, seconds: Int, nanoseconds: Int)] = []
        for name in try FileSystem.list(folder) where !name.isIgnored {
            guard let info = FileSystem.entryStatus(folder, name) else { continue }
            if info.st_mode & S_IFMT == S_IFDIR { continue }
            entries.append((name, info.st_mtim.tv_sec, info.st_mtim.tv_nsec))
        }
        entries.sort { a, b in
            if a.seconds != b.seconds { return a.seconds < b.seconds }
            if a.nanoseconds != b.nanoseconds { return a.nanoseconds < b.nanoseconds }
            return a.name.bytes.lexicographicallyPrecedes(b.name.bytes)
        }
        return entries.map(\.name)
    }

    // MARK: Claiming

    public enum ClaimResult: Sendable {
        /// The file is ours, in `processing/`.
        case claimed(ClaimedArticle)
        /// The entry is not a regular file (e.g. a symlink): it was moved to `failed/` as `failedAs`
        /// with an error record.
        case rejected(failedAs: FileName, record: FailureRecord)
        /// A different file with this name is in `processing/` right now; try again later.
        case busy
        /// Nothing to do: the file is gone, is a folder, or another process holds it.
        case skipped
    }

    /// Claims `name` from the inbox: open without following links, lock, check it is still the
    /// same file and that nobody is still writing it, then rename it into `processing/` without
    /// replacing anything.
    ///
    /// `foundByScan` marks names that came from a folder scan rather than from IN_CLOSE_WRITE or
    /// IN_MOVED_TO, which may be files still being written. Those are checked with a read lease
    /// (F_SETLEASE fails while any process has the file open for writing); when the lease is not
    /// permitted (the file belongs to another user and articled lacks CAP_LEASE) a file modified
    /// in the last `settleSeconds` is left for later instead.
    public func claim(_ name: FileName, foundByScan: Bool = false) throws(SpoolError) -> ClaimResult {
        try take(name, from: layout.inbox, recovered: false, foundByScan: foundByScan)
    }

    /// How long a scanned file must be unmodified when a lease cannot tell whether it is complete.
    public static let settleSeconds = 2

    /// Claims `name` in `processing/` when no live process holds it (it was left by a crash).
    public func recover(_ name: FileName) throws(SpoolError) -> ClaimResult {
        try take(name, from: layout.processing, recovered: true, foundByScan: false)
    }

    private func take(_ name: FileName, from folder: String, recovered: Bool, foundByScan: Bool) throws(SpoolError) -> ClaimResult {
        guard let entry = FileSystem.entryStatus(folder, name) else { return .skipped }
        switch entry.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .skipped
        case S_IFLNK: return try reject(name, in: folder, FailureRecord(code: "symlink", message: "the entry is a symbolic link; links are never followed out of the spool"))
        default: return try reject(name, in: folder, FailureRecord(code: "not_regular_file", message: "the entry is not a regular file (FIFO, socket or device)"))
        }
        let fd = FileSystem.withPath(folder, name) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        if fd < 0 {
            switch errno {
            case ENOENT: return .skipped
            case ELOOP: return try reject(name, in: folder, FailureRecord(code: "symlink", message: "the entry is a symbolic link; links are never followed out of the spool"))
            default:
                let error = SpoolError("open", path: FileSystem.display(folder, name))
                return try reject(name, in: folder, FailureRecord(code: "unreadable", message: error.description, bytes: Int(entry.st_size)))
            }
        }
        var owned = false
        defer { if !owned { close(fd) } }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return .skipped }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let current = FileSystem.entryStatus(folder, name),
              current.st_ino == info.st_ino, current.st_dev == info.st_dev
        else { return .skipped }  // replaced or moved meanwhile; a scan will see the new one
        if !recovered && Self.isBeingWritten(fd, info, checkSettled: foundByScan) { return .skipped }
        if !recovered {
            do {
                guard try FileSystem.renameNoReplace(folder, name, layout.processing, name) else { return .busy }
            } catch where error.errno == ENOENT {
                return .skipped
            }
        }
        owned = true
        return .claimed(ClaimedArticle(name: name, descriptor: fd, size: Int(info.st_size), recovered: recovered))
    }

    private func reject(_ name: FileName, in folder: String, _ record: FailureRecord) throws(SpoolError) -> ClaimResult {
        guard let failedAs = try moveToFailed(name, from: folder) else { return .skipped }
        try writeRecord(record, for: name, failedAs: failedAs)
        return .rejected(failedAs: failedAs, record: record)
    }

    // MARK: Reading

    /// Reads a claimed input. Throws a failure record when it is over `maxBytes` (checked with
    /// fstat before reading, and again while reading in case it grew) or cannot be read.
    public func read(_ article: ClaimedArticle, maxBytes: Int) throws(FailureRecord) -> [UInt8] {
        func tooLarge(_ size: Int) -> FailureRecord {
            FailureRecord(code: "too_large", message: "the file is \(size) bytes, over the limit of \(maxBytes) bytes (max_bytes)", bytes: size)
        }
        var info = stat()
        guard fstat(article.descriptor, &info) == 0 else {
            throw FailureRecord(code: "unreadable", message: SpoolError("fstat", path: article.name.escaped).description)
        }
        let size = Int(info.st_size)
        if size > maxBytes { throw tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: min(size, maxBytes) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                if total > maxBytes { throw tooLarge(total) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, maxBytes + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { pread(article.descriptor, $0.baseAddress! + total, $0.count - total, off_t(total)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FailureRecord(code: "unreadable", message: SpoolError("read", path: article.name.escaped).description, bytes: size)
            }
            if count == 0 { break }
            total += count
        }
        if total > maxBytes { throw tooLarge(total) }
        bytes.removeLast(bytes.count - total)
        return bytes
    }

    // MARK: Finishing

    /// What happens to an input once its result is published.
    public enum Disposal: Sendable { case moveToProcessed, delete }

    /// A claimed input with its analysed result, ready to publish.
    public struct Completion: Sendable {
        public var article: ClaimedArticle
        public var result: [UInt8]
        public var sha256: String
        public var disposal: Disposal
        public init(_ article: ClaimedArticle, result: [UInt8], sha256: String, disposal: Disposal) {
            self.article = article
            self.result = result
            self.sha256 = sha256
            self.disposal = disposal
        }
    }

    /// Publishes `result` as `outbox/<name>.json` (or `<name>.N.json` when taken), then moves the
    /// input to `processed/` or deletes it, and releases the claim. Returns the result's name.
    @discardableResult
    public func complete(_ article: ClaimedArticle, result: [UInt8], sha256: String, disposal: Disposal) throws(SpoolError) -> FileName {
        try complete([Completion(article, result: result, sha256: sha256, disposal: disposal)])[0].get()
    }

    /// Publishes several results with one outbox fsync (see `AtomicFileWriter.write(_:into:)`),
    /// then disposes of each published input. An input whose result could not be published stays
    /// claimed in `processing/`; the caller decides what to do (a later run recovers it).
    public func complete(_ batch: [Completion]) -> [Result<FileName, SpoolError>] {
        var results = [Result<FileName, SpoolError>](repeating: .failure(SpoolError("write", path: layout.outbox, errno: EIO)), count: batch.count)
        var toWrite: [(index: Int, file: AtomicFileWriter.PendingFile)] = []
        for (index, completion) in batch.enumerated() {
            let name = completion.article.name
            if completion.article.recovered, let existing = existingResult(for: name, sha256: completion.sha256) {
                results[index] = .success(existing)
            } else {
                toWrite.append((index, AtomicFileWriter.PendingFile(bytes: completion.result) { n in
                    n == 0 ? name.appending(".json") : name.appending(".\(n).json")
                }))
            }
        }
        var retry: [(index: Int, file: AtomicFileWriter.PendingFile)] = []
        for (written, entry) in zip(writer.write(toWrite.map(\.file), into: layout.outbox), toWrite) {
            results[entry.index] = written
            if case .failure(let error) = written, error.errno == ENOENT { retry.append(entry) }
        }
        // The outbox was deleted under us: re-create the folders and try those once more.
        if !retry.isEmpty, (try? layout.createFolders()) != nil {
            for (written, entry) in zip(writer.write(retry.map(\.file), into: layout.outbox), retry) { results[entry.index] = written }
        }
        for (index, completion) in batch.enumerated() {
            guard case .success = results[index] else { continue }
            do {
                try dispose(completion.article, completion.disposal)
            } catch {
                // processed/ was deleted under us: re-create the folders and try once more.
                let retried = error.errno == ENOENT && (try? layout.createFolders()) != nil
                    && (try? dispose(completion.article, completion.disposal)) != nil
                if !retried { results[index] = .failure(error) }
            }
        }
        return results
    }

    /// Moves a published input out of `processing/` and releases its claim.
    private func dispose(_ article: ClaimedArticle, _ disposal: Disposal) throws(SpoolError) {
        let name = article.name
        switch disposal {
        case .moveToProcessed:
            _ = try FileSystem.renameToFreeName(layout.processing, name, layout.processed) { n in
                n == 0 ? name : name.appending(".\(n)")
            }
        case .delete:
            if FileSystem.withPath(layout.processing, name, { unlink($0) }) != 0 {
                throw SpoolError("unlink", path: FileSystem.display(layout.processing, name))
            }
        }
        article.close()
    }

    /// Moves a claimed input to `failed/` and writes `failed/<name>.error.json` beside it.
    /// Returns the name the input has in `failed/`.
    @discardableResult
    public func fail(_ article: ClaimedArticle, _ record: FailureRecord) throws(SpoolError) -> FileName {
        guard let failedAs = try moveToFailed(article.name, from: layout.processing) else {
            throw SpoolError("rename", path: FileSystem.display(layout.processing, article.name), errno: ENOENT)
        }
        article.close()
        try writeRecord(record, for: article.name, failedAs: failedAs)
        return failedAs
    }

    /// Gives a claimed input back: renames it from `processing/` to the inbox (used on shutdown
    /// for files not yet started). When a new file took its name in the inbox meanwhile, it stays
    /// in `processing/` and is recovered at the next start. Returns true when it went back.
    @discardableResult
    public func release(_ article: ClaimedArticle) -> Bool {
        defer { article.close() }
        if article.recovered { return false }
        return (try? FileSystem.renameNoReplace(layout.processing, article.name, layout.inbox, article.name)) ?? false
    }

    // MARK: Helpers

    /// True when some process still has the file open for writing (a read lease is refused), or,
    /// where leases are not permitted, when `checkSettled` and it changed in the last seconds.
    /// Its writer's IN_CLOSE_WRITE, or a later scan, brings it back.
    static func isBeingWritten(_ fd: Int32, _ info: stat, checkSettled: Bool) -> Bool {
        let setLease: Int32 = 1024, readLease: Int32 = 0, unlock: Int32 = 2  // F_SETLEASE, F_RDLCK, F_UNLCK
        if fcntl(fd, setLease, readLease) == 0 {
            _ = fcntl(fd, setLease, unlock)
            return false
        }
        if errno == EAGAIN || errno == EBUSY { return true }
        guard checkSettled else { return false }
        return time(nil) - info.st_mtim.tv_sec < settleSeconds
    }

    /// Moves `name` into `failed/` under the first name whose error record name is free too.
    /// Returns nil when the entry vanished (another process took it).
    private func moveToFailed(_ name: FileName, from folder: String) throws(SpoolError) -> FileName? {
        var n = 0
        while true {
            let candidate = n == 0 ? name : name.appending(".\(n)")
            n += 1
            if FileSystem.exists(layout.failed, candidate.appending(".error.json")) { continue }
            do {
                if try FileSystem.renameNoReplace(folder, name, layout.failed, candidate) { return candidate }
            } catch where error.errno == ENOENT {
                return nil
            }
            if n > 100_000 { throw SpoolError("rename", path: FileSystem.display(layout.failed, candidate), errno: EEXIST) }
        }
    }

    private func writeRecord(_ record: FailureRecord, for name: FileName, failedAs: FileName) throws(SpoolError) {
        let json = record.json(file: name, failedAs: failedAs, time: UTCTimestamp.now())
        try writer.write(json, into: layout.failed) { n in
            n == 0 ? failedAs.appending(".error.json") : failedAs.appending(".error.\(n).json")
        }
    }

    /// The published result for `name` that carries `sha256`, if any (a crash after publishing
    /// and before moving the input left it behind).
    func existingResult(for name: FileName, sha256: String) -> FileName? {
        let needle = Array(sha256.utf8)
        var n = 0
        while true {
            let candidate = n == 0 ? name.appending(".json") : name.appending(".\(n).json")
            guard FileSystem.exists(layout.outbox, candidate) else { return nil }
            if let content = Self.readSmallFile(layout.outbox, candidate), Self.contains(content, needle) { return candidate }
            n += 1
        }
    }

    static func readSmallFile(_ folder: String, _ name: FileName) -> [UInt8]? {
        let fd = FileSystem.withPath(folder, name) { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            content.append(contentsOf: chunk[0..<count])
        }
        return content
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
