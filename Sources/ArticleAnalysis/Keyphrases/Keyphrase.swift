/// A phrase that says what the article is about, with its score (higher is better).
public struct Keyphrase: Sendable, Equatable {
    public var text: String
    public var score: Double
    public init(text: String, score: Double) { self.text = text; self.score = score }
}

/// Picks the phrases that best say what an article is about, from statistics of the article
/// itself (no part-of-speech tagger, no corpus), in the spirit of YAKE (Campos et al., 2020):
/// casing, position and frequency of words, and how often a phrase recurs as a unit.
///
/// 1. Candidates are runs of one to four words inside a sentence, not crossing punctuation or a
///    number, that start and end with a content word; inside, only connectors such as "of", "on",
///    "the" may appear ("attacks on the West"). Stop words (see `EnglishWords`) are never a
///    candidate alone, and a run that cuts a sequence of capitalised words in two ("leader of
///    Jabhat" out of "Jabhat al-Nusrah") is not a candidate. Words are counted by stem.
/// 2. Each content word weighs 1 + ln(frequency), up to double when written as a name or acronym
///    away from a sentence start, up to half again when it first appears in the lede.
/// 3. A candidate scores the geometric mean of its words' weights times 1 + ln(how often it
///    recurs as a unit), with a small bonus for two- and three-word phrases and a penalty for a
///    lone common noun. Candidates that name an entity (its name, an alias or a mention) recur as
///    often as the entity is mentioned and are boosted by its salience relative to the most
///    salient entity.
/// 4. Near duplicates fold: a phrase whose stemmed content words equal those of a better one
///    ("attack the West" after "attacks on the West"), that names the same entity as a better
///    one, that is a name holding or held by a better name ("Khashoggi", "Jamal Khashoggi"), or
///    that only ever occurs inside a better one ("Khorasan" inside "Khorasan Group"), is dropped.
///    Adverbs ("-ly") never appear in a phrase, and one never ends in "-ed" ("crashed").
///
/// The reported score is the phrase's raw score over the best phrase's (1 for the best, falling).
public struct KeyphraseExtractor: Sendable {
    public var count = 10
    public var maximumWords = 4

    public init() {}

    public func extract(_ text: ScalarText, _ segmentation: Segmentation, _ entities: [Entity]) -> [Keyphrase] {
        extract(text, ReaderWords(text.scalars, segmentation), entities)
    }

    /// As above, with the article's words already scanned (shared with summary and tone).
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func extract(_ text: ScalarText, _ words: ReaderWords, _ entities: [Entity]) -> [Keyphrase] {
        var document = KeyphraseDocument(text.scalars, words, maximumWords: maximumWords)
        document.scoreWords()
        return document.select(count: count, entities: entities, text: text)
    }
}

/// The statistics one extraction needs: words, their terms, and the candidate phrases.
///
/// Words are identified by hashes (`WordHash`) and terms by number, so counting and lookups
/// build no strings; only the chosen phrases become `String`s.
struct KeyphraseDocument {
    struct Word {
        var start: Int
        /// The end without a possessive ("al-Qaeda’s" ends before "’s").
        var end: Int
        /// The term (stem) number for a content word; -1 - connector number for a connector;
        /// `Int.min` for other stop words.
        var term: Int
        var sentence: Int
        /// Words in one segment are not separated by punctuation, a number or a sentence end.
        var segment: Int
        /// Written with a capital somewhere ("Syria", "al-Qaeda", "FSB").
        var isNameLike: Bool
        var isFirstInSentence: Bool
        /// "-ly" adverb: never inside a phrase.
        var isAdverb: Bool
        /// "-ed" word: never at the end of a phrase.
        var isPastTense: Bool
        var isContent: Bool { term >= 0 }
        var isConnector: Bool { term < 0 && term != Int.min }
    }

    struct Term {
        var count = 0
        var nameCount = 0
        var acronymCount = 0
        var firstSentence: Int
        var score = 0.0
        var logScore = 0.0
    }

    struct Candidate {
        /// The phrase's key: its terms and connectors, hashed.
        var key: UInt64
        /// First and last word of the first occurrence.
        var first: Int
        var last: Int
        /// The first occurrence not at a sentence start (its casing is the phrase's own), or -1.
        var midSentenceFirst = -1
        var count = 0
        var contentWords = 0
        var score = 0.0
    }

    let scalars: [Unicode.Scalar]
    var words: [Word] = []
    var terms: [Term] = []
    var termIndex = HashIndex(capacity: 512)
    var candidates: [Candidate] = []
    var candidateIndex = HashIndex(capacity: 2048)

    init(_ scalars: [Unicode.Scalar], _ segmentation: Segmentation, maximumWords: Int) {
        self.init(scalars, ReaderWords(scalars, segmentation), maximumWords: maximumWords)
    }

    init(_ scalars: [Unicode.Scalar], _ readerWords: ReaderWords, maximumWords: Int) {
        self.scalars = scalars
        var segment = 0
        words.reserveCapacity(readerWords.words.count)
        for sentence in readerWords.spans.indices {
            segment += 1
            var firstInSentence = true
            for index in readerWords.range(sentence) {
                let readerWord = readerWords.words[index]
                let token = readerWord.token
                guard token.kind == .word else {
                    segment += 1  // punctuation and numbers end a phrase
                    continue
                }
                let end = readerWord.strippedEnd
                let isNameLike = WordScanner.containsUppercase(scalars, token.start, end)
                var term = Int.min
                if readerWord.isContent {
                    let stem = readerWord.stemHash
                    // Content words are counted by stem, so "attack" and "attacks" share statistics.
                    if let t = termIndex[stem] {
                        term = Int(t)
                    } else {
                        term = terms.count
                        termIndex.insert(stem, Int32(term))
                        terms.append(Term(firstSentence: sentence))
                    }
                    terms[term].count += 1
                    if WordScanner.isAllCaps(scalars, token.start, end) {
                        terms[term].acronymCount += 1
                    } else if isNameLike && (!firstInSentence || !WordScanner.isUppercase(scalars[token.start])) {
                        terms[term].nameCount += 1  // "Syria" mid-sentence, "al-Qaeda" anywhere
                    }
                } else if let connector = EnglishWords.connectorHashes[readerWord.strippedHash] {
                    term = -1 - Int(connector)
                }
                let lowerCase = !isNameLike
                words.append(Word(start: token.start, end: end, term: term, sentence: sentence, segment: segment,
                                  isNameLike: isNameLike, isFirstInSentence: firstInSentence,
                                  isAdverb: lowerCase && KeyphraseDocument.hasSuffix(scalars, token.start, end, "ly")
                                      && !KeyphraseDocument.hasSuffix(scalars, token.start, end, "ply")
                                      && (!KeyphraseDocument.hasSuffix(scalars, token.start, end, "ally")
                                          || KeyphraseDocument.hasSuffix(scalars, token.start, end, "ically")),
                                  isPastTense: lowerCase && KeyphraseDocument.hasSuffix(scalars, token.start, end, "ed")
                                      && !KeyphraseDocument.hasSuffix(scalars, token.start, end, "eed")
                                      && !KeyphraseDocument.hasSuffix(scalars, token.start, end, "dred")))
                firstInSentence = false
            }
        }
        collectCandidates(maximumWords: maximumWords)
    }

    /// True when the word is longer than four letters and ends with `suffix` (ASCII, lower case).
    static func hasSuffix(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard end - start > 4, end - start > n else { return false }
        let p = suffix.utf8Start
        for k in 0..<n where s[end - n + k].value != UInt32(p[k]) { return false }
        return true
    }

    /// True when word `i` is a capitalised content word in the same segment as word `j`: a
    /// phrase that ends between them would cut a name in two ("leader of Jabhat" | "al-Nusrah").
    func continuesName(_ i: Int, from j: Int) -> Bool {
        i >= 0 && i < words.count && words[i].segment == words[j].segment && words[i].isNameLike && words[j].isNameLike
            && words[i].isContent
    }

    mutating func collectCandidates(maximumWords: Int) {
        candidates.reserveCapacity(words.count * 2)
        for first in words.indices where words[first].isContent {
            if continuesName(first - 1, from: first) || words[first].isAdverb { continue }
            // A lower-case word right before a name is rarely part of a noun phrase with it
            // ("use Syria", "embattled Syrian president").
            let startsBeforeName = !words[first].isNameLike && first + 1 < words.count
                && words[first + 1].segment == words[first].segment && words[first + 1].isNameLike
            var key = WordHash.seed
            var contentWords = 0
            var last = first
            while last < words.count, last - first < maximumWords, words[last].segment == words[first].segment {
                let word = words[last]
                if !(word.isContent || word.isConnector) || word.isAdverb { break }
                key = WordHash.combine(key, word.term)
                if word.isContent {
                    contentWords += 1
                    if !(continuesName(last + 1, from: last) || word.isPastTense || (startsBeforeName && last > first)) {
                        let index: Int
                        if let c = candidateIndex[key] {
                            index = Int(c)
                        } else {
                            index = candidates.count
                            candidateIndex.insert(key, Int32(index))
                            candidates.append(Candidate(key: key, first: first, last: last, contentWords: contentWords))
                        }
                        candidates[index].count += 1
                        if candidates[index].midSentenceFirst < 0 && !words[first].isFirstInSentence {
                            candidates[index].midSentenceFirst = first
                        }
                    }
                }
                last += 1
            }
        }
    }

    /// The weight of every content term (higher is more important): how often it occurs
    /// (1 + ln tf), how often it is written as a name or acronym away from a sentence start (up to
    /// doubling), and how early it first appears (up to half again for the lede).
    mutating func scoreWords() {
        for t in terms.indices {
            let term = terms[t]
            let tf = Double(term.count)
            let nameRatio = Double(max(term.nameCount, term.acronymCount)) / tf
            let position = 1 + 0.5 / Double(1 + term.firstSentence)
            terms[t].score = (1 + ReaderMath.log(tf)) * (1 + nameRatio) * position
            terms[t].logScore = ReaderMath.log(terms[t].score)
        }
    }

    /// The occurrence that shows a candidate: its first one away from a sentence start, if any.
    func shown(_ candidate: Candidate) -> (first: Int, last: Int) {
        let first = candidate.midSentenceFirst >= 0 ? candidate.midSentenceFirst : candidate.first
        return (first, first + (candidate.last - candidate.first))
    }

    /// True when every word of the shown occurrence has a capital ("Jamal Khashoggi", "al-Qaeda").
    func isName(_ candidate: Candidate) -> Bool {
        let (first, last) = shown(candidate)
        return (first...last).allSatisfy { words[$0].isNameLike }
    }

    /// The term numbers of a candidate's words (connectors negative), in order.
    func sequence(_ candidate: Candidate) -> [Int] { (candidate.first...candidate.last).map { words[$0].term } }

    /// Scores candidates, folds near duplicates and returns the best `count`.
    mutating func select(count: Int, entities: [Entity], text: ScalarText) -> [Keyphrase] {
        // Entity names and aliases, as candidate keys, with the entity's index and salience.
        // Salience is taken relative to the most salient entity, so the boost does not depend on
        // how the entity stage scales it.
        let topSalience = entities.map(\.salience).max() ?? 0
        var entityKeyIndex = HashIndex(capacity: 64)
        var entityKeyValues: [(entity: Int, salience: Double, mentions: Int)] = []
        var forms = HashIndex(capacity: 64)
        for (n, entity) in entities.enumerated() {
            let salience = topSalience > 0 ? max(0, entity.salience) / topSalience : 0
            // Mentions mostly repeat the name and aliases: key each distinct form once. A form's
            // key ignores case like `WordHash`, so forms are told apart by their `WordHash`.
            forms.removeAll()
            func add(_ name: String) {
                let formHash = WordHash.of(name)
                guard !forms.contains(formHash) else { return }
                forms.insert(formHash, 0)
                if let key = phraseKey(name), !entityKeyIndex.contains(key) {
                    entityKeyIndex.insert(key, Int32(entityKeyValues.count))
                    entityKeyValues.append((n, salience, entity.mentions.count))
                }
            }
            add(entity.name)
            for alias in entity.aliases { add(alias) }
            for mention in entity.mentions { add(mention.text) }
        }
        func entityKey(_ key: UInt64) -> (entity: Int, salience: Double, mentions: Int)? {
            guard let k = entityKeyIndex[key] else { return nil }
            return entityKeyValues[Int(k)]
        }
        for c in candidates.indices {
            let candidate = candidates[c]
            // Geometric mean of the words' weights, so length alone neither helps nor hurts,
            // times 1 + ln(how often the phrase recurs as a unit), with a small bonus for two- and
            // three-word phrases (more informative than a single word of equal weight).
            let mean: Double
            switch candidate.contentWords {
            case 1:
                mean = terms[words[candidate.first].term].score
            case 2:
                mean = (terms[words[candidate.first].term].score * terms[words[candidate.last].term].score).squareRoot()
            default:
                var logSum = 0.0
                for w in candidate.first...candidate.last where words[w].isContent { logSum += terms[words[w].term].logScore }
                mean = ReaderMath.exp(logSum / Double(candidate.contentWords))
            }
            let lengthBonus = candidate.contentWords == 2 || candidate.contentWords == 3 ? 1.2 : (candidate.contentWords >= 4 ? 1.1 : 1.0)
            var recurrence = Double(candidate.count)
            var specificity = 1.0
            if let entity = entityKey(candidate.key) {
                // An entity recurs under all its names ("Islamic State" and "IS").
                recurrence = max(recurrence, Double(entity.mentions))
                specificity = 1.5 + 1.5 * entity.salience
            } else if candidate.contentWords == 1 && !isName(candidate) {
                specificity = 0.75  // a lone common noun ("groups") says less than a name or a phrase
            }
            candidates[c].score = mean * (1 + (recurrence == 1 ? 0 : ReaderMath.log(recurrence))) * lengthBonus * specificity
        }
        var ranked = ranking(reserve: 6 * count)
        var position = 0

        var chosen: [Keyphrase] = []
        var chosenStems: [Set<Int>] = []
        var chosenSequences: [[Int]] = []
        var chosenCounts: [Int] = []
        var chosenIsName: [Bool] = []
        var chosenEntities: Set<Int> = []
        var best = 0.0
        while chosen.count < count {
            if position == ranked.count {
                guard ranked.count < candidates.count else { break }
                let seen = Set(ranked)
                ranked += candidates.indices.filter { !seen.contains($0) }.sorted(by: better)
            }
            let c = ranked[position]
            position += 1
            let candidate = candidates[c]
            let sequence = sequence(candidate)
            let stems = Set(sequence.filter { $0 >= 0 })
            if chosenStems.contains(stems) { continue }
            let entity = entityKey(candidate.key)?.entity
            if let entity, chosenEntities.contains(entity) { continue }
            // A name and a part of it ("Khashoggi", "Jamal Khashoggi") name one thing: keep the better.
            let isName = isName(candidate)
            if isName, zip(chosenStems, chosenIsName).contains(where: { other, otherIsName in
                otherIsName && (other.isSubset(of: stems) || stems.isSubset(of: other))
            }) { continue }
            // Only ever seen inside a phrase already chosen ("Khorasan" after "Khorasan Group"), a
            // common word inside a chosen phrase that is not a name ("investigation" after
            // "investigation of Ford"; "fire" stays after "State Fire Brigade"), or holding a
            // chosen phrase of two or more words ("criminal investigation of Ford").
            let isCommonWord = candidate.contentWords == 1 && !isName
            var folded = false
            for k in chosenSequences.indices {
                let other = chosenSequences[k]
                if KeyphraseDocument.contains(other, sequence) && ((isCommonWord && !chosenIsName[k]) || chosenCounts[k] >= candidate.count)
                    || KeyphraseDocument.contains(sequence, other) && chosenStems[k].count >= 2 {
                    folded = true
                    break
                }
            }
            if folded { continue }
            if best == 0 { best = candidate.score }
            let (first, last) = shown(candidate)
            let surface = text[TextSpan(start: words[first].start, end: words[last].end)]
            chosen.append(Keyphrase(text: surface, score: best > 0 ? candidate.score / best : 1))
            chosenStems.append(stems)
            chosenSequences.append(sequence)
            chosenCounts.append(candidate.count)
            chosenIsName.append(isName)
            if let entity { chosenEntities.insert(entity) }
        }
        return chosen
    }

    func better(_ a: Int, _ b: Int) -> Bool {
        candidates[a].score != candidates[b].score ? candidates[a].score > candidates[b].score : candidates[a].first < candidates[b].first
    }

    /// The best `reserve` candidate numbers, best first. Picking the top few by insertion is much
    /// cheaper than sorting every candidate; `select` sorts the rest only if folding uses them up.
    func ranking(reserve: Int) -> [Int] {
        var top: [Int] = []
        top.reserveCapacity(reserve + 1)
        for c in candidates.indices {
            if top.count == reserve, !better(c, top[reserve - 1]) { continue }
            var k = top.count
            top.append(c)
            while k > 0 && better(c, top[k - 1]) { top[k] = top[k - 1]; k -= 1 }
            top[k] = c
            if top.count > reserve { top.removeLast() }
        }
        return top
    }

    /// True when `outer` holds `inner` as a contiguous run and is longer.
    static func contains(_ outer: [Int], _ inner: [Int]) -> Bool {
        guard outer.count > inner.count, !inner.isEmpty else { return false }
        for start in 0...(outer.count - inner.count) where outer[start] == inner[0] {
            if Array(outer[start..<(start + inner.count)]) == inner { return true }
        }
        return false
    }

    /// The candidate key of a name (its words as terms and connectors), or nil when a word of it
    /// is not a term of this article or is a stop word that cannot be inside a phrase.
    func phraseKey(_ name: String) -> UInt64? {
        let scalars = Array(name.unicodeScalars)
        var tokens: [ReaderToken] = []
        var buffer: [UInt32] = []
        WordScanner.scan(scalars, 0..<scalars.count, into: &tokens)
        var key = WordHash.seed
        var any = false
        for token in tokens where token.kind == .word {
            let end = WordScanner.endWithoutPossessive(scalars, token)
            let hash = WordHash.of(scalars, token.start, end)
            if let connector = EnglishWords.connectorHashes[hash] {
                key = WordHash.combine(key, -1 - Int(connector))
            } else if EnglishWords.isStop(scalars, token.start, end, hash: hash) {
                return nil
            } else if let term = termIndex[EnglishWords.stemHash(scalars, token.start, end, &buffer)] {
                key = WordHash.combine(key, Int(term))
                any = true
            } else {
                return nil
            }
        }
        return any ? key : nil
    }
}
