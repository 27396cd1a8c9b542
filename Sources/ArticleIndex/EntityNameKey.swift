/// The keys an entity's name is filed under in the index, so that spellings of one name meet:
/// lower case, the typographic apostrophe as "'", white space collapsed, a leading "the" and a
/// trailing possessive dropped ("The Islamic State’s" and "Islamic State" give one key).
///
/// A person's name is also filed under its surname (`surname`): the last word without an
/// Arabic article prefix ("al-Julani", "Julani" and "Abu Mohammed al-Julani" all give
/// "julani"), which is what a later article may call the person by. Surname keys start with
/// "~" so they never meet a full name.
enum EntityNameKey {
    /// The normalised full name; empty when nothing is left. (Built as UTF-8 bytes, ASCII
    /// lower-cased in place: the daemon keys every name of every article.)
    static func key(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var space = false
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if v < 0x80 ? (v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D) : scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(0x20); space = false }
            if v < 0x80 {
                out.append(UInt8(truncatingIfNeeded: (v &- 0x41) < 26 ? v + 32 : v))
            } else if v == 0x2019 {
                out.append(0x27)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        if out.count > 4, out.starts(with: Array("the ".utf8)) { out.removeFirst(4) }
        let lastWord = out.count - ((out.lastIndex(of: 0x20) ?? -1) + 1)
        if lastWord > 3, out.last == 0x73, out[out.count - 2] == 0x27 { out.removeLast(2) }  // possessive "'s"
        return String(decoding: out, as: UTF8.self)
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

    /// Words after which the rest of a name is another thing ("Northern District of California",
    /// "Supreme Court of Puerto Rico"): a tail after them is not a short form of the name.
    static let linkingWords: Set<Substring> = ["of", "for", "in", "on", "at", "and", "de", "the"]

    /// True when `alias` is a form of `name` that names the same thing across articles (keys):
    /// the same key; its last words, unless a linking word precedes them ("al-Julani" of "Abu
    /// Mohammed al-Julani", "Trump" of "Donald Trump"; not "California" of "Northern District of
    /// California"); the same surname ("Assad" of "Bashar al-Assad"); or its initials ("IS" of
    /// "Islamic State"). A leading part ("United States" of "United States Constitution",
    /// "New York" of "New York City") is not: a longer name that starts with a shorter one is
    /// usually something else; nor is a place's last word ("Australia" of "South Australia").
    static func isShortForm(_ alias: String, of name: String, type: String) -> Bool {
        if alias == name { return true }
        let a = alias.split(separator: " "), n = name.split(separator: " ")
        guard !a.isEmpty, a.count < n.count else { return false }
        // Places: "South Australia" is not Australia, "West Virginia" not Virginia.
        if type != "LOC", Array(n.suffix(a.count)) == a, !linkingWords.contains(n[n.count - a.count - 1]) { return true }
        if type == "PERSON", a.count == 1, surname(alias) == surname(name) { return true }
        if a.count == 1 {
            let initials = n.filter { !linkingWords.contains($0) }.compactMap(\.first)
            return initials.count >= 2 && String(initials) == String(a[0])
        }
        return false
    }

    /// The keys an article entity is filed under: its name's, its aliases' that are short forms
    /// of the name (`isShortForm`; the others stay in the article's record only), and for a
    /// person the surname key of each.
    static func keys(names: [String], type: String) -> (full: [String], surnames: [String]) {
        var full: [String] = []
        var surnames: [String] = []
        guard let first = names.first else { return ([], []) }
        let nameKey = key(first)
        for name in names {
            let k = key(name)
            guard !k.isEmpty, !full.contains(k), nameKey.isEmpty || isShortForm(k, of: nameKey, type: type) else { continue }
            full.append(k)
            if type == "PERSON", let s = surname(k), !surnames.contains(s) { surnames.append(s) }
        }
        return (full, surnames)
    }
}
