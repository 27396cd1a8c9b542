/// What `EntityLinker` knows it has filed, so that an entity whose names are all filed already
/// (the same people, places and organisations recur in article after article) is linked
/// without SQL: no group look-up, no name upserts, no rename.
///
/// Every value mirrors the database or is a safe bound of it:
/// - `groups`: the one group filed under a look-up key (`EntityLinker` keeps one group per key,
///   kind and type: an entity that meets several merges them);
/// - `spellings`: for a key, kind and group, a spelling at or above the least one filed (the
///   upsert keeps the least: a name not below it changes nothing);
/// - `names`: for a group, a name at or below its display name in the rename order (longest,
///   then least: a name not above it changes nothing).
/// - `linked`: an article entity (type, name, aliases) linked already, and its group: linking
///   the same again files nothing new, so it is not even keyed again.
/// A merge, a relink or a rolled-back transaction clears it all; so does growing past
/// `capacity` entries (a long-running daemon indexing ever new names).
final class EntityLinkCache {
    struct GroupKey: Hashable {
        var type: String
        var multiword: Bool
        var key: String
    }

    struct SpellingKey: Hashable {
        var group: Int64
        var multiword: Bool
        var key: String
    }

    struct EntityKey: Hashable {
        var type: String
        var names: [String]
    }

    var linked: [EntityKey: Int64] = [:]
    var groups: [GroupKey: Int64] = [:]
    var spellings: [SpellingKey: String] = [:]
    var names: [Int64: String] = [:]
    let capacity: Int

    init(capacity: Int = 200_000) { self.capacity = capacity }

    func clear() {
        linked.removeAll()
        groups.removeAll()
        spellings.removeAll()
        names.removeAll()
    }

    /// Clears when full.
    func makeRoom() {
        if linked.count + groups.count + spellings.count + names.count > capacity { clear() }
    }

    /// SQLite's order of text (BINARY collation: bytes of UTF-8, a prefix first).
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// True when `candidate` would replace `name` as an entity's display name (the rename rule of
    /// `EntityLinker`: more characters, or as many and less).
    static func renames(_ name: String, with candidate: String) -> Bool {
        let a = candidate.unicodeScalars.count, b = name.unicodeScalars.count
        return a > b || (a == b && precedes(candidate, name))
    }
}
