/// Links each article's entities to entities across articles: conservatively, by name, alias and
/// type, and so that the result does not depend on the order articles came in (a rebuild from
/// the outbox gives the same entities as the daemon did live).
///
/// An article entity is filed under keys (`EntityNameKey`): its name and the aliases that are
/// short forms of it ("al-Julani" of "Abu Mohammed al-Julani", "IS" of "Islamic State"), and for
/// a person their surnames. Then:
/// - **Groups.** Article entities of one type are one group when they share a full-name key
///   (two or more words), or when both are known by single words only and share one of those
///   ("US" and "US"). A group is a connected component of that relation: a new article entity
///   that ties two groups merges them, whatever came first.
/// - **Resolution.** A group known by single words only ("Julani", "Trump", "IS") is one with the
///   group that has a full name and the same word among its short forms or surnames, when there
///   is exactly one such group of its type; with two ("Smith": John Smith and Jane Smith) it
///   stays apart. This is recomputed for every group whose words an article touches, so it always
///   reflects every article indexed, not those that happened to come first.
///
/// Within an article the pipeline has already tied the forms it saw together ("al-Julani" is an
/// alias of "Abu Mohammed al-Julani"), which is what lets a later article's "Julani" find him.
struct EntityLinker: ~Copyable {
    private let findGroups: SQLiteStatement
    private let insertEntity: SQLiteStatement
    private let insertName: SQLiteStatement
    private let renameEntity: SQLiteStatement
    private let entityName: SQLiteStatement
    private let keysOf: SQLiteStatement
    private let moveMentions: SQLiteStatement
    private let moveNames: SQLiteStatement
    private let deleteNames: SQLiteStatement
    private let repoint: SQLiteStatement
    private let deleteEntity: SQLiteStatement
    private let singleGroups: SQLiteStatement
    private let fullGroupsFor: SQLiteStatement
    private let setResolved: SQLiteStatement
    private let connection: OpaquePointer
    private let cache = EntityLinkCache()

    init(_ db: borrowing SQLiteConnection) throws(SQLiteError) {
        let findGroups = try db.prepare("""
            SELECT DISTINCT n.entity FROM entity_names n JOIN entities e ON e.id = n.entity
            WHERE n.key = ? AND n.kind = ? AND e.type = ?
            """)
        let insertEntity = try db.prepare("INSERT INTO entities(type, name, multiword, resolved) VALUES(?, ?, ?, NULL)")
        // A key keeps the least spelling filed under it, an entity the longest of its names (then
        // the least): what they show does not depend on the order articles came in.
        let insertName = try db.prepare("""
            INSERT INTO entity_names(key, kind, entity, name) VALUES(?, ?, ?, ?)
            ON CONFLICT(key, kind, entity) DO UPDATE SET name = excluded.name WHERE excluded.name < name
            """)
        let renameEntity = try db.prepare("""
            UPDATE entities SET name = ?2
            WHERE id = ?1 AND (length(?2) > length(name) OR (length(?2) = length(name) AND ?2 < name))
            """)
        let entityName = try db.prepare("SELECT name FROM entities WHERE id = ?")
        let keysOf = try db.prepare("SELECT key FROM entity_names WHERE entity = ?")
        let moveMentions = try db.prepare("UPDATE mentions SET entity = ?1 WHERE entity = ?2")
        let moveNames = try db.prepare("""
            INSERT INTO entity_names(key, kind, entity, name) SELECT key, kind, ?1, name FROM entity_names WHERE entity = ?2
            ON CONFLICT(key, kind, entity) DO UPDATE SET name = excluded.name WHERE excluded.name < name
            """)
        let deleteNames = try db.prepare("DELETE FROM entity_names WHERE entity = ?")
        let repoint = try db.prepare("UPDATE entities SET resolved = ?1 WHERE resolved = ?2")
        let deleteEntity = try db.prepare("DELETE FROM entities WHERE id = ?")
        let singleGroups = try db.prepare("SELECT DISTINCT entity FROM entity_names WHERE key = ? AND kind = 's'")
        let fullGroupsFor = try db.prepare("""
            SELECT DISTINCT n2.entity FROM entity_names n1
            JOIN entity_names n2 ON n2.key = n1.key AND n2.kind = 'm'
            JOIN entities e1 ON e1.id = n1.entity JOIN entities e2 ON e2.id = n2.entity
            WHERE n1.entity = ? AND n1.kind = 's' AND e2.type = e1.type
            """)
        let setResolved = try db.prepare("UPDATE entities SET resolved = ?1 WHERE id = ?2")
        self.findGroups = findGroups
        self.insertEntity = insertEntity
        self.insertName = insertName
        self.renameEntity = renameEntity
        self.entityName = entityName
        self.keysOf = keysOf
        self.moveMentions = moveMentions
        self.moveNames = moveNames
        self.deleteNames = deleteNames
        self.repoint = repoint
        self.deleteEntity = deleteEntity
        self.singleGroups = singleGroups
        self.fullGroupsFor = fullGroupsFor
        self.setResolved = setResolved
        connection = db.handle
    }

    /// The group `entity` belongs to (created, or merged from the groups it ties), with its
    /// names filed. Adds to `touched` the keys whose resolution may have changed. What is known
    /// filed already (`EntityLinkCache`) is not asked or written again.
    func link(_ entity: IndexedArticle.ArticleEntity, touched: inout Set<String>) throws(SQLiteError) -> Int64 {
        cache.makeRoom()
        let seen = EntityLinkCache.EntityKey(type: entity.type, names: entity.names)
        if let group = cache.linked[seen] { return group }
        let keys = EntityNameKey.keys(names: entity.names, type: entity.type)
        let multiword = keys.full.contains(where: EntityNameKey.isMultiword)
        let kind = multiword ? "m" : "s"
        let lookups = multiword ? keys.full.filter(EntityNameKey.isMultiword) : keys.full + keys.surnames
        var groups = Set<Int64>()
        for key in lookups {
            let known = EntityLinkCache.GroupKey(type: entity.type, multiword: multiword, key: key)
            if let group = cache.groups[known] { groups.insert(group); continue }
            findGroups.reset()
            findGroups.bind(1, key); findGroups.bind(2, kind); findGroups.bind(3, entity.type)
            var found: [Int64] = []
            while try findGroups.step() { found.append(findGroups.int(0)) }
            if found.count == 1 { cache.groups[known] = found[0] }
            groups.formUnion(found)
        }
        let group: Int64
        if let survivor = groups.min() {
            group = survivor
            if groups.count > 1 {
                cache.clear()
                for absorbed in groups where absorbed != survivor { try merge(absorbed, into: survivor, touched: &touched) }
            }
            if cache.names[group].map({ EntityLinkCache.renames($0, with: entity.name) }) ?? true {
                try renameEntity.run { s in s.bind(1, group); s.bind(2, entity.name) }
                // Changed: the name is the display name; unchanged: the display name is at least as good.
                cache.names[group] = entity.name
            }
        } else {
            try insertEntity.run { s in s.bind(1, entity.type); s.bind(2, entity.name); s.bind(3, multiword ? 1 : 0) }
            group = sqlite3LastInsertRowID()
            try setResolved.run { s in s.bind(1, group); s.bind(2, group) }
            cache.names[group] = entity.name
        }
        for key in lookups { cache.groups[EntityLinkCache.GroupKey(type: entity.type, multiword: multiword, key: key)] = group }
        for name in entity.names {
            let key = EntityNameKey.key(name)
            guard keys.full.contains(key) else { continue }
            try file(key, kind: kind, multiword: multiword, group: group, spelling: name, touched: &touched)
        }
        for key in keys.surnames {
            try file(key, kind: kind, multiword: multiword, group: group, spelling: entity.name, touched: &touched)
        }
        cache.linked[seen] = group
        return group
    }

    /// Files `spelling` under `key` for `group`, unless the cache shows it would change nothing.
    private func file(_ key: String, kind: String, multiword: Bool, group: Int64, spelling: String, touched: inout Set<String>) throws(SQLiteError) {
        let known = EntityLinkCache.SpellingKey(group: group, multiword: multiword, key: key)
        if let filed = cache.spellings[known], !EntityLinkCache.precedes(spelling, filed) { return }
        try insertName.run { s in s.bind(1, key); s.bind(2, kind); s.bind(3, group); s.bind(4, spelling) }
        if sqliteChanges(connection) > 0 { touched.insert(key) }  // a new filing can change a resolution
        // Changed: `spelling` is the one filed; unchanged: the one filed is at most `spelling`.
        cache.spellings[known] = spelling
    }

    /// Forgets what the cache knows (after a rolled-back transaction or a relink).
    func forget() { cache.clear() }

    /// Moves everything of group `absorbed` into `survivor` and deletes it.
    private func merge(_ absorbed: Int64, into survivor: Int64, touched: inout Set<String>) throws(SQLiteError) {
        keysOf.reset()
        keysOf.bind(1, absorbed)
        while try keysOf.step() { if let key = keysOf.text(0) { touched.insert(key) } }
        entityName.reset()
        entityName.bind(1, absorbed)
        let name = try entityName.step() ? entityName.text(0) : nil
        entityName.reset()
        try moveMentions.run { s in s.bind(1, survivor); s.bind(2, absorbed) }
        try moveNames.run { s in s.bind(1, survivor); s.bind(2, absorbed) }
        try deleteNames.run { s in s.bind(1, absorbed) }
        try repoint.run { s in s.bind(1, survivor); s.bind(2, absorbed) }
        try deleteEntity.run { s in s.bind(1, absorbed) }
        if let name { try renameEntity.run { s in s.bind(1, survivor); s.bind(2, name) } }
    }

    /// Recomputes `resolved` for every single-word group filed under one of `keys`.
    func resolve(_ keys: Set<String>) throws(SQLiteError) {
        var groups = Set<Int64>()
        for key in keys where !EntityNameKey.isMultiword(key) {
            singleGroups.reset()
            singleGroups.bind(1, key)
            while try singleGroups.step() { groups.insert(singleGroups.int(0)) }
        }
        for group in groups.sorted() {
            fullGroupsFor.reset()
            fullGroupsFor.bind(1, group)
            var full: [Int64] = []
            while try fullGroupsFor.step() { full.append(fullGroupsFor.int(0)) }
            try setResolved.run { s in s.bind(1, full.count == 1 ? full[0] : group); s.bind(2, group) }
        }
    }

    private func sqlite3LastInsertRowID() -> Int64 { sqliteLastInsertRowID(connection) }
}
