import Glibc

/// How many analyses of a claimed input started and never finished: the durable count that stops
/// a poison input (one whose analysis crashes the process) from crashing the daemon forever.
///
/// The count is a small state record beside `processing/`: `<spool>/.unfinished/<name>` holds a
/// decimal number. It is raised before the analysis starts and removed when the analysis returns
/// (an input whose analysis returned is not poison), so what a recovered input carries is the
/// number of processes that died while analysing it; a kill -9 between analysis and publication does not count. A record
/// file rather than an extended attribute on the input: the daemon may not write attributes on a
/// file another user dropped (user.* attributes need write permission on the file), while it owns
/// `processing/`. The record is not fsynced: it guards against the death of the process (its
/// page-cache write survives that), not a power cut. Where it cannot be written (disk full),
/// nothing is counted and `start` returns false: the article is analysed anyway.
struct UnfinishedAnalyses: Sendable {
    let folder: String

    init(root: String) { folder = root + "/.unfinished" }

    /// The count for `name`; 0 when there is no record.
    func count(_ name: FileName) -> Int {
        guard let bytes = Spool.readSmallFile(folder, name) else { return 0 }
        var value = 0
        for byte in bytes.prefix(18) {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Sets the count (0 removes the record). Returns false when it could not be stored.
    @discardableResult
    func set(_ name: FileName, _ value: Int) -> Bool {
        if value <= 0 {
            return FileSystem.withPath(folder, name) { unlink($0) } == 0 || errno == ENOENT
        }
        var fd = FileSystem.withPath(folder, name) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        if fd < 0 && errno == ENOENT {
            _ = mkdir(folder, 0o700)
            fd = FileSystem.withPath(folder, name) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return (try? FileSystem.writeAll(fd, Array("\(value)\n".utf8), path: folder)) != nil
    }
}

extension Spool {
    /// Analyses of `article` that a dead process started and never finished (see
    /// `UnfinishedAnalyses`); 0 for an input fresh from the inbox.
    public func unfinishedAnalyses(_ article: ClaimedArticle) -> Int {
        article.recovered ? unfinished.count(article.name) : 0
    }

    /// Counts an analysis of `article` as started, before it runs. Returns false when the count
    /// could not be stored.
    @discardableResult
    public func analysisStarted(_ article: ClaimedArticle) -> Bool {
        unfinished.set(article.name, unfinishedAnalyses(article) + 1)
    }

    /// Counts the analysis of `article` as finished (it returned, with a result or an error):
    /// the record is removed.
    public func analysisFinished(_ article: ClaimedArticle) {
        unfinished.set(article.name, 0)
    }
}
