/// A name in the text that could be a speaker: an entity mention, or, where no entity covers the
/// words, a run of capitalised words (the fallback that keeps the stage useful without the
/// entities stage).
package struct SpeakerCandidate {
    enum Kind { case person, organization, place, other, unknown }

    var firstToken: Int
    var lastToken: Int
    /// The name to report: the entity's canonical name, or the fallback run's longest form in
    /// the article without titles ("Xavier Becerra" for "California Attorney General Xavier Becerra").
    var name: String
    var entity: String?
    var kind: Kind
    var isPossessive: Bool
    var inQuote: Bool
    /// For a fallback run, the keys (`LexiconTable.key`) of the name's words without
    /// titles, lower-cased; used to find the longest form of a name. Empty for an entity mention,
    /// whose words come from its name when asked (`containsWord`).
    var words: [UInt64]
    /// The index of `entity` in the entities stage's list, or -1 (a fallback run).
    var entityIndex: Int32 = -1

    /// The name has the word with key `key` (lower-cased): for a mention, a part of the entity's
    /// name between spaces.
    func containsWord(_ key: UInt64) -> Bool {
        entity != nil ? Self.nameKeys(name).contains(key) : words.contains(key)
    }

    /// The speaker this name stands for, its words in `doc` as the mention.
    func speaker(_ doc: QuoteDocument) -> Speaker {
        Speaker(entity: entity, name: name, mention: doc.words(firstToken, through: lastToken))
    }
    /// Could be "he" or "she".
    var isPersonLike: Bool { kind == .person || kind == .unknown }
    /// Could be "it" or "they".
    var isGroupLike: Bool { kind == .organization || kind == .other }

    /// Entity mentions first, then fallback runs over the words no mention covers.
    static func find(in doc: QuoteDocument, entities: [Entity]) -> [SpeakerCandidate] {
        let tokens = doc.tokens
        var covered = [Bool](repeating: false, count: tokens.count)
        var mentionCandidates: [SpeakerCandidate] = []

        // Entity mentions, mapped onto tokens.
        var mentionCount = 0
        for entity in entities { mentionCount += entity.mentions.count }
        var mentions: [(span: TextSpan, entity: Int)] = []
        mentions.reserveCapacity(mentionCount)
        for (e, entity) in entities.enumerated() {
            for mention in entity.mentions { mentions.append((mention.span, e)) }
        }
        mentions.sort { $0.span.start < $1.span.start }
        mentionCandidates.reserveCapacity(mentions.count)
        var t = 0
        for mention in mentions {
            while t < tokens.count && tokens[t].end <= mention.span.start { t += 1 }
            var last = t
            var u = t
            while u < tokens.count && tokens[u].start < mention.span.end { last = u; u += 1 }
            guard t < tokens.count, tokens[t].start < mention.span.end, !covered[t] else { continue }
            for k in t...last { covered[k] = true }
            let kind: Kind = switch entities[mention.entity].type {
            case .person: .person
            case .organization: .organization
            case .location: .place
            case .misc: .other
            }
            let possessive = doc.endsInApostropheS(last)
                || (last + 1 < tokens.count && (tokens[last + 1].mark == 0x27 || tokens[last + 1].mark == 0x2019) && tokens[last + 1].start == tokens[last].end)
            mentionCandidates.append(SpeakerCandidate(
                firstToken: t, lastToken: last, name: entities[mention.entity].name, entity: entities[mention.entity].id,
                kind: kind, isPossessive: possessive, inQuote: tokens[t].passage >= 0, words: [], entityIndex: Int32(mention.entity)))
        }

        // Words written in lower case somewhere: a capitalised sentence-initial "Officials" is
        // then a common word, not a name.
        // Only sentence-initial capitalised words need the answer; keys keep the scan cheap.
        var initialKeys: [UInt64] = []
        // 1024 bits: most words skip the search.
        var filter = KeyFilter(bits: 10)
        // Per sentence-initial capitalised word: seen in lower case (bit 0), seen capitalised
        // inside a sentence (bit 1).
        var seen = FlatHashMap<UInt8>()
        tokens.withUnsafeBufferPointer { tk in
            for t in tk.indices where tk[t].isWord && tk[t].isInitial && tk[t].isCapitalized {
                initialKeys.append(tk[t].key)
                filter.insert(tk[t].key)
            }
            seen = FlatHashMap<UInt8>(capacity: initialKeys.count)
            for key in initialKeys { seen.insertIfAbsent(key, 0) }
            guard !initialKeys.isEmpty else { return }
            for t in tk.indices where tk[t].isWord && (!tk[t].isInitial || !tk[t].isCapitalized) {
                let key = tk[t].key
                guard filter.mayContain(key), seen.contains(key) else { continue }
                let bits: UInt8 = tk[t].isCapitalized ? 2 : 1
                _ = seen.update(key, insertingIfAbsent: bits) { $0 |= bits }
            }
        }
        let usage = WordUsage(seen: seen)

        var runs: [SpeakerCandidate] = []
        var i = 0
        while i < tokens.count {
            // Names inside quotations never speak: no fallback runs there.
            guard tokens[i].passage < 0, isNameWord(tokens[i], covered[i]) else { i += 1; continue }
            var j = i
            while j + 1 < tokens.count {
                let next = tokens[j + 1]
                guard next.sentence == tokens[i].sentence, next.passage == tokens[i].passage else { break }
                if doc.endsInApostropheS(j) { break }
                if isNameWord(next, covered[j + 1]) { j += 1; continue }
                // Particles and connectors inside a name: "Mohammad bin Salman", "Court of Justice".
                if next.isWord && !covered[j + 1] && j + 2 < tokens.count {
                    let after = tokens[j + 2]
                    if next.flags.contains(.nameParticle) && isNameWord(after, covered[j + 2]) { j += 2; continue }
                    let head = tokens[j].isWord ? tokens[j].flags : []
                    let connects = !head.isDisjoint(with: [.organizationWord, .titleWord])
                    let titleTo = next.key == QuoteKeys.to && head.contains(.titleWord)  // "Ambassador to Germany"
                    if connects && (next.key == QuoteKeys.of || next.key == QuoteKeys.for || next.key == QuoteKeys.on || titleTo) {
                        if isNameWord(after, covered[j + 2]) { j += 2; continue }
                        if after.isWord && after.key == QuoteKeys.the && j + 3 < tokens.count && isNameWord(tokens[j + 3], covered[j + 3]) { j += 3; continue }
                    }
                }
                break
            }
            // A mention right after the run, or after "of X" / "to X" ("Secretary of State Mike Pompeo").
            var coveredAfter = false
            for k in (j + 1)..<min(j + 4, tokens.count) where covered[k] && tokens[k].sentence == tokens[j].sentence {
                coveredAfter = k == j + 1 || doc.isWord(j + 1, QuoteKeys.of) || doc.isWord(j + 1, QuoteKeys.to)
                break
            }
            if let run = makeRun(doc, i, j, coveredAfter: coveredAfter, usage: usage) {
                runs.append(run)
            }
            i = j + 1
        }

        // The longest form of each fallback name in the article: "Pelosi" -> "Nancy Pelosi".
        // Compared once per distinct name, not per run: names repeat.
        var distinct: [[UInt64]] = [], distinctHash: [UInt64] = [], firstRun: [Int] = [], nameOfRun: [Int] = []
        nameOfRun.reserveCapacity(runs.count)
        for (r, run) in runs.enumerated() {
            var hash = FNV1a.offsetBasis
            for key in run.words { hash = FNV1a.step(hash, wide: key) }
            var d = 0
            while d < distinct.count && !(distinctHash[d] == hash && distinct[d] == run.words) { d += 1 }
            nameOfRun.append(d)
            if d == distinct.count {
                distinct.append(run.words)
                distinctHash.append(hash)
                firstRun.append(r)
            }
        }
        var longest = Array(distinct.indices)
        for d in distinct.indices {
            for o in distinct.indices where distinct[o].count > distinct[longest[d]].count && contains(distinct[o], distinct[d]) {
                longest[d] = o
            }
        }
        for r in runs.indices where longest[nameOfRun[r]] != nameOfRun[r] {
            let best = runs[firstRun[longest[nameOfRun[r]]]]
            runs[r].name = best.name
            runs[r].words = best.words
            if runs[r].kind == .unknown { runs[r].kind = best.kind }
        }

        // Both lists are in text order and start at different tokens: merge them.
        var found: [SpeakerCandidate] = []
        found.reserveCapacity(mentionCandidates.count + runs.count)
        var m = 0, r = 0
        while m < mentionCandidates.count || r < runs.count {
            if r == runs.count || (m < mentionCandidates.count && mentionCandidates[m].firstToken < runs[r].firstToken) {
                found.append(mentionCandidates[m]); m += 1
            } else {
                found.append(runs[r]); r += 1
            }
        }
        return found
    }

    /// The keys of `name`'s parts between spaces, lower-cased; empty parts left out.
    static func nameKeys(_ name: String) -> [UInt64] {
        var keys: [UInt64] = []
        var hash = FNV1a.offsetBasis, length = 0
        for s in name.unicodeScalars {
            if s == " " {
                if length > 0 { keys.append(hash) }
                hash = FNV1a.offsetBasis; length = 0
            } else {
                hash = FNV1a.step(hash, WordHash.fold(s)); length += 1
            }
        }
        if length > 0 { keys.append(hash) }
        return keys
    }

    /// How the sentence-initial capitalised words are written elsewhere in the article.
    private struct WordUsage {
        /// The sentence-initial capitalised words, by key, with how they are written elsewhere.
        var seen: FlatHashMap<UInt8>

        private func bits(_ key: UInt64) -> UInt8 { seen[key] ?? 0 }
        /// Written in lower case somewhere.
        func isLowerSomewhere(_ key: UInt64) -> Bool { bits(key) & 1 != 0 }
        /// Written capitalised inside a sentence somewhere.
        func isCapitalizedInside(_ key: UInt64) -> Bool { bits(key) & 2 != 0 }
    }

    private static func isNameWord(_ token: QuoteToken, _ covered: Bool) -> Bool {
        token.isWord && token.isCapitalized && !covered && !token.flags.contains(.notName)
    }

    /// Builds a fallback candidate from tokens `first...last`, dropping a sentence-initial common
    /// word and titles; nil when nothing name-like is left.
    private static func makeRun(_ doc: QuoteDocument, _ first: Int, _ last: Int, coveredAfter: Bool,
                                usage: WordUsage) -> SpeakerCandidate? {
        let tokens = doc.tokens
        let s = doc.text.scalars
        var a = first
        if tokens[a].isInitial {
            let key = tokens[a].key
            let common = usage.isLowerSomewhere(key) || (Self.containsHyphen(doc, a)
                && !s[tokens[a].start..<tokens[a].end].dropFirst().contains(where: ScalarClass.isUppercase))
            if a == last {
                if !usage.isCapitalizedInside(key) || common { return nil }
            } else if common && !usage.isCapitalizedInside(key) {
                a += 1
            }
        }
        // Organisation or place?
        var kind: Kind = .unknown
        for k in a...last where tokens[k].isWord {
            let bare = doc.keyWithoutApostropheS(k)
            let bareFlags = bare == tokens[k].key ? tokens[k].flags : LexiconTable.shared.flags(bare)
            if bareFlags.contains(.organizationWord) || doc.containsDotCom(k) { kind = .organization }
        }
        if a == last {
            // An acronym ("FSB", "NASA") is an organisation.
            let scalars = s[tokens[a].start..<tokens[a].end]
            if scalars.count >= 2 && !scalars.contains(where: ScalarClass.isLowercase) { kind = .organization }
        }
        if a > 0, kind == .unknown, doc.wordFlags(a - 1).contains(.placePreposition) {
            kind = .place
        }
        // Titles: cut after the last title word ("Secretary of State" counts as one).
        var nameStart = a
        do {
            var k = a
            while k <= last {
                if doc.wordFlags(k).contains(.titleWord) || doc.startsWith(k, "co-") || doc.startsWith(k, "vice-") || doc.startsWith(k, "ex-") {
                    nameStart = k + 1
                    if k + 2 <= last && (doc.isWord(k + 1, QuoteKeys.of) || doc.isWord(k + 1, QuoteKeys.to)) { nameStart = k + 3; k += 2 }
                }
                k += 1
            }
            if nameStart > last {
                // Only a title: the title of the name that follows ("Attorney General" + an entity
                // mention "Xavier Becerra"), or a name on its own ("the Pope").
                if coveredAfter { return nil }
                nameStart = a
            } else if nameStart > a {
                // "United States President Donald Trump": what follows the title decides the kind.
                var organization = false
                for k in nameStart...last where tokens[k].isWord && tokens[k].flags.contains(.organizationWord) { organization = true }
                if organization { nameStart = a } else { kind = .unknown }
            }
        }
        var nameEnd = last
        var possessive = false
        if doc.endsInApostropheS(last) { possessive = true }
        if last + 1 < tokens.count, tokens[last + 1].start == tokens[last].end,
           tokens[last + 1].mark == 0x27 || tokens[last + 1].mark == 0x2019 { possessive = true }
        while nameEnd > nameStart && !tokens[nameEnd].isWord { nameEnd -= 1 }
        // The name without a final "'s" / "’s".
        var end = tokens[nameEnd].end
        if end - tokens[nameStart].start >= 2, s[end - 1] == "s", s[end - 2] == "'" || s[end - 2] == "\u{2019}" { end -= 2 }
        let name = s.string(tokens[nameStart].start..<end)
        var words: [UInt64] = []
        words.reserveCapacity(nameEnd - nameStart + 1)
        for k in nameStart...nameEnd { words.append(tokens[k].key) }
        if tokens[nameEnd].isWord { words[words.count - 1] = doc.keyWithoutApostropheS(nameEnd) }
        return SpeakerCandidate(firstToken: a, lastToken: last, name: name, entity: nil, kind: kind,
                                isPossessive: possessive, inQuote: tokens[a].passage >= 0, words: words)
    }

    /// The word `t` has a hyphen in it (a whole character: no combining mark on it).
    private static func containsHyphen(_ doc: QuoteDocument, _ t: Int) -> Bool {
        let token = doc.tokens[t]
        let s = doc.text.scalars
        for i in token.start..<token.end where s[i] == "-" && (i + 1 == token.end || !ScalarClass.isMark(s[i + 1])) {
            return true
        }
        return false
    }

    /// True when `part` occurs in `whole` as consecutive words.
    package static func contains<T: Equatable>(_ whole: [T], _ part: [T]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where whole[start] == part[0] {
            var all = true
            for k in 1..<part.count where whole[start + k] != part[k] { all = false; break }
            if all { return true }
        }
        return false
    }
}
