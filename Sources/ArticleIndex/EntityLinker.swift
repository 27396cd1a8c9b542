/// How an article's entity is linked to an entity across articles: conservatively, by name,
/// alias and type.
///
/// - An entity with a full name (two or more words: "Abu Mohammed al-Julani", "Islamic State")
///   joins the entity of the same type that shares one of its full names (normalised by
///   `EntityNameKey`); the one sharing most, the oldest on a tie. Entities are never merged
///   afterwards, and a full name never joins an entity known only by a single word.
/// - An entity known only by single words ("Julani", "IS", "Syria") joins an entity of the
///   same type filed under one of those words or, for a person, under that surname: the only
///   such entity that has a full name, or else the only such entity at all. When two people
///   share the surname ("Smith": John Smith and Jane Smith), it is ambiguous and stays apart.
///
/// Within an article the pipeline has already tied the forms it saw together ("al-Julani" is an
/// alias of "Abu Mohammed al-Julani"), which is what lets a later article's "Julani" find him.
enum EntityLinker {
    struct Candidate: Equatable {
        var entity: Int64
        var multiword: Bool
    }

    /// The entity to join among `candidates` (one entry per shared key), or nil for a new one.
    static func choose(_ candidates: [Candidate], multiword: Bool) -> Int64? {
        guard !candidates.isEmpty else { return nil }
        var hits: [Int64: Int] = [:]
        var full: [Int64: Bool] = [:]
        for candidate in candidates {
            hits[candidate.entity, default: 0] += 1
            full[candidate.entity] = candidate.multiword
        }
        if multiword {
            return hits.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        }
        let named = full.filter(\.value).map(\.key)
        if named.count == 1 { return named[0] }
        if named.isEmpty && hits.count == 1 { return hits.first!.key }
        return nil
    }
}
