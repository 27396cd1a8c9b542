import ArticleAnalysis
import Foundation

/// The article index: an SQLite database (WAL) that records every analysed article, its
/// entities linked across articles, quotes, keyphrases, full text (FTS5) and MinHash LSH
/// buckets, so that questions across articles (`articled query`) and near-duplicate checks
/// (`duplicates` in each result) are answered without reading the outbox.
///
/// The outbox stays the contract and the index is derived from it: the daemon records a result
/// only after it is published, `reconcile(outbox:)` at start adds what a crash left out and drops
/// what the outbox no longer has, and `articled reindex` rebuilds it from the outbox alone.
///
/// Safe from any thread: one connection behind a lock (SQLite calls on it are serialised).
/// The lock is a plain pthread mutex (`NSLock`), which sleeps when taken: the daemon's workers
/// wait for each other's index writes, and a spinning lock burnt more CPU than the writes.
public final class ArticleIndex: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var writer: IndexWriter

    /// Opens or creates the index at `path`, migrating its schema.
    public init(path: String) throws(SQLiteError) {
        self.path = path
        writer = try IndexWriter(path: path)
    }

    /// Records `articles` in one transaction; those whose result is already indexed are left
    /// as they are. Returns how many were added.
    @discardableResult
    public func record(_ articles: [IndexedArticle]) throws(SQLiteError) -> Int {
        try withWriter { (writer: inout IndexWriter) throws(SQLiteError) -> Int in
            try writer.db.transaction { () throws(SQLiteError) -> Int in
                var added = 0
                for article in articles where try writer.record(article) { added += 1 }
                return added
            }
        }
    }

    /// Removes the articles of these results (they left the outbox). Returns how many were there.
    @discardableResult
    public func remove(results: [String]) throws(SQLiteError) -> Int {
        try withWriter { (writer: inout IndexWriter) throws(SQLiteError) -> Int in
            try writer.db.transaction { () throws(SQLiteError) -> Int in
                var removed = 0
                for result in results where try writer.remove(result: result) { removed += 1 }
                if removed > 0 { try writer.relinkAll() }
                return removed
            }
        }
    }

    /// Earlier articles that `signature` (and `sha256`, for exact copies) nearly repeats:
    /// estimated Jaccard similarity at least `threshold`, most similar first, at most `limit`.
    /// Articles handed to `enqueue` and not yet written count as indexed (they are checked in
    /// memory), so a lookup sees every article recorded before it, written or not.
    public func duplicates(of signature: MinHashSignature, sha256: String, threshold: Double, limit: Int = 100) throws(SQLiteError) -> [DuplicateArticle] {
        try withWriter { (writer: inout IndexWriter) throws(SQLiteError) -> [DuplicateArticle] in
            // The background writer takes the lock before it takes a batch, so while it is held
            // every recorded article is either written or still queued: none is in between.
            let waiting = queue.snapshot()
            let written = try writer.duplicates(of: signature, sha256: sha256, threshold: threshold, limit: limit)
            return IndexWriteQueue.merge(written, queued: waiting, signature: signature, sha256: sha256, threshold: threshold, limit: limit)
        }
    }

    // MARK: Background writing

    private let queue = IndexWriteQueue()

    /// Queues published articles for the background writer, which records them in large
    /// transactions (all that queued while it wrote the previous batch) off the caller's path.
    /// A crash may lose what is queued: the outbox holds it, and `reconcile(outbox:)` at the next
    /// start indexes it. `onError` hears a batch that could not be written.
    public func enqueue(_ articles: [IndexedArticle], onError: @escaping @Sendable (SQLiteError) -> Void) {
        guard !articles.isEmpty else { return }
        if queue.add(articles, onError: onError) {
            let thread = Thread { [self] in writeQueued() }
            thread.name = "article-index"
            thread.start()
        }
    }

    /// Waits until every queued article is written (at shutdown).
    public func flush() { queue.waitUntilEmpty() }

    /// The background writer's loop: takes everything queued, writes it in one transaction.
    private func writeQueued() {
        while true {
            queue.waitForWork()
            lock.lock()
            let (batch, onError) = queue.take()
            do {
                _ = try writer.db.transaction { () throws(SQLiteError) -> Int in
                    var added = 0
                    for article in batch where try writer.record(article) { added += 1 }
                    return added
                }
            } catch {
                onError?(error)
            }
            lock.unlock()
            queue.done()
        }
    }

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
