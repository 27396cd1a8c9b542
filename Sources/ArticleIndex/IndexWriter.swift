import ArticleAnalysis

/// The writing side of the index: one connection and its compiled statements, owned together
/// (`~Copyable`; `ArticleIndex` keeps it behind a mutex, so one thread at a time uses it).
struct IndexWriter: ~Copyable {
    let db: SQLiteConnection
    private let articleExists: SQLiteStatement
    private let insertArticle: SQLiteStatement
    private let insertText: SQLiteStatement
    private let insertBucket: SQLiteStatement
    private let linker: EntityLinker
    private let insertMention: SQLiteStatement
    private let insertQuote: SQLiteStatement
    private let insertKeyphrase: SQLiteStatement
    private let insertDuplicate: SQLiteStatement
    private let findBySha: SQLiteStatement
    private let findBucket: SQLiteStatement
    private let findSignature: SQLiteStatement
    private let begin: SQLiteStatement
    private let commit: SQLiteStatement

    /// Opens or creates the index at `path`: WAL journal, schema brought up to date.
    init(path: String) throws(SQLiteError) {
        let db = try SQLiteConnection(path: path)
        // WAL: readers (`articled query`) never block the daemon. synchronous=NORMAL: a commit
        // is not fsynced, so a power cut may lose the last transactions, never corrupt the
        // file; recovery re-indexes from the outbox whatever is missing.
        // cache_size 32 MiB (default 2 MiB): the B-tree pages that lookups and inserts touch stay
        // in memory instead of being read again with one pread each.
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768")
        try IndexSchema.migrate(db)
        let articleExists = try db.prepare("SELECT id FROM articles WHERE result = ?")
        let insertArticle = try db.prepare("""
            INSERT INTO articles(result, name, sha256, title, published, received, language, text, signature)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertText = try db.prepare("INSERT INTO article_text(rowid, title, text) VALUES(?, ?, ?)")
        let insertBucket = try db.prepare("INSERT OR IGNORE INTO lsh(bucket, article) VALUES(?, ?)")
        let linker = try EntityLinker(db)
        let insertMention = try db.prepare("INSERT OR REPLACE INTO mentions(article, local_id, entity, type, name, aliases, count) VALUES(?, ?, ?, ?, ?, ?, ?)")
        let insertQuote = try db.prepare("INSERT INTO quotes(article, position, kind, text, speaker_local, speaker_name, cue) VALUES(?, ?, ?, ?, ?, ?, ?)")
        let insertKeyphrase = try db.prepare("INSERT INTO keyphrases(article, position, text, score) VALUES(?, ?, ?, ?)")
        let insertDuplicate = try db.prepare("INSERT INTO duplicates(article, position, name, similarity) VALUES(?, ?, ?, ?)")
        let findBySha = try db.prepare("SELECT name FROM articles WHERE sha256 = ? ORDER BY id")
        let findBucket = try db.prepare("SELECT article FROM lsh WHERE bucket = ?")
        let findSignature = try db.prepare("SELECT name, signature, sha256 FROM articles WHERE id = ?")
        let begin = try db.prepare("BEGIN")
        let commit = try db.prepare("COMMIT")
        self.articleExists = articleExists
        self.insertArticle = insertArticle
        self.insertText = insertText
        self.insertBucket = insertBucket
        self.linker = linker
        self.insertMention = insertMention
        self.insertQuote = insertQuote
        self.insertKeyphrase = insertKeyphrase
        self.insertDuplicate = insertDuplicate
        self.findBySha = findBySha
        self.findBucket = findBucket
        self.findSignature = findSignature
        self.begin = begin
        self.commit = commit
        self.db = db
    }

    // MARK: Writing

    /// Records one article unless its result is already there; returns whether it was added.
    /// The caller holds a transaction.
    func record(_ article: IndexedArticle) throws(SQLiteError) -> Bool {
        articleExists.reset()
        articleExists.bind(1, article.result)
        let exists = try articleExists.step()
        articleExists.reset()  // a statement left on a row holds a read snapshot: the WAL could never be checkpointed
        if exists { return false }
        try insertArticle.run { s in
            s.bind(1, article.result); s.bind(2, article.name); s.bind(3, article.sha256); s.bind(4, article.title)
            s.bind(5, article.published); s.bind(6, article.received); s.bind(7, article.language); s.bind(8, article.text)
            s.bind(9, blob: article.signature.bytes)
        }
        let id = db.lastInsertRowID
        try insertText.run { s in s.bind(1, id); s.bind(2, article.title); s.bind(3, article.text) }
        if !article.signature.isEmpty {
            for key in article.signature.bandKeys { try insertBucket.run { s in s.bind(1, key); s.bind(2, id) } }
        }
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
        for (position, phrase) in article.keyphrases.enumerated() {
            try insertKeyphrase.run { s in s.bind(1, id); s.bind(2, position); s.bind(3, phrase.text); s.bind(4, phrase.score) }
        }
        for (position, duplicate) in article.duplicates.enumerated() {
            try insertDuplicate.run { s in s.bind(1, id); s.bind(2, position); s.bind(3, duplicate.name); s.bind(4, duplicate.similarity) }
        }
        return true
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
        for table in ["mentions", "quotes", "keyphrases", "duplicates", "lsh"] {
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

    // MARK: Near-duplicates

    /// Earlier articles with the same SHA-256 (similarity 1) or whose signature agrees with
    /// `signature` on at least `threshold` of its values, most similar first, at most `limit`.
    func duplicates(of signature: MinHashSignature, sha256: String, threshold: Double, limit: Int) throws(SQLiteError) -> [DuplicateArticle] {
        // One read transaction for the ~35 statements of a lookup: outside one, each statement
        // takes and drops the file's shared lock (fcntl system calls) on its own.
        try begin.run()
        defer { try? commit.run() }
        var found: [String: Double] = [:]
        findBySha.reset()
        findBySha.bind(1, sha256)
        while try findBySha.step() { if let name = findBySha.text(0) { found[name] = 1 } }
        if !signature.isEmpty {
            var candidates = Set<Int64>()
            for key in signature.bandKeys {
                findBucket.reset()
                findBucket.bind(1, key)
                while try findBucket.step() { candidates.insert(findBucket.int(0)) }
            }
            for id in candidates {
                findSignature.reset()
                findSignature.bind(1, id)
                guard try findSignature.step(), let name = findSignature.text(0),
                      let other = MinHashSignature(bytes: findSignature.blob(1)) else { findSignature.reset(); continue }
                let similarity = findSignature.text(2) == sha256 ? 1 : signature.similarity(to: other)
                findSignature.reset()
                if similarity >= threshold { found[name] = max(found[name] ?? 0, similarity) }
            }
        }
        findBySha.reset()
        findBucket.reset()
        return found.map { DuplicateArticle(name: $0.key, similarity: $0.value) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.name < $1.name }
            .prefix(limit).map { $0 }
    }

    /// The result names of every indexed article.
    func resultNames() throws(SQLiteError) -> Set<String> {
        let statement = try db.prepare("SELECT result FROM articles")
        var names = Set<String>()
        while try statement.step() { if let name = statement.text(0) { names.insert(name) } }
        return names
    }
}
