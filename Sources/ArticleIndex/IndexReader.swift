import Foundation

/// The reading side of the index, for `articled query`: a read-only connection (WAL readers
/// never block the daemon, nor it them) and one method per question.
public struct IndexReader: ~Copyable {
    let db: SQLiteConnection

    /// Opens the index at `path` for reading; fails when there is none.
    public init(path: String) throws(SQLiteError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SQLiteError(code: 14, message: "no index at \(path) (is index.enabled on, and has the daemon run? `articled reindex` builds one from the outbox)")
        }
        let connection = try SQLiteConnection(path: path, readOnly: true, create: false)
        let version = Int(try connection.scalar("PRAGMA user_version"))
        guard version == IndexSchema.version else {
            throw SQLiteError(code: 1, message: "the index at \(path) has schema version \(version), this articled reads \(IndexSchema.version); run `articled reindex`")
        }
        db = connection
    }

    // MARK: Entities

    /// An entity across articles and where it is mentioned.
    public struct EntityReport: Sendable, Equatable {
        public struct Appearance: Sendable, Equatable {
            public var result: String
            public var name: String
            public var title: String?
            /// The name the article gives the entity.
            public var nameInArticle: String
            public var mentions: Int
        }
        public var id: Int64
        public var type: String
        public var name: String
        /// Every spelling seen across articles.
        public var names: [String]
        public var articles: [Appearance]
        public var mentions: Int { articles.reduce(0) { $0 + $1.mentions } }
    }

    /// The entities `name` may mean: those filed under its full key, else (a single word) those
    /// filed under it as a surname; each as its resolved entity (see `EntityLinker`). Empty when
    /// the name is unknown.
    public func entityIDs(named name: String) throws(SQLiteError) -> [Int64] {
        let key = EntityNameKey.key(name)
        guard !key.isEmpty else { return [] }
        var ids = try entities(underKey: key)
        if ids.isEmpty, !EntityNameKey.isMultiword(key), let surname = EntityNameKey.surname(key) {
            ids = try entities(underKey: surname)
        }
        return ids
    }

    private func entities(underKey key: String) throws(SQLiteError) -> [Int64] {
        let statement = try db.prepare("""
            SELECT DISTINCT e.resolved FROM entity_names n JOIN entities e ON e.id = n.entity WHERE n.key = ? ORDER BY e.resolved
            """)
        statement.bind(1, key)
        var ids: [Int64] = []
        while try statement.step() { ids.append(statement.int(0)) }
        return ids
    }

    /// The groups that are one entity with the resolved entity `id` (itself included).
    static let members = "SELECT id FROM entities WHERE resolved = ?"

    /// One report per entity `name` may mean (see `entityIDs(named:)`), most mentioned first.
    public func entity(named name: String, limit: Int = 50) throws(SQLiteError) -> [EntityReport] {
        var reports: [EntityReport] = []
        for id in try entityIDs(named: name) {
            let head = try db.prepare("SELECT type, name FROM entities WHERE id = ?")
            head.bind(1, id)
            guard try head.step() else { continue }
            var report = EntityReport(id: id, type: head.text(0) ?? "", name: head.text(1) ?? "", names: [], articles: [])
            report.names = try names(of: id)
            let rows = try db.prepare("""
                SELECT a.result, a.name, a.title, m.name, m.count FROM mentions m JOIN articles a ON a.id = m.article
                WHERE m.entity IN (\(Self.members)) ORDER BY m.count DESC, a.id LIMIT ?
                """)
            rows.bind(1, id); rows.bind(2, limit)
            while try rows.step() {
                report.articles.append(.init(result: rows.text(0) ?? "", name: rows.text(1) ?? "", title: rows.text(2),
                                             nameInArticle: rows.text(3) ?? "", mentions: Int(rows.int(4))))
            }
            reports.append(report)
        }
        return reports.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.id < $1.id }
    }

    /// Every spelling filed under an entity (surname keys aside), its name first.
    func names(of id: Int64) throws(SQLiteError) -> [String] {
        let statement = try db.prepare("""
            SELECT n.name FROM entity_names n JOIN entities e ON e.id = n.entity
            WHERE n.entity IN (\(Self.members)) AND n.key NOT LIKE '~%' ORDER BY n.name != e.name, n.key
            """)
        statement.bind(1, id)
        var names: [String] = []
        while try statement.step() { if let name = statement.text(0), !names.contains(name) { names.append(name) } }
        return names
    }

    // MARK: Quotes

    public struct QuoteRow: Sendable, Equatable {
        public var result: String
        public var name: String
        public var kind: String
        public var text: String
        public var speaker: String?
        public var cue: String?
    }

    /// Quotes whose speaker is one of `entities`.
    public func quotes(bySpeakers entities: [Int64], limit: Int = 200) throws(SQLiteError) -> [QuoteRow] {
        var rows: [QuoteRow] = []
        let statement = try db.prepare("""
            SELECT a.result, a.name, q.kind, q.text, q.speaker_name, q.cue FROM mentions m
            JOIN quotes q ON q.article = m.article AND q.speaker_local = m.local_id JOIN articles a ON a.id = q.article
            WHERE m.entity IN (\(Self.members)) ORDER BY a.id, q.position LIMIT ?
            """)
        for id in entities {
            statement.reset()
            statement.bind(1, id); statement.bind(2, limit)
            while try statement.step() { rows.append(Self.quote(statement)) }
        }
        return Array(rows.prefix(limit))
    }

    /// Quotes, by anyone else, that name one of `entities` (any spelling seen), in the articles
    /// that mention them.
    public func quotes(about entities: [Int64], limit: Int = 200) throws(SQLiteError) -> [QuoteRow] {
        var spellings: [String] = []
        for id in entities { spellings += try names(of: id).map { $0.lowercased() } }
        let statement = try db.prepare("""
            SELECT DISTINCT a.result, a.name, q.kind, q.text, q.speaker_name, q.cue, a.id, q.position FROM mentions m
            JOIN quotes q ON q.article = m.article JOIN articles a ON a.id = q.article
            LEFT JOIN mentions s ON s.article = q.article AND s.local_id = q.speaker_local
            LEFT JOIN entities se ON se.id = s.entity
            WHERE m.entity IN (\(Self.members)) AND (se.resolved IS NULL OR se.resolved != ?1)
            ORDER BY a.id, q.position
            """)
        var rows: [QuoteRow] = []
        for id in entities {
            statement.reset()
            statement.bind(1, id)
            while try statement.step(), rows.count < limit {
                let text = (statement.text(3) ?? "").lowercased()
                if spellings.contains(where: { Self.containsWord(text, $0) }) { rows.append(Self.quote(statement)) }
            }
        }
        return rows
    }

    private static func quote(_ s: borrowing SQLiteStatement) -> QuoteRow {
        QuoteRow(result: s.text(0) ?? "", name: s.text(1) ?? "", kind: s.text(2) ?? "", text: s.text(3) ?? "", speaker: s.text(4), cue: s.text(5))
    }

    /// True when `needle` occurs in `haystack` not inside a longer word.
    static func containsWord(_ haystack: String, _ needle: String) -> Bool {
        guard !needle.isEmpty else { return false }
        var searchRange = haystack.startIndex..<haystack.endIndex
        while let found = haystack.range(of: needle, range: searchRange) {
            let before = found.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: found.lowerBound)]
            let after = found.upperBound == haystack.endIndex ? nil : haystack[found.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            searchRange = found.upperBound..<haystack.endIndex
        }
        return false
    }

    // MARK: Full text

    public struct SearchHit: Sendable, Equatable {
        public var result: String
        public var name: String
        public var title: String?
        /// The text around the match, the matched words in [brackets].
        public var snippet: String
    }

    /// Articles whose title or text holds `phrase` (its words in order; FTS5, unicode61
    /// tokenizer: case and punctuation ignored), newest first. (Ranking every match by bm25 took
    /// 140 ms at p99 for common phrases in 100,000 articles; newest first stops at the limit.)
    public func search(_ phrase: String, limit: Int = 20) throws(SQLiteError) -> [SearchHit] {
        let quoted = "\"" + phrase.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let statement = try db.prepare("""
            SELECT a.result, a.name, a.title, snippet(article_text, 1, '[', ']', '…', 16)
            FROM article_text JOIN articles a ON a.id = article_text.rowid
            WHERE article_text MATCH ? ORDER BY article_text.rowid DESC LIMIT ?
            """)
        statement.bind(1, quoted); statement.bind(2, limit)
        var hits: [SearchHit] = []
        while try statement.step() {
            hits.append(SearchHit(result: statement.text(0) ?? "", name: statement.text(1) ?? "", title: statement.text(2), snippet: statement.text(3) ?? ""))
        }
        return hits
    }

    // MARK: Articles and duplicates

    /// The ids and result names of the articles whose input name or result name is `name`.
    public func articles(named name: String) throws(SQLiteError) -> [(id: Int64, result: String, name: String)] {
        let statement = try db.prepare("SELECT id, result, name FROM articles WHERE name = ?1 OR result = ?1 ORDER BY id")
        statement.bind(1, name)
        var found: [(id: Int64, result: String, name: String)] = []
        while try statement.step() { found.append((statement.int(0), statement.text(1) ?? "", statement.text(2) ?? "")) }
        return found
    }

    public struct DuplicateReport: Sendable, Equatable {
        public struct Pair: Sendable, Equatable {
            public var name: String
            /// Ten-thousandths.
            public var similarity: Int
        }
        public var result: String
        public var name: String
        /// Earlier articles this one repeats (its result's `duplicates`).
        public var repeats: [Pair]
        /// Later articles that list this one among their duplicates.
        public var repeatedBy: [Pair]
    }

    public func duplicates(of name: String) throws(SQLiteError) -> [DuplicateReport] {
        var reports: [DuplicateReport] = []
        for article in try articles(named: name) {
            var report = DuplicateReport(result: article.result, name: article.name, repeats: [], repeatedBy: [])
            let earlier = try db.prepare("SELECT name, similarity FROM duplicates WHERE article = ? ORDER BY position")
            earlier.bind(1, article.id)
            while try earlier.step() { report.repeats.append(.init(name: earlier.text(0) ?? "", similarity: Int(earlier.int(1)))) }
            let later = try db.prepare("""
                SELECT a.name, d.similarity FROM duplicates d JOIN articles a ON a.id = d.article
                WHERE d.name = ? ORDER BY d.similarity DESC, a.id
                """)
            later.bind(1, article.name)
            while try later.step() { report.repeatedBy.append(.init(name: later.text(0) ?? "", similarity: Int(later.int(1)))) }
            reports.append(report)
        }
        return reports
    }

    // MARK: Statistics

    public struct Statistics: Sendable, Equatable {
        public var schemaVersion: Int
        public var articles: Int
        public var entities: Int
        public var names: Int
        public var quotes: Int
        public var keyphrases: Int
        public var articlesWithDuplicates: Int
        public var bytes: Int
    }

    public func statistics(path: String) throws(SQLiteError) -> Statistics {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return Statistics(
            schemaVersion: Int(try db.scalar("PRAGMA user_version")),
            articles: Int(try db.scalar("SELECT count(*) FROM articles")),
            entities: Int(try db.scalar("SELECT count(*) FROM entities")),
            names: Int(try db.scalar("SELECT count(*) FROM entity_names WHERE key NOT LIKE '~%'")),
            quotes: Int(try db.scalar("SELECT count(*) FROM quotes")),
            // Items in the packed column: its U+001E separators, plus one when it is not empty.
            keyphrases: Int(try db.scalar("SELECT coalesce(sum(length(keyphrases) - length(replace(keyphrases, char(30), '')) + (keyphrases != '')), 0) FROM articles")),
            articlesWithDuplicates: Int(try db.scalar("SELECT count(DISTINCT article) FROM duplicates")),
            bytes: bytes + wal
        )
    }
}
