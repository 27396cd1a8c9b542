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
///
/// Names are compared by hashes of their folded forms (`ResolutionFold`), kept in flat arrays and
/// small tables (`FlatHashMap`); the only strings built are those of the entities reported.
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
        /// Folded content words ("al-Nusrah" -> "nusra"): the hashes at
        /// `wordStart ..< wordStart + wordCount` of `Candidates.words`.
        var wordStart: Int
        var wordCount: Int
        /// Hash of the folded form of the whole mention, the words joined by a space.
        var key: UInt64
        /// Hash of the lower-case initials of the capitalised content words, and their number.
        var initials: UInt64
        var initialsCount: Int
        var isAllCapitals: Bool
    }

    /// The mentions being resolved, with the folded words of all of them in one array.
    private struct Candidates {
        var items: [Candidate] = []
        var words: [UInt64] = []
        /// Scratch buffers, reused for every token; `initials` holds the initials of the current
        /// candidate in its first `initialsCount` places.
        var folded: [Unicode.Scalar] = []
        var initials: [Unicode.Scalar] = []

        /// Adds the candidate of one mention: its folded words, key and initials.
        mutating func add(_ m: TaggedMention, _ tagged: TaggedText) {
            let span = TextSpan(start: tagged.tokens[m.tokens.lowerBound].start, end: tagged.tokens[m.tokens.upperBound - 1].end)
            let wordStart = words.count
            // Every non-empty folded token, function words included: the key when no content word is left.
            var allCount = 0, allFirst: UInt64 = 0, allChain = ResolutionFold.chainStart
            var designatorCount = 0
            var allCaps = true
            // The initials, hashed as they come (`ResolutionFold.hash` of ASCII scalars), and kept
            // for the rare initial outside ASCII, when the whole sequence is hashed as a string.
            var initialsCount = 0, initialsHash = ResolutionFold.emptyHash, initialsAreASCII = true
            for t in m.tokens {
                let lexeme = tagged.lexemes[t]
                if lexeme.flags.contains(.hasLetter) && !lexeme.flags.contains(.allCapitals) { allCaps = false }
                let token = tagged.tokens[t]
                let (h, isEmpty) = ResolutionFold.foldedHash(tagged.text.scalars, token.start, token.end, scratch: &folded)
                guard !isEmpty else { continue }
                if allCount == 0 { allFirst = h }
                allChain = NERHash.mix(allChain, h)
                allCount += 1
                let isFunction = EntityResolver.functionWords.contains(lexeme.lower)
                    || (lexeme.flags.contains(.particle) && lexeme.length <= 4 && !lexeme.flags.contains(.hasHyphen))
                if !isFunction {
                    words.append(h)
                    if EntityResolver.designators.contains(h) { designatorCount += 1 }
                    if lexeme.flags.contains(.initialCapital) {
                        let initial = ScalarClass.lowercased(tagged.text.scalars[token.start])
                        if initialsCount < initials.count { initials[initialsCount] = initial } else { initials.append(initial) }
                        initialsCount += 1
                        initialsHash = NERHash.add(initialsHash, initial.value)
                        if initial.value >= 0x80 { initialsAreASCII = false }
                    }
                }
            }
            // Designators ("Front", "Group", "Jabhat") do not tell two organisations apart.
            var wordCount = words.count - wordStart
            if designatorCount > 0 && designatorCount < wordCount {
                var kept = wordStart
                for i in wordStart..<words.count where !EntityResolver.designators.contains(words[i]) {
                    words[kept] = words[i]
                    kept += 1
                }
                words.removeLast(words.count - kept)
                wordCount = kept - wordStart
            }
            let key: UInt64
            if wordCount > 0 {
                var chain = ResolutionFold.chainStart
                for i in wordStart..<(wordStart + wordCount) { chain = NERHash.mix(chain, words[i]) }
                key = ResolutionFold.joined(wordCount, chain, words[wordStart])
            } else {
                key = ResolutionFold.joined(allCount, allChain, allFirst)
            }
            if !initialsAreASCII { initialsHash = ResolutionFold.hash(Array(initials[0..<initialsCount])) }
            items.append(Candidate(tokens: m.tokens, span: span, type: m.type, sentence: m.sentence,
                                   wordStart: wordStart, wordCount: wordCount, key: key,
                                   initials: initialsHash, initialsCount: initialsCount,
                                   isAllCapitals: allCaps))
        }
    }

    /// An entity being built. The mention that founded it gives its words (which never change
    /// afterwards), its type for matching and its last word (a person's surname).
    private struct Group {
        var wordStart: Int
        var wordCount: Int
        var type: EntityType
        var lastWord: UInt64
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
        var candidates = Candidates()
        candidates.items.reserveCapacity(mentions.count + 4)
        candidates.words.reserveCapacity(2 * mentions.count + 8)
        for m in mentions { candidates.add(m, tagged) }
        if findsAcronyms { addAcronyms(tagged, &candidates, &covered, sentenceOf) }
        let items = candidates.items, words = candidates.words
        guard !items.isEmpty else { return [] }

        // Longest names first, so that short forms find the full name they stand for.
        // (More words, then not all capitals, then earlier.)
        let order = EntityResolver.sortedIndices(items.map { x in
            SortKey(major: -2 * x.wordCount + (x.isAllCapitals ? 1 : 0), start: x.span.start)
        })
        let (groups, groupOf) = group(order, items, words)
        return entities(groups, groupOf, items, tagged, sentenceOf)
    }

    /// What an order of candidates compares: `major`, then `start` (both ascending), then the
    /// candidate's index. The one statement of an order, whichever way `sortedIndices` sorts.
    struct SortKey {
        var major: Int
        var start: Int
    }

    /// The indices of `keys` in increasing key order (ties by index).
    ///
    /// When every key fits (`major` in -2^17 ..< 2^17, `start` in 0 ..< 2^30, at most 2^16
    /// keys), each key and its index are packed into one integer (18, 30 and 16 bits) and the
    /// integers sorted, several times faster than sorting by a comparator; otherwise, or when
    /// `packing` is false (a test compares the two), the indices are sorted by comparing keys.
    static func sortedIndices(_ keys: [SortKey], packing: Bool = true) -> [Int] {
        let fits = keys.count <= 1 << 16 && keys.allSatisfy { -(1 << 17) <= $0.major && $0.major < 1 << 17 && 0 <= $0.start && $0.start < 1 << 30 }
        guard packing && fits else {
            return keys.indices.sorted { a, b in
                let x = keys[a], y = keys[b]
                if x.major != y.major { return x.major < y.major }
                if x.start != y.start { return x.start < y.start }
                return a < b
            }
        }
        var packed: [UInt64] = []
        packed.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            packed.append(UInt64(key.major + (1 << 17)) << 46 | UInt64(key.start) << 16 | UInt64(index))
        }
        packed.sort()
        return packed.map { Int($0 & 0xFFFF) }
    }

    // MARK: - Grouping

    /// Puts each candidate, in `order`, into the first group it matches (see `fits`), or into a
    /// new group. Returns the groups and the group of each candidate.
    ///
    /// Instead of trying every group, looks up the first group with the candidate's key, the
    /// first with its key as initials, and walks only the groups whose words include its first word.
    private func group(_ order: [Int], _ items: [Candidate], _ words: [UInt64]) -> (groups: [Group], groupOf: [Int32]) {
        var keyGroups = FlatHashMap<Int32>(capacity: items.count)      // key -> first group with it
        var initialGroups = FlatHashMap<Int32>(capacity: items.count)  // initials -> first group with them
        var wordHeads = FlatHashMap<Int32>(capacity: words.count)      // word -> last node of its group list
        var nodeGroup: [Int32] = [], nodeNext: [Int32] = []
        nodeGroup.reserveCapacity(words.count)
        nodeNext.reserveCapacity(words.count)
        var groups: [Group] = []
        groups.reserveCapacity(items.count)
        var groupOf = [Int32](repeating: -1, count: items.count)
        for index in order {
            let c = items[index]
            var match = Int32.max
            if let g = keyGroups[c.key] { match = g }
            if c.isAllCapitals && c.tokens.count == 1, let g = initialGroups[c.key], g < match { match = g }
            if c.wordCount > 0, var node = wordHeads[words[c.wordStart]] {
                while node >= 0 {
                    let g = nodeGroup[Int(node)]
                    if g < match && fits(c, groups[Int(g)], words) { match = g }
                    node = nodeNext[Int(node)]
                }
            }
            if match == Int32.max {
                match = Int32(groups.count)
                let lastWord = c.wordCount > 0 ? words[c.wordStart + c.wordCount - 1] : c.key
                groups.append(Group(wordStart: c.wordStart, wordCount: c.wordCount, type: c.type, lastWord: lastWord))
                for i in c.wordStart..<(c.wordStart + c.wordCount) {
                    let w = words[i]
                    let head = wordHeads[w] ?? -1
                    if head >= 0 && nodeGroup[Int(head)] == match { continue } // a word repeated in the name
                    nodeGroup.append(match)
                    nodeNext.append(head)
                    wordHeads.set(w, Int32(nodeGroup.count - 1))
                }
            }
            groupOf[index] = match
            keyGroups.setMinimum(c.key, match)
            if c.wordCount >= 2 { initialGroups.setMinimum(c.initials, match) }
        }
        return (groups, groupOf)
    }

    /// Whether the group's words include all of the candidate's, with the same type or as the
    /// lone surname of a person, whatever type the tagger gave it ("Assad regime").
    @inline(__always)
    private func fits(_ c: Candidate, _ g: Group, _ words: [UInt64]) -> Bool {
        for i in c.wordStart..<(c.wordStart + c.wordCount) {
            let w = words[i]
            var found = false
            for j in g.wordStart..<(g.wordStart + g.wordCount) where words[j] == w { found = true; break }
            if !found { return false }
        }
        if c.type == g.type { return true }
        return g.type == .person && c.wordCount == 1 && words[c.wordStart] == g.lastWord
    }

    // MARK: - Mentions

    /// Tags untagged repetitions of tagged names (same tokens, same capitals).
    private func propagate(_ tagged: TaggedText, _ mentions: inout [TaggedMention], _ covered: inout [Bool], _ sentenceOf: [Int]) {
        var known = FlatHashMap<Int32>(capacity: mentions.count)
        var isEmpty = true
        var longest = 0
        for m in mentions where tagged.lexemes[m.tokens.lowerBound].flags.contains(.initialCapital) {
            var h = NERHash.seed
            for t in m.tokens { h = NERHash.mix(h, tagged.lexemes[t].word) }
            known.insertIfAbsent(h, EntityResolver.index(of: m.type))
            isEmpty = false
            longest = max(longest, m.tokens.count)
        }
        guard !isEmpty else { return }
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
                        found = length; type = EntityResolver.type(at: t)
                    }
                }
            }
            if found > 0 {
                mentions.append(TaggedMention(tokens: i..<(i + found), type: type, sentence: sentenceOf[i]))
                for t in i..<(i + found) { covered[t] = true }
                i += found
            } else {
                i += 1
            }
        }
    }

    /// Adds all-capitals tokens that spell the initials of a multi-word name of the document.
    private func addAcronyms(_ tagged: TaggedText, _ candidates: inout Candidates, _ covered: inout [Bool], _ sentenceOf: [Int]) {
        var acronyms = FlatHashMap<Int32>(capacity: candidates.items.count)
        var isEmpty = true
        for c in candidates.items where c.wordCount >= 2 && c.initialsCount == c.wordCount {
            acronyms.insertIfAbsent(c.initials, EntityResolver.index(of: c.type))
            isEmpty = false
        }
        guard !isEmpty else { return }
        for t in tagged.tokens.indices where !covered[t] {
            let lexeme = tagged.lexemes[t]
            guard lexeme.flags.contains(.allCapitals), lexeme.length >= 2, lexeme.length <= 6,
                  tagged.context[t] & NERDocument.capsSentence == 0 else { continue }
            let folded = ResolutionFold.foldedHash(tagged.text.scalars, tagged.tokens[t].start, tagged.tokens[t].end,
                                                   scratch: &candidates.folded)
            guard let type = acronyms[folded.hash] else { continue }
            covered[t] = true
            candidates.add(TaggedMention(tokens: t..<(t + 1), type: EntityResolver.type(at: type), sentence: sentenceOf[t]), tagged)
        }
    }

    /// The position of a type in `EntityType.allCases`, the order in which type votes are read.
    @inline(__always)
    private static func index(of type: EntityType) -> Int32 {
        switch type {
        case .person: 0
        case .organization: 1
        case .location: 2
        case .misc: 3
        }
    }

    @inline(__always)
    private static func type(at index: Int32) -> EntityType {
        switch index {
        case 0: .person
        case 1: .organization
        case 2: .location
        default: .misc
        }
    }

    // MARK: - Entities

    /// A distinct surface form of an entity, with its string.
    private struct Surface {
        var span: TextSpan
        var text: String
        var isASCII: Bool
    }

    /// What ranking an entity needs, worked out before any of its strings are built.
    private struct Ranked {
        /// Its mentions: candidate indices at these positions of the member array, in text order.
        var members: Range<Int>
        var type: EntityType
        /// The candidate that gives its name.
        var name: Int
        var score: Double
        /// Where its first mention starts.
        var first: Int
    }

    private func entities(_ groups: [Group], _ groupOf: [Int32], _ items: [Candidate],
                          _ tagged: TaggedText, _ sentenceOf: [Int]) -> [Entity] {
        let sentenceCount = max(1, tagged.sentences.count)
        let firstParagraphEnd = tagged.paragraphs.first?.end ?? (tagged.sentences.first.map { tagged.tokens[$0.upperBound - 1].end } ?? 0)
        // The members of each group side by side in one array, each group's in text order
        // (mentions never overlap, so no two start at the same place).
        let textOrder = EntityResolver.sortedIndices(items.map { SortKey(major: 0, start: $0.span.start) })
        var memberStart = [Int](repeating: 0, count: groups.count + 1)
        for index in items.indices { memberStart[Int(groupOf[index]) + 1] += 1 }
        for g in groups.indices { memberStart[g + 1] += memberStart[g] }
        var members = [Int](repeating: 0, count: items.count)
        var fill = memberStart
        for index in textOrder {
            let g = Int(groupOf[index])
            members[fill[g]] = index
            fill[g] += 1
        }
        var ranked: [Ranked] = []
        ranked.reserveCapacity(groups.count)
        for g in groups.indices {
            let range = memberStart[g]..<memberStart[g + 1]
            let first = items[members[range.lowerBound]]
            // Type: a vote, longer mentions weighing more.
            // A full name is tagged with the most context around it: it outweighs several short forms.
            var votes: (Int, Int, Int, Int) = (0, 0, 0, 0)
            for i in range {
                let m = items[members[i]]
                let v = m.wordCount >= 2 ? 5 : 1
                switch m.type {
                case .person: votes.0 += v
                case .organization: votes.1 += v
                case .location: votes.2 += v
                case .misc: votes.3 += v
                }
            }
            var type = first.type, best = -1
            if votes.0 > 0 && votes.0 > best { best = votes.0; type = .person }
            if votes.1 > 0 && votes.1 > best { best = votes.1; type = .organization }
            if votes.2 > 0 && votes.2 > best { best = votes.2; type = .location }
            if votes.3 > 0 && votes.3 > best { best = votes.3; type = .misc }
            // Name: the most complete form, preferring ordinary capitals to a headline's.
            var nameIndex = members[range.lowerBound]
            for i in range {
                let m = items[members[i]], name = items[nameIndex]
                let better = (m.isAllCapitals ? 0 : 1000) + m.wordCount * 10 + m.tokens.count
                let current = (name.isAllCapitals ? 0 : 1000) + name.wordCount * 10 + name.tokens.count
                if better > current { nameIndex = members[i] }
            }
            // An adjective and an organisational head noun name a group, not a place:
            // "Islamic State", "Free Syrian Army", "Popular Front". (Only places are retyped:
            // other names so formed are as often events or ideas, e.g. "Islamic Revolution".)
            if type == .location, EntityResolver.isAdjectivalGroupName(items[nameIndex].tokens, tagged) {
                type = .organization
            }
            var weight = 0.0
            for i in range { weight += mentionWeight(items[members[i]], tagged, firstParagraphEnd: firstParagraphEnd) }
            let firstSentence = sentenceOf[first.tokens.lowerBound]
            let early = 1.0 - Double(firstSentence) / Double(sentenceCount)
            let typeWeight: Double = switch type {
            case .person, .organization: 1.0
            case .location: 0.5
            case .misc: 0.4
            }
            ranked.append(Ranked(members: range, type: type, name: nameIndex, score: (weight + early) * typeWeight,
                                 first: first.span.start))
        }
        let total = ranked.reduce(0.0) { $0 + $1.score }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.first < $1.first }
        // The strings, once per distinct form, and each entity built once in its final place.
        var result: [Entity] = []
        result.reserveCapacity(ranked.count)
        var surfaces: [Surface] = []
        surfaces.reserveCapacity(items.count)
        for (index, entity) in ranked.enumerated() {
            let name = items[entity.name]
            let nameText = tagged.text[name.span]
            let formsStart = surfaces.count
            surfaces.append(Surface(span: name.span, text: nameText, isASCII: EntityResolver.isASCII(name.span, tagged.text)))
            var aliases: [String] = []
            var mentionsOut: [Mention] = []
            mentionsOut.reserveCapacity(entity.members.count)
            for i in entity.members {
                let m = items[members[i]]
                let surface = EntityResolver.surface(m.span, tagged.text, &surfaces, from: formsStart, &aliases)
                mentionsOut.append(Mention(span: m.span, text: surface))
            }
            result.append(Entity(id: EntityResolver.entityID(index + 1), type: entity.type, name: nameText, aliases: aliases,
                                 salience: total > 0 ? entity.score / total : 0, mentions: mentionsOut))
        }
        return result
    }

    /// The string of a mention's surface form. Builds it only for a form not seen yet in the
    /// entity (`surfaces` from `start`, which starts with the name) and adds it to `aliases`
    /// unless it equals, as a `String`, a form already seen.
    private static func surface(_ span: TextSpan, _ text: ScalarText, _ surfaces: inout [Surface], from start: Int,
                                _ aliases: inout [String]) -> String {
        let scalars = text.scalars
        for s in surfaces[start...] where s.span.length == span.length {
            var same = true
            for k in 0..<span.length where scalars[s.span.start + k] != scalars[span.start + k] { same = false; break }
            if same { return s.text }
        }
        let string = text[span]
        let ascii = isASCII(span, text)
        // Different ASCII scalars are different strings; otherwise canonical equivalence decides.
        var seen = false
        for s in surfaces[start...] where !(ascii && s.isASCII) && s.text == string { seen = true; break }
        surfaces.append(Surface(span: span, text: string, isASCII: ascii))
        if !seen { aliases.append(string) }
        return string
    }

    @inline(__always)
    private static func isASCII(_ span: TextSpan, _ text: ScalarText) -> Bool {
        for i in span.start..<span.end where text.scalars[i].value >= 0x80 { return false }
        return true
    }

    /// "e1", "e2", ...: the id of the entity of salience rank `number`.
    static func entityID(_ number: Int) -> String {
        var digits = 1, rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return String(unsafeUninitializedCapacity: digits + 1) { buffer in
            buffer[0] = UInt8(ascii: "e")
            var n = number
            for i in stride(from: digits, through: 1, by: -1) {
                buffer[i] = UInt8(truncatingIfNeeded: 48 + n % 10)
                n /= 10
            }
            return digits + 1
        }
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
        // Most articles have no lone title at all.
        guard mentions.contains(where: { $0.tokens.count == 1 && titles.contains(tagged.lexemes[$0.tokens.lowerBound].lower) }) else {
            return mentions
        }
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
    static let titles = ResolutionWordSet(["caliph", "president", "minister", "king", "queen", "emperor", "empress", "pope",
                                           "prince", "princess", "sultan", "emir", "sheikh", "ayatollah", "imam", "chancellor",
                                           "premier", "governor", "senator", "chairman", "ambassador", "prime", "mayor",
                                           "general", "colonel", "commander", "archbishop", "bishop", "cardinal", "patriarch",
                                           "secretary-general", "vice-president", "dictator", "pharaoh", "tsar", "czar", "shah",
                                           "khalifa", "mullah", "rabbi", "monarch", "regent"])
    /// Nouns that head names of organisations (and, after an adjective, only of organisations).
    static let organisationHeads = ResolutionWordSet(["state", "front", "army", "group", "party", "movement", "brigade",
                                                      "brigades", "council", "committee", "league", "alliance", "organisation",
                                                      "organization", "union", "congress", "network", "militia", "guard"])
    /// Endings of adjectives of nationality, religion and ideology (folded: double letters single).
    static let adjectiveEndings = ["ic", "ist", "ian", "ish", "ese", "an", "al", "ive"]

    // MARK: - Folding and word lists

    /// A comparison form of one token: lower case, particle prefix ("al-") and punctuation
    /// removed, a final "h" after a vowel dropped and double letters single ("Nusrah" and
    /// "Nusra", "Mohammed" and "Mohamed" fold the same). The resolver itself compares hashes of
    /// these forms (`ResolutionFold`).
    static func fold<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var folded: [Unicode.Scalar] = []
        ResolutionFold.fold(scalars, into: &folded)
        return ScalarText.string(folded[...])
    }

    /// Folded words that designate a kind of organisation rather than name one (hashed as
    /// `ResolutionFold.hash` hashes folded ASCII words).
    static let designators = ResolutionWordSet(["front", "group", "party", "movement", "organisation", "organization",
                                                "jabhat", "harakat", "brigade", "brigades"])
    static let functionWords = ResolutionWordSet(["the", "of", "and", "for", "in", "on", "at", "to", "'s"])
    static let pronouns = ResolutionWordSet(["he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his",
                                             "its", "their", "our", "me", "my", "who"])
    static let speechVerbs = ResolutionWordSet(["said", "says", "told", "added", "stated", "declared", "explained", "insisted",
                                                "continued", "warned", "argued", "claimed", "announced", "wrote"])
    static let the = NERHash.string("the")
}
