import ArticleAnalysis
import Foundation

/// Articles waiting for the index's background writer, and the hand-over between the daemon's
/// workers (which add) and that writer (which takes all that waits, so a backlog is written in a
/// few large transactions rather than one small one per publication batch: fewer B-tree page
/// writes, one FTS5 segment per batch, one WAL commit).
///
/// The writer waits briefly (`gather`) after the first article arrives so that a trickle also
/// forms batches; a waiting article is still seen by duplicate lookups (`snapshot`, `merge`).
final class IndexWriteQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [IndexedArticle] = []
    /// The LSH band keys of `waiting`, one set each (computed once, not at every lookup).
    private var waitingBands: [Set<Int64>] = []
    private var writing = false
    private var started = false
    private var onError: (@Sendable (SQLiteError) -> Void)?
    /// How long the writer lets a batch gather once an article waits, and the size that ends it early.
    private let gather: TimeInterval = 0.05
    private let batchSize = 512

    /// Adds `articles`; returns true the first time, when the caller must start the writer thread.
    func add(_ articles: [IndexedArticle], onError: @escaping @Sendable (SQLiteError) -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        waiting.append(contentsOf: articles)
        waitingBands.append(contentsOf: articles.map { $0.signature.isEmpty ? [] : Set($0.signature.bandKeys) })
        self.onError = onError
        condition.broadcast()
        let start = !started
        started = true
        return start
    }

    /// Blocks the writer until something waits, then lets the batch gather for a moment.
    func waitForWork() {
        condition.lock()
        while waiting.isEmpty { condition.wait() }
        let until = Date(timeIntervalSinceNow: gather)
        while waiting.count < batchSize, condition.wait(until: until) {}
        condition.unlock()
    }

    /// Takes everything waiting (the writer, holding the index lock).
    func take() -> ([IndexedArticle], (@Sendable (SQLiteError) -> Void)?) {
        condition.lock()
        defer { condition.unlock() }
        let batch = waiting
        waiting.removeAll(keepingCapacity: true)
        waitingBands.removeAll(keepingCapacity: true)
        writing = true
        return (batch, onError)
    }

    /// The writer finished the batch it took.
    func done() {
        condition.lock()
        writing = false
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until nothing waits and nothing is being written.
    func waitUntilEmpty() {
        condition.lock()
        while !waiting.isEmpty || writing { condition.wait() }
        condition.unlock()
    }

    /// The articles waiting now, with their band keys.
    func snapshot() -> [(article: IndexedArticle, bands: Set<Int64>)] {
        condition.lock()
        defer { condition.unlock() }
        return Array(zip(waiting, waitingBands))
    }

    /// `written` (found in the database) together with the waiting articles that match
    /// `signature` / `sha256` as `IndexWriter.duplicates` would have found them once written.
    static func merge(_ written: [DuplicateArticle], queued: [(article: IndexedArticle, bands: Set<Int64>)], signature: MinHashSignature,
                      sha256: String, threshold: Double, limit: Int) -> [DuplicateArticle] {
        guard !queued.isEmpty else { return written }
        var found: [String: Double] = [:]
        for duplicate in written { found[duplicate.name] = duplicate.similarity }
        let keys = signature.isEmpty ? [] : signature.bandKeys
        for (article, bands) in queued {
            var similarity: Double? = article.sha256 == sha256 ? 1 : nil
            if similarity == nil, !keys.isEmpty, keys.contains(where: bands.contains) {
                similarity = signature.similarity(to: article.signature)
            }
            if let similarity, similarity >= threshold { found[article.name] = max(found[article.name] ?? 0, similarity) }
        }
        return found.map { DuplicateArticle(name: $0.key, similarity: $0.value) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.name < $1.name }
            .prefix(limit).map { $0 }
    }
}
