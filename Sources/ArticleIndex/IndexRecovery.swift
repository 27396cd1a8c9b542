import Foundation
import Glibc

extension ArticleIndex {
    /// What `reconcile(outbox:)` did.
    public struct Reconciliation: Sendable, Equatable {
        /// Results in the outbox the index lacked, now indexed.
        public var added = 0
        /// Articles indexed whose result is no longer in the outbox, now removed.
        public var removed = 0
        /// Outbox files that could not be read as results (left out, with why).
        public var unreadable: [String] = []
    }

    /// Makes the index hold exactly the outbox's results: indexes every result it lacks (read
    /// from its JSON, oldest `received` first, so later copies find earlier ones as they did
    /// live) and removes every article whose result is gone. Run at start, before any new
    /// article, this repairs whatever a crash left between publishing a result and indexing it.
    public func reconcile(outbox: String) throws(SQLiteError) -> Reconciliation {
        var report = Reconciliation()
        let present = Set(Self.results(in: outbox))
        let indexed = try resultNames()
        let gone = indexed.subtracting(present)
        if !gone.isEmpty { report.removed = try remove(results: gone.sorted()) }
        var missing: [IndexedArticle] = []
        for result in present.subtracting(indexed) {
            do { missing.append(try IndexedArticle(outbox: outbox, result: result)) } catch {
                report.unreadable.append(error.description)
            }
        }
        missing.sort { ($0.received ?? "", $0.result) < ($1.received ?? "", $1.result) }
        var start = 0
        while start < missing.count {
            let end = min(start + 500, missing.count)
            report.added += try record(Array(missing[start..<end]))
            start = end
        }
        return report
    }

    /// Builds a new index at `path` from the outbox alone (`articled reindex`): written beside
    /// it, then renamed over it, so a reader sees the old index or the new one. Stop the daemon
    /// first: it keeps writing to the file it opened.
    public static func rebuild(path: String, outbox: String) throws(SQLiteError) -> Reconciliation {
        let building = path + ".rebuild"
        for suffix in ["", "-wal", "-shm"] { unlink(building + suffix) }
        let report: Reconciliation
        do {
            let index = try ArticleIndex(path: building)
            report = try index.reconcile(outbox: outbox)
            try index.checkpoint()
        }
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        guard rename(building, path) == 0 else {
            throw SQLiteError(code: 10, message: "cannot rename \(building) to \(path): \(String(cString: strerror(errno)))")
        }
        return report
    }

    /// Copies the write-ahead log into the database file and empties it.
    public func checkpoint() throws(SQLiteError) {
        try withWriter { (writer: inout IndexWriter) throws(SQLiteError) in try writer.db.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// The result files of an outbox: `*.json`, not the dot-prefixed temporaries of a write.
    static func results(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(decoding: UnsafeRawBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) }
            }
            if !name.hasPrefix("."), name.hasSuffix(".json"), entry.pointee.d_type != UInt8(DT_DIR) { names.append(name) }
        }
        return names
    }
}
