extension IndexReader {
    /// The index's content as sorted text lines, independent of row ids and insertion order, so
    /// two indexes can be compared (`articled query dump`; the reindex and crash tests): articles
    /// with their fields, each article entity with the set of article entities it is linked to
    /// (the partition, named by its first member), names, quotes, keyphrases and duplicates
    /// (the LSH buckets are derived from the signatures, in memory).
    public func dump() throws(SQLiteError) -> [String] {
        var lines: [String] = []
        let articles = try db.prepare("""
            SELECT a.result, a.name, a.sha256, a.title, a.published, a.received, a.language, a.text, hex(s.signature) || ' ' || s.name || ' ' || s.sha256
            FROM articles a LEFT JOIN signatures s ON s.article = a.id
            """)
        while try articles.step() {
            let fields = (0..<9).map { articles.text(Int32($0)) ?? "∅" }
            lines.append("article\t" + fields.map(Self.escape).joined(separator: "\t"))
        }
        // Each global entity is named by its least member "result#local_id".
        let members = try db.prepare("""
            SELECT e.resolved, a.result || '#' || m.local_id, m.type, m.name, m.aliases, m.count
            FROM mentions m JOIN articles a ON a.id = m.article JOIN entities e ON e.id = m.entity
            """)
        var rows: [(entity: Int64, member: String, rest: String)] = []
        var label: [Int64: String] = [:]
        while try members.step() {
            let member = members.text(1) ?? ""
            let entity = members.int(0)
            rows.append((entity, member, [members.text(2), members.text(3), members.text(4)].map { Self.escape($0 ?? "∅") }.joined(separator: "\t") + "\t\(members.int(5))"))
            if label[entity].map({ member < $0 }) ?? true { label[entity] = member }
        }
        for row in rows { lines.append("mention\t\(Self.escape(row.member))\t\(row.rest)\tentity=\(Self.escape(label[row.entity] ?? "?"))") }
        let names = try db.prepare("SELECT e.resolved, n.key, n.kind, n.name FROM entity_names n JOIN entities e ON e.id = n.entity")
        while try names.step() {
            lines.append("name\t\(Self.escape(label[names.int(0)] ?? "orphan"))\t\(Self.escape(names.text(1) ?? ""))\t\(names.text(2) ?? "")\t\(Self.escape(names.text(3) ?? ""))")
        }
        let entities = try db.prepare("SELECT resolved, type, name, multiword FROM entities")
        while try entities.step() {
            lines.append("entity\t\(Self.escape(label[entities.int(0)] ?? "orphan"))\t\(entities.text(1) ?? "")\t\(Self.escape(entities.text(2) ?? ""))\t\(entities.int(3))")
        }
        let quotes = try db.prepare("SELECT a.result, q.position, q.kind, q.text, q.speaker_local, q.speaker_name, q.cue FROM quotes q JOIN articles a ON a.id = q.article")
        while try quotes.step() {
            let speaker = quotes.text(4) ?? "∅"
            lines.append("quote\t" + [quotes.text(0) ?? "", "\(quotes.int(1))", quotes.text(2) ?? "", quotes.text(3) ?? "", speaker, quotes.text(5) ?? "∅", quotes.text(6) ?? "∅"].map(Self.escape).joined(separator: "\t"))
        }
        let keyphrases = try db.prepare("SELECT result, keyphrases FROM articles")
        while try keyphrases.step() {
            for (position, phrase) in IndexedArticle.unpacked(keyphrases.text(1) ?? "").enumerated() {
                lines.append("keyphrases\t\(Self.escape(keyphrases.text(0) ?? ""))\t\(position)\t\(Self.escape(phrase.text))\t\(phrase.score)")
            }
        }
        let duplicates = try db.prepare("SELECT a.result, x.position, x.name, x.similarity FROM duplicates x JOIN articles a ON a.id = x.article")
        while try duplicates.step() {
            lines.append("duplicates\t\(Self.escape(duplicates.text(0) ?? ""))\t\(duplicates.int(1))\t\(Self.escape(duplicates.text(2) ?? ""))\t\(duplicates.int(3))")
        }
        let text = try db.prepare("SELECT count(*) FROM article_text WHERE article_text MATCH 'the'")
        if try text.step() { lines.append("fts\tthe\t\(text.int(0))") }
        return lines.sorted()
    }

    private static func escape(_ field: String) -> String {
        field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
    }
}
