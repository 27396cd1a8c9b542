/// The keys an entity's name is filed under in the index, so that spellings of one name meet:
/// lower case, the typographic apostrophe as "'", white space collapsed, a leading "the" and a
/// trailing possessive dropped ("The Islamic State’s" and "Islamic State" give one key).
///
/// A person's name is also filed under its surname (`surname`): the last word without an
/// Arabic article prefix ("al-Julani", "Julani" and "Abu Mohammed al-Julani" all give
/// "julani"), which is what a later article may call the person by. Surname keys start with
/// "~" so they never meet a full name.
enum EntityNameKey {
    /// The normalised full name; empty when nothing is left.
    static func key(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in name.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !word.isEmpty { words.append(word); word = "" }
                continue
            }
            if scalar.value == 0x2019 { word.append("'"); continue }
            word.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        if !word.isEmpty { words.append(word) }
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        if var last = words.last, last.count > 3, last.hasSuffix("'s") {
            last.removeLast(2)
            words[words.count - 1] = last
        }
        return words.joined(separator: " ")
    }

    /// True when the key has two or more words: a full name rather than a surname or acronym.
    static func isMultiword(_ key: String) -> Bool { key.contains(" ") }

    /// Prefixes of the Arabic definite article as written in English names ("al-", "el-").
    static let articlePrefixes = ["al-", "el-"]

    /// The surname key of a person's name key ("abu mohammed al-julani" -> "~julani"); nil when empty.
    static func surname(_ key: String) -> String? {
        guard var last = key.split(separator: " ").last.map(String.init) else { return nil }
        for prefix in articlePrefixes where last.hasPrefix(prefix) && last.count > prefix.count + 1 {
            last.removeFirst(prefix.count)
            break
        }
        return "~" + last
    }

    /// Every key of an article entity: its names' keys, and for a person their surname keys.
    static func keys(names: [String], type: String) -> (full: [String], surnames: [String]) {
        var full: [String] = []
        var surnames: [String] = []
        for name in names {
            let k = key(name)
            guard !k.isEmpty else { continue }
            if !full.contains(k) { full.append(k) }
            if type == "PERSON", let s = surname(k), !surnames.contains(s) { surnames.append(s) }
        }
        return (full, surnames)
    }
}
