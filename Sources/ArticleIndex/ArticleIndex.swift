import ArticleAnalysis
import Foundation

/// The article index: an SQLite database (WAL) that records every analysed article, its
/// entities linked across articles, quotes, keyphrases, full text (FTS5) and MinHash
/// signatures (their LSH buckets kept in memory, `NearDuplicateTable`), so that questions across articles (`articled query`) and near-duplicate checks
/// (`duplicates` in each result) are answered without reading the outbox.
///
/// The outbox stays the contract and the index is derived from it: the daemon records a result
/// only after it is published, `reconcile(outbox:)` at start adds what a crash left out and drops
/// what the outbox no longer has, and `articled reindex` rebuilds it from the outbox alone.
///
/// Safe from any thread: one writing connection behind a lock (SQLite calls on it are
/// serialised; the daemon writes from one background thread), the near-duplicate table behind
/// another, so lookups do not wait for writes. The locks are plain pthread mutexes (`NSLock`),
/// which sleep when taken (a spinning lock burnt more CPU than the writes).
public final class ArticleIndex: @unchecked Sendable {
    public let path: String
    /// The schema version this build writes.
    public static var schemaVersion: Int { IndexSchema.version }
    /// The schema version the file had when opened, when it was older than this build's (it was
    /// migrated): the daemon says so in the journal.
    public let migratedFrom: Int?
    /// Guards `writer`, the one connection that writes.
    private let lock = NSLock()
    private var writer: IndexWriter
    /// Guards `table` and `queued`, the in-memory near-duplicate side (see `NearDuplicateTable`):
    /// a lookup takes only this lock, never the writer's.
    private let tableLock = NSLock()
    private var table: NearDuplicateTable
    /// What a lookup needs of the articles queued for the writer and not written yet, by slot.
    private var queued: [Int32: QueuedArticle] = [:]
    /// Guards `signatures`, a read-only connection for checking candidates that are written.
    private let signatureLock = NSLock()
    private let signatures: SignatureReader

    /// Opens or creates the index at `path`, migrating its schema, and loads the near-duplicate
    /// table from the stored signatures.
    public init(path: String) throws(SQLiteError) {
        self.path = path
        let writer = try IndexWriter(path: path)
        migratedFrom = writer.migratedFrom
        table = try writer.loadNearDuplicateTable()
        self.writer = writer
        signatures = try SignatureReader(path: path)
    }

    /// Records `articles` in one transaction; those whose result is already indexed are left
    /// as they are. Returns how many were added.
    @discardableResult
    public func record(_ articles: [IndexedArticle]) throws(SQLiteError) -> Int {
        let ids = try withWriter { (writer: inout IndexWriter) throws(SQLiteError) -> [Int64?] in
            try writer.recordAll(articles)
        }
        tableLock.lock()
        for (article, id) in zip(articles, ids) {
            if let id { _ = table.add(signature: article.signature, sha256: article.sha256, name: article.name, article: id) }
        }
        tableLock.unlock()
        return ids.count { $0 != nil }
    }

    /// Removes the articles of these results (they left the outbox). Returns how many were there.
    /// Waits for queued articles to be written first (it runs at start, when none are).
    @discardableResult
    public func remove(results: [String]) throws(SQLiteError) -> Int {
        flush()
        return try withWriter { (writer: inout IndexWriter) throws(SQLiteError) -> Int in
            let removed = try writer.transaction { () throws(SQLiteError) -> Int in
                var removed = 0
                for result in results where try writer.remove(result: result) { removed += 1 }
                if removed > 0 { try writer.relinkAll() }
                return removed
            }
            if removed > 0 {
                let fresh = try writer.loadNearDuplicateTable()
                tableLock.lock()
                table = fresh
                tableLock.unlock()
            }
            return removed
        }
    }

    /// Earlier articles that `signature` (and `sha256`, for exact copies) nearly repeats:
    /// estimated Jaccard similarity at least `threshold`, most similar first, at most `limit`.
    /// Articles handed to `enqueue` and not yet written count as indexed, so a lookup sees every
    /// article recorded before it, written or not.
    public func duplicates(of signature: MinHashSignature, sha256: String, threshold: Double, limit: Int = 100) throws(SQLiteError) -> [DuplicateArticle] {
        var waiting: [QueuedArticle] = []
        var written: [(article: Int64, agreements: Int)] = []
        var found: [String: Double] = [:]
        tableLock.lock()
        for candidate in table.candidates(of: signature, sha256: sha256, threshold: threshold) {
            if candidate.exact {
                found[table.name(candidate.slot)] = 1
            } else if candidate.article > 0 {
                written.append((candidate.article, candidate.agreements))
            } else if let article = queued[candidate.slot] {
                waiting.append(article)
            }
        }
        tableLock.unlock()
        func consider(_ name: String, _ sha: String, _ other: MinHashSignature) {
            let similarity = sha == sha256 ? 1 : signature.similarity(to: other)
            if similarity >= threshold { found[name] = max(found[name] ?? 0, similarity) }
        }
        for article in waiting { consider(article.name, article.sha256, article.signature) }
        if !written.isEmpty {
            // Most agreeing fingerprints first; once `limit` are listed, a candidate whose bound
            // is below the limit-th similarity cannot enter the list, nor can any after it (a feed
            // of near-identical articles would otherwise cost one row read each, every lookup).
            written.sort { $0.agreements > $1.agreements }
            signatureLock.lock()
            defer { signatureLock.unlock() }
            for (id, agreements) in written {
                if found.count >= limit {
                    let last = found.values.sorted(by: >)[limit - 1]
                    if Double(agreements) / Double(MinHashSignature.count) < last { break }
                }
                if let row = try signatures.article(id) { consider(row.name, row.sha256, row.signature) }
            }
        }
        return found.map { DuplicateArticle(name: $0.key, similarity: $0.value) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.name < $1.name }
            .prefix(limit).map { $0 }
    }

    // MARK: Background writing

    private let queue = IndexWriteQueue()

    /// Queues published articles for the background writer, which records them in large
    /// transactions (all that queued while it wrote the previous batch) off the caller's path.
    /// They count for duplicate lookups at once. A crash may lose what is queued: the outbox
    /// holds it, and `reconcile(outbox:)` at the next start indexes it. `onError` hears a batch
    /// that could not be written.
    public func enqueue(_ articles: [IndexedArticle], onError: @escaping @Sendable (SQLiteError) -> Void) {
        guard !articles.isEmpty else { return }
        var slots: [Int32] = []
        tableLock.lock()
        for article in articles {
            let slot = table.add(signature: article.signature, sha256: article.sha256, name: article.name, article: 0)
            queued[slot] = QueuedArticle(name: article.name, sha256: article.sha256, signature: article.signature)
            slots.append(slot)
        }
        tableLock.unlock()
        if queue.add(articles, slots: slots, onError: onError) {
            let thread = Thread { [self] in writeQueued() }
            thread.name = "article-index"
            thread.start()
        }
    }

    /// Waits until every queued article is written (at shutdown).
    public func flush() { queue.waitUntilEmpty() }

    /// The background writer's loop: takes everything queued, writes it in one transaction,
    /// then tells the near-duplicate table which slots are written (or, after an error or for
    /// a result indexed already, no longer count).
    private func writeQueued() {
        Self.nameThisThread("article-index")
        while true {
            queue.waitForWork()
            var (batch, onError) = queue.take()
            let longest = batch.reduce(0) { max($0, $1.article.text.utf8.count) }
            lock.lock()
            var ids: [Int64?]
            do {
                ids = try writer.recordAll(batch.lazy.map(\.article))
            } catch {
                onError?(error)
                ids = Array(repeating: nil, count: batch.count)
            }
            if longest >= Self.largeTextBytes { writer.releaseMemory() }
            lock.unlock()
            tableLock.lock()
            for (entry, id) in zip(batch, ids) {
                table.written(entry.slot, as: id)
                queued[entry.slot] = nil
            }
            tableLock.unlock()
            if longest >= Self.largeTextBytes {
                batch = []  // the texts go before the heap is trimmed
                returnFreeMemory?()
            }
            queue.done()
        }
    }

    /// Names the calling thread (its `comm`, what top, perf and /proc show), so the index's CPU
    /// can be told from the analysis's (`Benchmarks/index/index_cost.py` reads it).
    /// `pthread_setname_np` is not visible to Swift without _GNU_SOURCE; the file is the same.
    private static func nameThisThread(_ name: String) {
        let fd = open("/proc/thread-self/comm", O_WRONLY)
        guard fd >= 0 else { return }
        _ = name.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }

    /// The text size (UTF-8 bytes) of an article after whose batch the writer gives back what
    /// writing it took: SQLite's page cache (up to `cache_size`, 32 MiB, filled by a long text's
    /// overflow pages and its FTS5 segment) and, through `returnFreeMemory`, the heap pages freed
    /// on the writer's thread. News articles (a few KiB) never reach it: their batches, even a
    /// backlog's 512, keep the cache warm.
    static let largeTextBytes = 1 << 20

    /// Returns freed heap pages to the system after a large batch (the daemon passes glibc's
    /// `malloc_trim`, as it does after analysing a large input; the library does no such thing
    /// itself). Set before the first `enqueue`.
    public var returnFreeMemory: (@Sendable () -> Void)? = nil

    /// Runs `body` with the writer, holding the lock.
    func withWriter<R>(_ body: (inout IndexWriter) throws(SQLiteError) -> R) throws(SQLiteError) -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&writer)
    }

    /// The outbox result names of every indexed article.
    public func resultNames() throws(SQLiteError) -> Set<String> {
        try withWriter { (writer: inout IndexWriter) throws(SQLiteError) -> Set<String> in try writer.resultNames() }
    }
}

/// What a duplicate lookup needs of a queued article.
struct QueuedArticle {
    var name: String
    var sha256: String
    var signature: MinHashSignature
}
