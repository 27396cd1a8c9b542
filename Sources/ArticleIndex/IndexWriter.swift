import CSQLite
import ArticleAnalysis

/// The writing side of the index: one connection and its compiled statements, owned together
/// (`~Copyable`; `ArticleIndex` keeps it behind a mutex, so one thread at a time uses it).
struct IndexWriter: ~Copyable {
    let db: SQLiteConnection
    /// The schema version the file had, when it was older than this build's (see `IndexSchema`).
    let migratedFrom: Int?
    private let articleExists: SQLiteStatement
    private let insertArticle: SQLiteStatement
    private let insertSignature: SQLiteStatement
    private let insertText: SQLiteStatement
    private let linker: EntityLinker
    private let insertMention: SQLiteStatement
    private let insertQuote: SQLiteStatement
    private let insertDuplicate: SQLiteStatement

    /// Opens or creates the index at `path`: WAL journal, schema brought up to date.
    init(path: String) throws(SQLiteError) {
        let db = try SQLiteConnection(path: path)
        // WAL: readers (`articled query`) never block the daemon. synchronous=NORMAL: a commit
        // is not fsynced, so a power cut may lose the last transactions, never corrupt the
        // file; recovery re-indexes from the outbox whatever is missing.
        // cache_size 32 MiB (default 2 MiB): the B-tree pages that lookups and inserts touch stay
        // in memory instead of being read again with one pread each. wal_autocheckpoint 8192 pages
        // (32 MiB; default 1000): pages that batch after batch rewrite (FTS5 segments, B-tree
        // interior pages) are copied into the database once per checkpoint, not once per 4 MiB.
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 8192")
        let found = try IndexSchema.migrate(db)
        let articleExists = try db.prepare("SELECT id FROM articles WHERE result = ?")
        let insertArticle = try db.prepare("""
            INSERT INTO articles(result, name, sha256, title, published, received, language, text, keyphrases)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertSignature = try db.prepare("INSERT INTO signatures(article, name, sha256, signature) VALUES(?, ?, ?, ?)")
        let insertText = try db.prepare("INSERT INTO article_text(rowid, title, text) VALUES(?, ?, ?)")
        let linker = try EntityLinker(db)
        let insertMention = try db.prepare("INSERT OR REPLACE INTO mentions(article, local_id, entity, type, name, aliases, count) VALUES(?, ?, ?, ?, ?, ?, ?)")
        let insertQuote = try db.prepare("INSERT INTO quotes(article, position, kind, text, speaker_local, speaker_name, cue) VALUES(?, ?, ?, ?, ?, ?, ?)")
        let insertDuplicate = try db.prepare("INSERT INTO duplicates(article, position, name, similarity) VALUES(?, ?, ?, ?)")
        self.articleExists = articleExists
        self.insertArticle = insertArticle
        self.insertSignature = insertSignature
        self.insertText = insertText
        self.linker = linker
        self.insertMention = insertMention
        self.insertQuote = insertQuote
        self.insertDuplicate = insertDuplicate
        migratedFrom = found > 0 && found < IndexSchema.version ? found : nil
        self.db = db
    }

    // MARK: Writing

    /// Runs `body` in a transaction; when it is rolled back, the entity linker forgets what it
    /// had cached of it.
    func transaction<R>(_ body: () throws(SQLiteError) -> R) throws(SQLiteError) -> R {
        do { return try db.transaction(body) } catch {
            linker.forget()
            throw error
        }
    }

    /// Records `articles` in one transaction: each one's id, nil when its result was there.
    func recordAll(_ articles: some Sequence<IndexedArticle>) throws(SQLiteError) -> [Int64?] {
        try transaction { () throws(SQLiteError) -> [Int64?] in
            var ids: [Int64?] = []
            for article in articles { ids.append(try record(article)) }
            return ids
        }
    }

    /// Records one article unless its result is already there; returns its id when it was
    /// added, nil when it was there. The caller holds a transaction.
    func record(_ article: IndexedArticle) throws(SQLiteError) -> Int64? {
        articleExists.reset()
        articleExists.bind(1, article.result)
        let exists = try articleExists.step()
        articleExists.reset()  // a statement left on a row holds a read snapshot: the WAL could never be checkpointed
        if exists { return nil }
        try insertArticle.run(text: article.text, at: 8) { s in
            s.bind(1, article.result); s.bind(2, article.name); s.bind(3, article.sha256); s.bind(4, article.title)
            s.bind(5, article.published); s.bind(6, article.received); s.bind(7, article.language)
            s.bind(9, IndexedArticle.packed(article.keyphrases))
        }
        let id = db.lastInsertRowID
        try insertSignature.run { s in s.bind(1, id); s.bind(2, article.name); s.bind(3, article.sha256); s.bind(4, blob: article.signature.bytes) }
        try insertText.run(text: article.text, at: 3) { s in s.bind(1, id); s.bind(2, article.title) }
        var touched = Set<String>()
        for entity in article.entities {
            let group = try linker.link(entity, touched: &touched)
            try insertMention.run { s in
                s.bind(1, id); s.bind(2, entity.localID); s.bind(3, group); s.bind(4, entity.type); s.bind(5, entity.name)
                s.bind(6, entity.aliases.joined(separator: "\u{1F}")); s.bind(7, entity.mentionCount)
            }
        }
        try linker.resolve(touched)
        for (position, quote) in article.quotes.enumerated() {
            try insertQuote.run { s in
                s.bind(1, id); s.bind(2, position); s.bind(3, quote.kind); s.bind(4, quote.text)
                s.bind(5, quote.speakerEntity); s.bind(6, quote.speakerName); s.bind(7, quote.cue)
            }
        }
        for (position, duplicate) in article.duplicates.enumerated() {
            try insertDuplicate.run { s in s.bind(1, id); s.bind(2, position); s.bind(3, duplicate.name); s.bind(4, duplicate.similarity) }
        }
        return id
    }

    /// Removes the article whose result is `result` and everything filed under it; entities
    /// left without any mention go too. Returns whether it was there. The caller holds a transaction.
    func remove(result: String) throws(SQLiteError) -> Bool {
        articleExists.reset()
        articleExists.bind(1, result)
        guard try articleExists.step() else { return false }
        let id = articleExists.int(0)
        articleExists.reset()
        let row = try db.prepare("SELECT title, text FROM articles WHERE id = ?")
        row.bind(1, id)
        if try row.step() {
            let delete = try db.prepare("INSERT INTO article_text(article_text, rowid, title, text) VALUES('delete', ?, ?, ?)")
            try delete.run { s in s.bind(1, id); s.bind(2, row.text(0)); s.bind(3, row.text(1)) }
        }
        let signature = try db.prepare("DELETE FROM signatures WHERE article = ?")
        try signature.run { s in s.bind(1, id) }
        for table in ["mentions", "quotes", "duplicates"] {
            let statement = try db.prepare("DELETE FROM \(table) WHERE article = ?")
            try statement.run { s in s.bind(1, id) }
        }
        let article = try db.prepare("DELETE FROM articles WHERE id = ?")
        try article.run { s in s.bind(1, id) }
        return true
    }

    /// Links every article entity again from scratch (after removals: a group that a removed
    /// article tied together must come apart). Linking does not depend on order, so this gives
    /// what indexing the remaining articles afresh would.
    func relinkAll() throws(SQLiteError) {
        linker.forget()
        try db.execute("DELETE FROM entity_names; DELETE FROM entities; UPDATE mentions SET entity = -1")
        let rows = try db.prepare("SELECT article, local_id, type, name, aliases, count FROM mentions")
        var entries: [(article: Int64, entity: IndexedArticle.ArticleEntity)] = []
        while try rows.step() {
            let aliases = (rows.text(4) ?? "").split(separator: "\u{1F}").map(String.init)
            entries.append((rows.int(0), .init(localID: rows.text(1) ?? "", type: rows.text(2) ?? "", name: rows.text(3) ?? "",
                                               aliases: aliases, mentionCount: Int(rows.int(5)))))
        }
        let update = try db.prepare("UPDATE mentions SET entity = ? WHERE article = ? AND local_id = ?")
        var touched = Set<String>()
        for entry in entries {
            let group = try linker.link(entry.entity, touched: &touched)
            try update.run { s in s.bind(1, group); s.bind(2, entry.article); s.bind(3, entry.entity.localID) }
        }
        try linker.resolve(touched)
    }

    /// Frees what SQLite holds that no statement uses now: the page cache's pages, which a long
    /// article's text and full-text segment filled (`sqlite3_db_release_memory`; the next writes
    /// read their pages again). Between transactions.
    func releaseMemory() { _ = sqlite3_db_release_memory(db.handle) }

    // MARK: Near-duplicates

    /// The in-memory near-duplicate table of every stored signature (at open, and after removals).
    func loadNearDuplicateTable() throws(SQLiteError) -> NearDuplicateTable {
        var table = NearDuplicateTable()
        let rows = try db.prepare("SELECT article, name, sha256, signature FROM signatures ORDER BY article")
        while try rows.step() {
            _ = table.add(signature: MinHashSignature(bytes: rows.blob(3)) ?? .empty, sha256: rows.text(2) ?? "", name: rows.text(1) ?? "", article: rows.int(0))
        }
        return table
    }

    /// The result names of every indexed article.
    func resultNames() throws(SQLiteError) -> Set<String> {
        let statement = try db.prepare("SELECT result FROM articles")
        var names = Set<String>()
        while try statement.step() { if let name = statement.text(0) { names.insert(name) } }
        return names
    }
}
