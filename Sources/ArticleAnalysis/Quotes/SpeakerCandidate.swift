/// A name in the text that could be a speaker: an entity mention, or, where no entity covers the
/// words, a run of capitalised words (the fallback that keeps the stage useful without the
/// entities stage).
struct SpeakerCandidate {
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
    /// The name's words without titles, lower-cased; used to find the longest form of a name.
    var words: [String]

    var speaker: Speaker { Speaker(entity: entity, name: name) }
    /// Could be "he" or "she".
    var isPersonLike: Bool { kind == .person || kind == .unknown }
    /// Could be "it" or "they".
    var isGroupLike: Bool { kind == .organization || kind == .other }

    /// Entity mentions first, then fallback runs over the words no mention covers.
    static func find(in doc: QuoteDocument, entities: [Entity]) -> [SpeakerCandidate] {
        let tokens = doc.tokens
        var covered = [Bool](repeating: false, count: tokens.count)
        var found: [SpeakerCandidate] = []

        // Entity mentions, mapped onto tokens.
        var mentions: [(span: TextSpan, entity: Int)] = []
        for (e, entity) in entities.enumerated() {
            for mention in entity.mentions { mentions.append((mention.span, e)) }
        }
        mentions.sort { $0.span.start < $1.span.start }
        // The name split at spaces (empty parts left out), each part lower-cased.
        let entityWords = entities.map { entity -> [String] in
            let scalars = Array(entity.name.unicodeScalars)
            var words: [String] = []
            var start = 0
            for i in 0...scalars.count where i == scalars.count || scalars[i] == " " {
                if i > start { words.append(QuoteScalars.lowered(scalars[start..<i])) }
                start = i + 1
            }
            return words
        }
        var t = 0
        for mention in mentions {
            while t < tokens.count && tokens[t].end <= mention.span.start { t += 1 }
            var last = t
            var u = t
            while u < tokens.count && tokens[u].start < mention.span.end { last = u; u += 1 }
            guard t < tokens.count, tokens[t].start < mention.span.end, !covered[t] else { continue }
            for k in t...last { covered[k] = true }
            let entity = entities[mention.entity]
            let kind: Kind = switch entity.type {
            case .person: .person
            case .organization: .organization
            case .location: .place
            case .misc: .other
            }
            let possessive = doc.endsInApostropheS(last)
                || (last + 1 < tokens.count && (tokens[last + 1].mark == 0x27 || tokens[last + 1].mark == 0x2019) && tokens[last + 1].start == tokens[last].end)
            found.append(SpeakerCandidate(
                firstToken: t, lastToken: last, name: entity.name, entity: entity.id, kind: kind,
                isPossessive: possessive, inQuote: tokens[t].passage >= 0,
                words: entityWords[mention.entity]))
        }

        // Words written in lower case somewhere: a capitalised sentence-initial "Officials" is
        // then a common word, not a name.
        // Only sentence-initial capitalised words need the answer; keys keep the scan cheap.
        var initialKeys: [UInt64] = []
        var initialFilter = [UInt64](repeating: 0, count: 16)  // 1024 bits: most words skip the search
        for token in tokens where token.isWord && token.isInitial && token.isCapitalized {
            initialKeys.append(token.key)
            let bit = Int(truncatingIfNeeded: token.key >> 20) & 1023
            initialFilter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        initialKeys.sort()
        var lowerWords = Set<String>()
        var capitalizedInside = Set<String>()
        if !initialKeys.isEmpty {
            for (index, token) in tokens.enumerated() where token.isWord && (!token.isInitial || !token.isCapitalized) {
                let bit = Int(truncatingIfNeeded: token.key >> 20) & 1023
                guard initialFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, Self.sortedContains(initialKeys, token.key) else { continue }
                if token.isCapitalized { capitalizedInside.insert(doc.lower(index)) } else { lowerWords.insert(doc.lower(index)) }
            }
        }

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
            if let run = makeRun(doc, i, j, coveredAfter: coveredAfter, lowerWords: lowerWords, capitalizedInside: capitalizedInside) {
                runs.append(run)
            }
            i = j + 1
        }

        // The longest form of each fallback name in the article: "Pelosi" -> "Nancy Pelosi".
        // Compared once per distinct name, not per run: names repeat.
        var distinct: [[UInt64]] = [], firstRun: [Int] = [], nameOfRun: [Int] = []
        var index: [[UInt64]: Int] = [:]
        for (r, run) in runs.enumerated() {
            let keys = run.words.map { LexiconTable.key($0.unicodeScalars) }
            if let d = index[keys] { nameOfRun.append(d); continue }
            index[keys] = distinct.count
            nameOfRun.append(distinct.count)
            distinct.append(keys)
            firstRun.append(r)
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
        found.append(contentsOf: runs)
        found.sort { $0.firstToken < $1.firstToken }
        return found
    }

    private static func isNameWord(_ token: QuoteToken, _ covered: Bool) -> Bool {
        token.isWord && token.isCapitalized && !covered && !token.flags.contains(.notName)
    }

    /// Builds a fallback candidate from tokens `first...last`, dropping a sentence-initial common
    /// word and titles; nil when nothing name-like is left.
    private static func makeRun(_ doc: QuoteDocument, _ first: Int, _ last: Int, coveredAfter: Bool,
                                lowerWords: Set<String>, capitalizedInside: Set<String>) -> SpeakerCandidate? {
        let tokens = doc.tokens
        var a = first
        if tokens[a].isInitial {
            let word = doc.lower(a)
            let common = lowerWords.contains(word) || (word.contains("-") && !word.isEmpty
                && !doc.text.scalars[tokens[a].start..<tokens[a].end].dropFirst().contains(where: ScalarClass.isUppercase))
            if a == last {
                if !capitalizedInside.contains(word) || common { return nil }
            } else if common && !capitalizedInside.contains(word) {
                a += 1
            }
        }
        // Organisation or place?
        var kind: Kind = .unknown
        for k in a...last {
            let w = doc.lower(k)
            let bare = w.hasSuffix("'s") ? String(w.dropLast(2)) : w
            if SpeechLexicon.organizationWords.contains(bare) || w.contains(".com") { kind = .organization }
        }
        if a == last {
            // An acronym ("FSB", "NASA") is an organisation.
            let scalars = doc.text.scalars[tokens[a].start..<tokens[a].end]
            if scalars.count >= 2 && !scalars.contains(where: ScalarClass.isLowercase) { kind = .organization }
        }
        if a > 0, kind == .unknown, let before = doc.word(a - 1),
           ["in", "at", "from", "near", "across", "into", "throughout", "outside", "towards", "toward"].contains(before) {
            kind = .place
        }
        // Titles: cut after the last title word ("Secretary of State" counts as one).
        var nameStart = a
        do {
            var k = a
            while k <= last {
                let w = doc.lower(k)
                if SpeechLexicon.titleWords.contains(w) || (w.hasPrefix("co-") || w.hasPrefix("vice-") || w.hasPrefix("ex-")) {
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
        var name = doc.string(nameStart, through: nameEnd)
        if name.hasSuffix("'s") || name.hasSuffix("\u{2019}s") {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: name.unicodeScalars.dropLast(2))
            name = String(view)
        }
        var words = (nameStart...nameEnd).map { doc.lower($0) }
        if let lastWord = words.last, lastWord.hasSuffix("'s") { words[words.count - 1] = String(lastWord.dropLast(2)) }
        return SpeakerCandidate(firstToken: a, lastToken: last, name: name, entity: nil, kind: kind,
                                isPossessive: possessive, inQuote: tokens[a].passage >= 0, words: words)
    }

    private static func sortedContains(_ keys: [UInt64], _ key: UInt64) -> Bool {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key
    }

    /// True when `part` occurs in `whole` as consecutive words.
    static func contains<T: Equatable>(_ whole: [T], _ part: [T]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where whole[start] == part[0] {
            var all = true
            for k in 1..<part.count where whole[start + k] != part[k] { all = false; break }
            if all { return true }
        }
        return false
    }
}
