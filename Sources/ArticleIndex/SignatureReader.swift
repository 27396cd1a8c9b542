import ArticleAnalysis

/// A read-only connection to the index that reads one article's name, SHA-256 and MinHash
/// signature by id: how a near-duplicate lookup checks a candidate the in-memory table could not
/// rule out. Its own connection (WAL: it reads the last commit while the writer writes), so a
/// lookup never waits for the writer's transaction.
struct SignatureReader: ~Copyable {
    private let db: SQLiteConnection
    private let row: SQLiteStatement

    init(path: String) throws(SQLiteError) {
        let db = try SQLiteConnection(path: path, readOnly: true, create: false)
        row = try db.prepare("SELECT name, sha256, signature FROM signatures WHERE article = ?")
        self.db = db
    }

    /// The article `id`, or nil when there is none.
    func article(_ id: Int64) throws(SQLiteError) -> (name: String, sha256: String, signature: MinHashSignature)? {
        row.reset()
        row.bind(1, id)
        defer { row.reset() }  // a statement left on a row holds a read snapshot
        guard try row.step(), let name = row.text(0) else { return nil }
        return (name, row.text(1) ?? "", MinHashSignature(bytes: row.blob(2)) ?? .empty)
    }
}
