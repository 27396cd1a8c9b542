/// Turns tagged mentions into entities: one per real-world thing, with every surface form.
///
/// Steps, in order:
/// 1. Consistency: a name tagged somewhere in the document is tagged wherever else it appears
///    with the same capitals (the tagger only remembers what came before).
/// 2. Acronyms: an all-capitals token spelling the initials of a multi-word name found in the
///    document ("IS" after "Islamic State") is a mention of it.
/// 3. Grouping, longest names first: a mention joins an entity whose name has the same folded
///    form (case, particles "al-", spelling variants "Nusrah"/"Nusra", designators such as
///    "Front" or "Jabhat" ignored), whose words include all of its words with the same type
///    ("Assad" in "Bashar al-Assad"), or whose initials it spells ("IS", "US").
/// 4. Types are reconciled by a vote of the mentions (longer mentions weigh more); a place whose
///    name is an adjective and an organisational head noun ("Islamic State", "Syrian Army") is an
///    organisation. The canonical name is the most complete form, the other forms are aliases.
///    Lone title words ("the Caliph", "the President") are dropped before all this: they name an
///    office, not a person.
/// 5. Salience: mentions weighted by role (starting a sentence, followed by "said"), the lede
///    and how early the entity first appears; places and other names weigh less than people and
///    organisations, since they are more often the setting than the subject. Scores sum to 1.
public struct EntityResolver: Sendable {
    /// Propagate names to their untagged repetitions (step 1).
    public var propagatesNames = true
    /// Add acronyms of multi-word names (step 2).
    public var findsAcronyms = true

    public init() {}

    /// A mention being resolved.
    private struct Candidate {
        var tokens: Range<Int>
        var span: TextSpan
        var type: EntityType
        var sentence: Int
        /// Folded content words ("al-Nusrah" -> "nusra").
        var words: [String]
        /// The folded form of the whole mention, the words joined by a space.
        var key: String
        var capitalInitials: String
        var isAllCapitals: Bool
    }

    private struct Group {
        var members: [Int]
        var words: Set<String>
        var keys: Set<String>
        var initials: Set<String>
        var type: EntityType
        var lastWord: String
    }

    @inline(never) // kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func resolve(_ tagged: TaggedText) -> [Entity] {
        var mentions = tagged.mentions.filter { m in
            // Pronouns are never names here, whatever the tagger thought.
            let first = tagged.lexemes[m.tokens.lowerBound]
            // ("US" in capitals is the country, "us" or "Us" the pronoun.)
            return !(m.tokens.count == 1 && EntityResolver.pronouns.contains(first.lower)
                     && (!first.flags.contains(.allCapitals) || first.length == 1))
        }
        mentions = EntityResolver.withoutLoneTitles(mentions, tagged)
        var covered = [Bool](repeating: false, count: tagged.tokens.count)
        for m in mentions { for t in m.tokens { covered[t] = true } }
        var sentenceOf = [Int](repeating: 0, count: tagged.tokens.count)
        for (index, sentence) in tagged.sentences.enumerated() { for t in sentence { sentenceOf[t] = index } }

        if propagatesNames { propagate(tagged, &mentions, &covered, sentenceOf) }
        var candidates = mentions.map { candidate($0, tagged) }
        if findsAcronyms { addAcronyms(tagged, &candidates, &covered, sentenceOf) }
        guard !candidates.isEmpty else { return [] }

        // Longest names first, so that short forms find the full name they stand for.
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if x.words.count != y.words.count { return x.words.count > y.words.count }
            if x.isAllCapitals != y.isAllCapitals { return !x.isAllCapitals }
            return x.span.start < y.span.start
        }
        var groups: [Group] = []
        for index in order {
            let c = candidates[index]
            var match: Int? = nil
            for g in groups.indices where matches(c, groups[g]) { match = g; break }
            if let g = match {
                groups[g].members.append(index)
                groups[g].keys.insert(c.key)
                if c.words.count >= 2 { groups[g].initials.insert(c.capitalInitials) }
            } else {
                groups.append(Group(members: [index], words: Set(c.words), keys: [c.key],
                                    initials: c.words.count >= 2 ? [c.capitalInitials] : [], type: c.type,
                                    lastWord: c.words.last ?? c.key))
            }
        }
        return entities(groups, candidates, tagged, sentenceOf)
    }

    // MARK: - Matching

    private func matches(_ c: Candidate, _ g: Group) -> Bool {
        if g.keys.contains(c.key) { return true }
        if c.isAllCapitals && c.tokens.count == 1 && g.initials.contains(c.key) { return true }
        guard !c.words.isEmpty else { return false }
        var subset = true
        for w in c.words where !g.words.contains(w) { subset = false; break }
        guard subset else { return false }
        if c.type == g.type { return true }
        // A lone surname of a person, whatever type the tagger gave it ("Assad regime").
        return g.type == .person && c.words.count == 1 && c.words[0] == g.lastWord
    }

    // MARK: - Mentions

    private func candidate(_ m: TaggedMention, _ tagged: TaggedText) -> Candidate {
        let span = TextSpan(start: tagged.tokens[m.tokens.lowerBound].start, end: tagged.tokens[m.tokens.upperBound - 1].end)
        var words: [String] = [], all: [String] = []
        var initials = String.UnicodeScalarView()
        var allCaps = true
        for t in m.tokens {
            let lexeme = tagged.lexemes[t]
            if lexeme.flags.contains(.hasLetter) && !lexeme.flags.contains(.allCapitals) { allCaps = false }
            let folded = EntityResolver.fold(tagged.text.scalars[tagged.tokens[t].start..<tagged.tokens[t].end])
            guard !folded.isEmpty else { continue }
            all.append(folded)
            let isFunction = EntityResolver.functionWords.contains(lexeme.lower)
                || (lexeme.flags.contains(.particle) && lexeme.length <= 4 && !lexeme.flags.contains(.hasHyphen))
            if !isFunction {
                words.append(folded)
                if lexeme.flags.contains(.initialCapital) {
                    initials.append(NERLexeme.lowercased(tagged.text.scalars[tagged.tokens[t].start]))
                }
            }
        }
        // Designators ("Front", "Group", "Jabhat") do not tell two organisations apart.
        let designated = words.filter { !EntityResolver.designators.contains($0) }
        if !designated.isEmpty { words = designated }
        let key = words.isEmpty ? all.joined(separator: " ") : words.joined(separator: " ")
        return Candidate(tokens: m.tokens, span: span, type: m.type, sentence: m.sentence, words: words, key: key,
                         capitalInitials: String(initials), isAllCapitals: allCaps)
    }

    /// Tags untagged repetitions of tagged names (same tokens, same capitals).
    private func propagate(_ tagged: TaggedText, _ mentions: inout [TaggedMention], _ covered: inout [Bool], _ sentenceOf: [Int]) {
        var known: [UInt64: EntityType] = [:]
        var longest = 0
        for m in mentions where tagged.lexemes[m.tokens.lowerBound].flags.contains(.initialCapital) {
            var h = NERHash.seed
            for t in m.tokens { h = NERHash.mix(h, tagged.lexemes[t].word) }
            if known[h] == nil { known[h] = m.type }
            longest = max(longest, m.tokens.count)
        }
        guard !known.isEmpty else { return }
        var added: [TaggedMention] = []
        var i = 0
        let n = tagged.tokens.count
        while i < n {
            guard !covered[i], tagged.lexemes[i].flags.contains(.initialCapital) else { i += 1; continue }
            // A capital that only starts a sentence or a headline is weak evidence: the same
            // word mid-sentence in lower case ("Then", "Muslim") says it is not a name.
            let context = tagged.context[i]
            if context & NERDocument.seenLower != 0 && context & NERDocument.seenCapital == 0 { i += 1; continue }
            var found = 0
            var type = EntityType.misc
            var h = NERHash.seed
            var length = 0
            while length < longest && i + length < n && !covered[i + length] && sentenceOf[i + length] == sentenceOf[i] {
                h = NERHash.mix(h, tagged.lexemes[i + length].word)
                length += 1
                if let t = known[h] {
                    // Only whole tokens: the next token must not continue a capitalised name.
                    let next = i + length
                    if next >= n || sentenceOf[next] != sentenceOf[i] || !tagged.lexemes[next].flags.contains(.initialCapital) || covered[next] {
                        found = length; type = t
                    }
                }
            }
            if found > 0 {
                added.append(TaggedMention(tokens: i..<(i + found), type: type, sentence: sentenceOf[i]))
                for t in i..<(i + found) { covered[t] = true }
                i += found
            } else {
                i += 1
            }
        }
        mentions.append(contentsOf: added)
    }

    /// Adds all-capitals tokens that spell the initials of a multi-word name of the document.
    private func addAcronyms(_ tagged: TaggedText, _ candidates: inout [Candidate], _ covered: inout [Bool], _ sentenceOf: [Int]) {
        var acronyms: [String: EntityType] = [:]
        for c in candidates where c.words.count >= 2 && c.capitalInitials.unicodeScalars.count == c.words.count {
            if acronyms[c.capitalInitials] == nil { acronyms[c.capitalInitials] = c.type }
        }
        guard !acronyms.isEmpty else { return }
        for t in tagged.tokens.indices where !covered[t] {
            let lexeme = tagged.lexemes[t]
            guard lexeme.flags.contains(.allCapitals), lexeme.length >= 2, lexeme.length <= 6,
                  tagged.context[t] & NERDocument.capsSentence == 0 else { continue }
            let key = EntityResolver.fold(tagged.text.scalars[tagged.tokens[t].start..<tagged.tokens[t].end])
            guard let type = acronyms[key] else { continue }
            covered[t] = true
            candidates.append(candidate(TaggedMention(tokens: t..<(t + 1), type: type, sentence: sentenceOf[t]), tagged))
        }
    }

    // MARK: - Entities

    private func entities(_ groups: [Group], _ candidates: [Candidate], _ tagged: TaggedText, _ sentenceOf: [Int]) -> [Entity] {
        let sentenceCount = max(1, tagged.sentences.count)
        let firstParagraphEnd = tagged.paragraphs.first?.end ?? (tagged.sentences.first.map { tagged.tokens[$0.upperBound - 1].end } ?? 0)
        var scored: [(entity: Entity, score: Double, first: Int)] = []
        for group in groups {
            var members = group.members.map { candidates[$0] }
            members.sort { $0.span.start < $1.span.start }
            // Type: a vote, longer mentions weighing more.
            var votes: [EntityType: Int] = [:]
            // A full name is tagged with the most context around it: it outweighs several short forms.
            for m in members { votes[m.type, default: 0] += m.words.count >= 2 ? 5 : 1 }
            var type = members[0].type, best = -1
            for candidateType in EntityType.allCases { if let v = votes[candidateType], v > best { best = v; type = candidateType } }
            // Name: the most complete form, preferring ordinary capitals to a headline's.
            var name = members[0]
            for m in members {
                let better = (m.isAllCapitals ? 0 : 1000) + m.words.count * 10 + m.tokens.count
                let current = (name.isAllCapitals ? 0 : 1000) + name.words.count * 10 + name.tokens.count
                if better > current { name = m }
            }
            // An adjective and an organisational head noun name a group, not a place:
            // "Islamic State", "Free Syrian Army", "Popular Front". (Only places are retyped:
            // other names so formed are as often events or ideas, e.g. "Islamic Revolution".)
            if type == .location, EntityResolver.isAdjectivalGroupName(name.tokens, tagged) {
                type = .organization
            }
            let nameText = tagged.text[name.span]
            var aliases: [String] = []
            var seen: Set<String> = [nameText]
            var mentionsOut: [Mention] = []
            var weight = 0.0
            for m in members {
                let surface = tagged.text[m.span]
                mentionsOut.append(Mention(span: m.span, text: surface))
                if seen.insert(surface).inserted { aliases.append(surface) }
                weight += mentionWeight(m, tagged, firstParagraphEnd: firstParagraphEnd)
            }
            let firstSentence = sentenceOf[members[0].tokens.lowerBound]
            let early = 1.0 - Double(firstSentence) / Double(sentenceCount)
            let typeWeight: Double = switch type {
            case .person, .organization: 1.0
            case .location: 0.5
            case .misc: 0.4
            }
            let score = (weight + early) * typeWeight
            scored.append((Entity(id: "", type: type, name: nameText, aliases: aliases, salience: 0, mentions: mentionsOut),
                           score, members[0].span.start))
        }
        let total = scored.reduce(0.0) { $0 + $1.score }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.first < $1.first }
        var result: [Entity] = []
        result.reserveCapacity(scored.count)
        for (index, item) in scored.enumerated() {
            var entity = item.entity
            entity.id = "e\(index + 1)"
            entity.salience = total > 0 ? item.score / total : 0
            result.append(entity)
        }
        return result
    }

    /// How much one mention says the entity matters: 1, plus 1 when the mention starts its
    /// sentence or is followed by a speech verb ("al-Julani said"), plus 0.5 in the first paragraph.
    private func mentionWeight(_ m: Candidate, _ tagged: TaggedText, firstParagraphEnd: Int) -> Double {
        var w = 1.0
        let sentence = tagged.sentences[m.sentence]
        var start = sentence.lowerBound
        while start < m.tokens.lowerBound && (tagged.lexemes[start].flags.contains(.punctuation) || tagged.lexemes[start].lower == EntityResolver.the) {
            start += 1
        }
        var isSubject = start == m.tokens.lowerBound
        var next = m.tokens.upperBound
        if next < sentence.upperBound && tagged.lexemes[next].flags.contains(.punctuation) { next += 1 }
        if next < sentence.upperBound && EntityResolver.speechVerbs.contains(tagged.lexemes[next].lower) { isSubject = true }
        if isSubject { w += 1 }
        if m.span.start < firstParagraphEnd { w += 0.5 }
        return w
    }

    // MARK: - Titles and group names

    /// The mentions without lone title words: "the Caliph of the whole Muslim world", "the
    /// President said" name an office, not a person. A title inside a longer name ("King
    /// Abdullah") stays, and so does a title word that is also a word of a longer name of the
    /// document ("Billie Jean King" ... "King"), where it is a surname.
    static func withoutLoneTitles(_ mentions: [TaggedMention], _ tagged: TaggedText) -> [TaggedMention] {
        var inLongerNames: Set<UInt64> = []
        for m in mentions where m.tokens.count >= 2 { for t in m.tokens { inLongerNames.insert(tagged.lexemes[t].lower) } }
        return mentions.filter { m in
            guard m.tokens.count == 1 else { return true }
            let lexeme = tagged.lexemes[m.tokens.lowerBound]
            return !titles.contains(lexeme.lower) || inLongerNames.contains(lexeme.lower)
        }
    }

    /// Whether a name is an adjective followed by a noun that heads names of organisations
    /// ("Islamic State", "Syrian Army", "Democratic Front", "European Union"). A place before the
    /// head ("Ohio State", "Soviet Union") does not have an adjective's ending and is left alone.
    static func isAdjectivalGroupName(_ tokens: Range<Int>, _ tagged: TaggedText) -> Bool {
        guard tokens.count >= 2 else { return false }
        let last = tokens.upperBound - 1
        guard organisationHeads.contains(tagged.lexemes[last].lower) else { return false }
        let modifier = tagged.lexemes[last - 1]
        guard modifier.flags.contains(.initialCapital), !modifier.flags.contains(.allCapitals), modifier.length >= 5 else {
            return false
        }
        let word = fold(tagged.text.scalars[tagged.tokens[last - 1].start..<tagged.tokens[last - 1].end])
        return adjectiveEndings.contains { word.hasSuffix($0) }
    }

    /// Words naming an office or rank, not a person, when they stand alone.
    static let titles: Set<UInt64> = Set(["caliph", "president", "minister", "king", "queen", "emperor", "empress", "pope",
                                          "prince", "princess", "sultan", "emir", "sheikh", "ayatollah", "imam", "chancellor",
                                          "premier", "governor", "senator", "chairman", "ambassador", "prime", "mayor",
                                          "general", "colonel", "commander", "archbishop", "bishop", "cardinal", "patriarch",
                                          "secretary-general", "vice-president", "dictator", "pharaoh", "tsar", "czar", "shah",
                                          "khalifa", "mullah", "rabbi", "monarch", "regent"]
        .map { NERHash.string($0) })
    /// Nouns that head names of organisations (and, after an adjective, only of organisations).
    static let organisationHeads: Set<UInt64> = Set(["state", "front", "army", "group", "party", "movement", "brigade",
                                                     "brigades", "council", "committee", "league", "alliance", "organisation",
                                                     "organization", "union", "congress", "network", "militia", "guard"]
        .map { NERHash.string($0) })
    /// Endings of adjectives of nationality, religion and ideology (folded: double letters single).
    static let adjectiveEndings = ["ic", "ist", "ian", "ish", "ese", "an", "al", "ive"]

    // MARK: - Folding and word lists

    /// A comparison form of one token: lower case, particle prefix ("al-") and punctuation
    /// removed, a final "h" after a vowel dropped and double letters single ("Nusrah" and
    /// "Nusra", "Mohammed" and "Mohamed" fold the same).
    static func fold<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(scalars.count)
        for raw in scalars {
            let s = NERLexeme.lowercased(NERLexeme.normalized(raw))
            letters.append(s)
        }
        // Particle prefix joined by a hyphen: al-, el-, ad-, an-, ar-, as-, ash-, at-, az-.
        if let dash = letters.firstIndex(of: "-"), dash >= 2, dash <= 3, letters.count - dash > 2 {
            let prefix = String(String.UnicodeScalarView(letters[0..<dash]))
            if particlePrefixes.contains(prefix) { letters.removeSubrange(0...dash) }
        }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for s in letters where NERLexeme.isLetter(s) || NERLexeme.isDigit(s) {
            if s == previous { continue }
            out.append(s)
            previous = s
        }
        if out.count > 3, let last = out.last, last == "h" {
            let beforeLast = out[out.index(out.endIndex, offsetBy: -2)]
            if "aeiou".unicodeScalars.contains(beforeLast) { out.removeLast() }
        }
        return String(out)
    }

    static let particlePrefixes: Set<String> = ["al", "el", "ad", "an", "ar", "as", "ash", "at", "az"]
    /// Folded words that designate a kind of organisation rather than name one.
    static let designators: Set<String> = ["front", "group", "party", "movement", "organisation", "organization",
                                           "jabhat", "harakat", "brigade", "brigades"]
    static let functionWords: Set<UInt64> = Set(["the", "of", "and", "for", "in", "on", "at", "to", "'s"].map { NERHash.string($0) })
    static let pronouns: Set<UInt64> = Set(["he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his",
                                            "its", "their", "our", "me", "my", "who"].map { NERHash.string($0) })
    static let speechVerbs: Set<UInt64> = Set(["said", "says", "told", "added", "stated", "declared", "explained", "insisted",
                                               "continued", "warned", "argued", "claimed", "announced", "wrote"].map { NERHash.string($0) })
    static let the = NERHash.string("the")
}
