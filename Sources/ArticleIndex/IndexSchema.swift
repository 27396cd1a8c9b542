import ArticleAnalysis

/// The index's tables, versioned: `PRAGMA user_version` holds the version a file has, and
/// opening it runs the migrations above that version in order (a file from a newer articled is
/// refused rather than misread). The index is derived from the outbox, so a migration that cannot
/// keep the data may simply drop it and let recovery re-index (`articled reindex`).
enum IndexSchema {
    /// The version this build writes.
    static let version = 3

    /// `migrations[k]` takes a file from version k to k + 1.
    static let migrations: [String] = [
        """
        CREATE TABLE articles(
            id INTEGER PRIMARY KEY,
            result TEXT NOT NULL UNIQUE,      -- the result's file name in the outbox
            name TEXT NOT NULL,               -- source.name
            sha256 TEXT NOT NULL,
            title TEXT,
            published TEXT,                   -- dateline date
            received TEXT,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            signature BLOB NOT NULL           -- MinHash, 128 little-endian UInt32
        );
        CREATE INDEX articles_sha256 ON articles(sha256);
        CREATE INDEX articles_name ON articles(name);
        -- Entities across articles (see EntityLinker): a group of article entities joined by
        -- shared names, and `resolved`, the entity it is one with (itself, or the only entity
        -- with a full name that a group known by single words only can mean).
        CREATE TABLE entities(
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            multiword INTEGER NOT NULL,        -- 1: its names include a full name; 0: single words only
            resolved INTEGER
        );
        CREATE INDEX entities_resolved ON entities(resolved);
        -- Its names and aliases as normalised keys (EntityNameKey), with the least spelling seen;
        -- kind 'm' when filed by a member with a full name, 's' by one known by single words.
        CREATE TABLE entity_names(
            key TEXT NOT NULL,
            kind TEXT NOT NULL,
            entity INTEGER NOT NULL REFERENCES entities(id),
            name TEXT NOT NULL,
            PRIMARY KEY(key, kind, entity)
        ) WITHOUT ROWID;
        CREATE INDEX entity_names_entity ON entity_names(entity);
        -- An entity of one article, linked to the entity across articles.
        CREATE TABLE mentions(
            article INTEGER NOT NULL REFERENCES articles(id),
            local_id TEXT NOT NULL,
            entity INTEGER NOT NULL REFERENCES entities(id),
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,            -- the article's aliases, separated by U+001F
            count INTEGER NOT NULL,
            PRIMARY KEY(article, local_id)
        ) WITHOUT ROWID;
        CREATE INDEX mentions_entity ON mentions(entity);
        CREATE TABLE quotes(
            article INTEGER NOT NULL REFERENCES articles(id),
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            speaker_local TEXT,               -- the speaker's local_id in mentions, when an entity
            speaker_name TEXT,
            cue TEXT,
            PRIMARY KEY(article, position)
        ) WITHOUT ROWID;
        CREATE TABLE keyphrases(
            article INTEGER NOT NULL REFERENCES articles(id),
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            score INTEGER NOT NULL,           -- ten-thousandths
            PRIMARY KEY(article, position)
        ) WITHOUT ROWID;
        -- The result's `duplicates` field, as written.
        CREATE TABLE duplicates(
            article INTEGER NOT NULL REFERENCES articles(id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            similarity INTEGER NOT NULL,      -- ten-thousandths
            PRIMARY KEY(article, position)
        ) WITHOUT ROWID;
        CREATE INDEX duplicates_name ON duplicates(name);
        -- LSH buckets of the MinHash signatures: one row per band.
        CREATE TABLE lsh(
            bucket INTEGER NOT NULL,
            article INTEGER NOT NULL REFERENCES articles(id),
            PRIMARY KEY(bucket, article)
        ) WITHOUT ROWID;
        -- Full-text search over title and text; the text lives in `articles` (external content).
        CREATE VIRTUAL TABLE article_text USING fts5(title, text, content='articles', content_rowid='id');
        """,
        // 2: the LSH buckets live in memory (NearDuplicateTable), derived from the signatures,
        // which move to a narrow table of their own: loading that table reads ~0.5 KB per
        // article instead of every article's text, and checking a candidate reads one short row.
        // No index on sha256 (exact copies are found through the signature). FTS5 merges 16
        // segments of a level instead of 4: less merging per write (~20 us per article in small
        // transactions), a few more segments for a search to read.
        """
        DROP TABLE lsh;
        DROP INDEX articles_sha256;
        CREATE TABLE signatures(
            article INTEGER PRIMARY KEY,      -- articles.id
            name TEXT NOT NULL,               -- source.name, what `duplicates` lists
            sha256 TEXT NOT NULL,
            signature BLOB NOT NULL           -- MinHash, 128 little-endian UInt32
        );
        INSERT INTO signatures(article, name, sha256, signature) SELECT id, name, sha256, signature FROM articles ORDER BY id;
        ALTER TABLE articles DROP COLUMN signature;
        INSERT INTO article_text(article_text, rank) VALUES('automerge', 16);
        """,
        // 3: signatures by one-permutation hashing (`MinHashSignature`): the stored ones were made
        // with 128 permutations and do not compare with new ones, so `recomputeSignatures` makes
        // them again from the stored text. FTS5 keeps up to 8 MiB of pending terms in memory
        // before writing a segment (default 1 MiB): a batch of articles becomes one segment, and
        // fewer segments mean less merging. An article's keyphrases move into one column of its
        // row, "text U+001F score" joined by U+001E (no query looks them up; ten rows an article
        // cost the daemon more than the article's own row).
        """
        INSERT INTO article_text(article_text, rank) VALUES('hashsize', 8388608);
        ALTER TABLE articles ADD COLUMN keyphrases TEXT NOT NULL DEFAULT '';
        UPDATE articles SET keyphrases = coalesce((
            SELECT group_concat(text || char(31) || score, char(30))
            FROM (SELECT text, score FROM keyphrases k WHERE k.article = articles.id ORDER BY position)), '');
        DROP TABLE keyphrases;
        """,
    ]

    /// Brings the open database to `version`, in one transaction per step; returns the version
    /// it had (0 for a new file).
    @discardableResult
    static func migrate(_ db: borrowing SQLiteConnection) throws(SQLiteError) -> Int {
        let current = Int(try db.scalar("PRAGMA user_version"))
        guard current <= version else {
            throw SQLiteError(code: 1, message: "the index has schema version \(current), newer than this articled's \(version); rebuild it with `articled reindex`")
        }
        for step in current..<version {
            try db.transaction { () throws(SQLiteError) in
                try db.execute(migrations[step])
                if step + 1 == 3 { try recomputeSignatures(db) }
                try db.execute("PRAGMA user_version = \(step + 1)")
            }
        }
        return current
    }

    /// Makes every stored signature again from its article's text (schema 3's signatures).
    static func recomputeSignatures(_ db: borrowing SQLiteConnection) throws(SQLiteError) {
        let rows = try db.prepare("SELECT id, text FROM articles ORDER BY id")
        let update = try db.prepare("UPDATE signatures SET signature = ? WHERE article = ?")
        while try rows.step() {
            let id = rows.int(0)
            let signature = MinHashSignature(of: ScalarText(rows.text(1) ?? "").scalars)
            try update.run { s in s.bind(1, blob: signature.bytes); s.bind(2, id) }
        }
    }
}
