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
/// build no strings; only the chosen phrases become `String`s. A candidate is a run of words
/// (`first...last`), so comparing two candidates reads their words' term numbers in place.
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
        // Neighbours in the same segment, noted as the next word is added, so that building the
        // candidates reads a flag instead of the words around:
        /// The next word has a capital ("use Syria").
        var precedesName = false
        /// Name-like, and the next word is a name-like content word: a phrase ending here would
        /// cut a name in two ("leader of Jabhat" | "al-Nusrah").
        var precedesNamePart = false
        /// Name-like, and the word before is a name-like content word: a phrase starting here
        /// would cut a name in two.
        var followsNamePart = false
        var isContent: Bool { term >= 0 }
        var isConnector: Bool { term < 0 && term != Int.min }
    }

    struct Term {
        var count = 0
        var nameCount = 0
        var acronymCount = 0
        var firstSentence: Int
        var score = 0.0
        /// ln(score), computed when a phrase of three or more content words first needs it.
        var logScore = Double.nan
    }

    struct Candidate {
        /// The phrase's key: its terms and connectors, hashed (`extendKey`).
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

    /// What a candidate key that names an entity (its name, an alias or a mention) stands for.
    struct EntityKey {
        var entity: Int
        /// Salience relative to the most salient entity.
        var salience: Double
        var mentions: Int
    }

    let scalars: [Unicode.Scalar]
    var words: [Word]
    var terms: [Term]
    var termIndex: HashIndex
    var candidates: [Candidate]
    var candidateIndex: HashIndex

    init(_ scalars: [Unicode.Scalar], _ segmentation: Segmentation, maximumWords: Int) {
        self.init(scalars, ReaderWords(scalars, segmentation), maximumWords: maximumWords)
    }

    init(_ scalars: [Unicode.Scalar], _ readerWords: ReaderWords, maximumWords: Int) {
        self.scalars = scalars
        var words: [Word] = []
        words.reserveCapacity(readerWords.words.count)
        var terms: [Term] = []
        terms.reserveCapacity(readerWords.termCount)
        let connectorHashes = EnglishWords.connectorHashes
        scalars.withUnsafeBufferPointer { p in
            readerWords.words.withUnsafeBufferPointer { readerWordList in
                guard let text = p.baseAddress, let list = readerWordList.baseAddress else { return }
                var segment = 0
                for sentence in readerWords.spans.indices {
                    segment += 1
                    var firstInSentence = true
                    for index in readerWords.range(sentence) {
                        let readerWord = list[index]
                        let token = readerWord.token
                        guard token.kind == .word else {
                            segment += 1  // punctuation and numbers end a phrase
                            continue
                        }
                        let end = readerWord.strippedEnd
                        let isNameLike = readerWord.hasUppercase
                        var term = Int.min
                        if readerWord.isContent {
                            // Content words are counted by stem, so "attack" and "attacks" share statistics;
                            // the shared pass numbered the stems in order of first occurrence.
                            term = Int(readerWord.term)
                            if term == terms.count { terms.append(Term(firstSentence: sentence)) }
                            terms[term].count += 1
                            if readerWord.isAllCaps {
                                terms[term].acronymCount += 1
                            } else if isNameLike && (!firstInSentence || !WordScanner.isUppercase(text[token.start])) {
                                terms[term].nameCount += 1  // "Syria" mid-sentence, "al-Qaeda" anywhere
                            }
                        } else if let connector = connectorHashes[readerWord.strippedHash] {
                            term = -1 - Int(connector)
                        }
                        let endings = isNameLike ? (isAdverb: false, isPastTense: false)
                            : KeyphraseDocument.endings(text, token.start, end)
                        var word = Word(start: token.start, end: end, term: term, sentence: sentence, segment: segment,
                                        isNameLike: isNameLike, isFirstInSentence: firstInSentence,
                                        isAdverb: endings.isAdverb, isPastTense: endings.isPastTense)
                        if let previous = words.indices.last, words[previous].segment == segment {
                            let before = words[previous]
                            word.followsNamePart = isNameLike && before.isNameLike && before.isContent
                            words[previous].precedesName = isNameLike
                            words[previous].precedesNamePart = before.isNameLike && isNameLike && word.isContent
                        }
                        words.append(word)
                        firstInSentence = false
                    }
                }
            }
        }
        self.words = words
        self.terms = terms
        termIndex = readerWords.termIndex
        (candidates, candidateIndex) = KeyphraseDocument.candidates(of: words, terms: terms.count, maximumWords: maximumWords)
    }

    /// Whether a lower-case word of more than four letters is an "-ly" adverb (not "-ply" as in
    /// "supply", nor "-ally" unless "-ically": "rally") or an "-ed" past tense (not "-eed" as in
    /// "speed", nor "-dred").
    @inline(__always)
    static func endings(_ p: UnsafePointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> (isAdverb: Bool, isPastTense: Bool) {
        let n = end - start
        guard n > 4 else { return (false, false) }
        let last = p[end - 1].value, second = p[end - 2].value, third = p[end - 3].value
        if second == 0x6C && last == 0x79 {  // "ly"
            if third == 0x70 { return (false, false) }  // "ply"
            let ally = third == 0x6C && p[end - 4].value == 0x61
            let ically = ally && n > 6 && p[end - 5].value == 0x63 && p[end - 6].value == 0x69
            return (!ally || ically, false)
        }
        if second == 0x65 && last == 0x64 {  // "ed"
            let eed = third == 0x65
            let dred = third == 0x72 && p[end - 4].value == 0x64
            return (false, !eed && !dred)
        }
        return (false, false)
    }

    /// The key of a phrase one word longer: `key` extended by a term or connector number (a
    /// multiply and a shift mix the bits; keys only need to tell this article's phrases apart).
    @inline(__always)
    static func extendKey(_ key: UInt64, _ term: Int) -> UInt64 {
        let h = (key ^ UInt64(bitPattern: Int64(term))) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }

    /// Every candidate phrase of `words` (see `KeyphraseExtractor`), with an index from its key
    /// to its number; `terms` is the number of distinct terms (sizes the index).
    static func candidates(of words: [Word], terms: Int, maximumWords: Int) -> ([Candidate], HashIndex) {
        // About one candidate per content word: the index grows if there are more.
        var candidateIndex = HashIndex(capacity: max(32, terms * 2))
        // Each content word starts at most `maximumWords` candidates: they are written in place
        // (appending and updating an array checks its storage every time).
        var contentWordCount = 0
        for word in words where word.isContent { contentWordCount += 1 }
        let candidates = [Candidate](unsafeUninitializedCapacity: contentWordCount * max(0, maximumWords)) { buffer, count in
            count = 0
            words.withUnsafeBufferPointer { w in
                for first in w.indices where w[first].isContent {
                    if w[first].followsNamePart || w[first].isAdverb { continue }
                    // A lower-case word right before a name is rarely part of a noun phrase with it
                    // ("use Syria", "embattled Syrian president").
                    let segment = w[first].segment
                    let startsBeforeName = !w[first].isNameLike && w[first].precedesName
                    let midSentence = !w[first].isFirstInSentence
                    var key = WordHash.seed
                    var contentWords = 0
                    var last = first
                    while last < w.count, last - first < maximumWords, w[last].segment == segment {
                        let word = w[last]
                        if !(word.isContent || word.isConnector) || word.isAdverb { break }
                        key = KeyphraseDocument.extendKey(key, word.term)
                        if word.isContent {
                            contentWords += 1
                            if !(word.precedesNamePart || word.isPastTense
                                    || (startsBeforeName && last > first)) {
                                let index = Int(candidateIndex.value(of: key, insertingIfAbsent: Int32(count)))
                                if index == count {
                                    buffer.initializeElement(at: count, to: Candidate(key: key, first: first, last: last,
                                                                                      midSentenceFirst: midSentence ? first : -1,
                                                                                      count: 1, contentWords: contentWords))
                                    count += 1
                                } else {
                                    buffer[index].count += 1
                                    if buffer[index].midSentenceFirst < 0 && midSentence {
                                        buffer[index].midSentenceFirst = first
                                    }
                                }
                            }
                        }
                        last += 1
                    }
                }
            }
        }
        return (candidates, candidateIndex)
    }

    /// ln(n) for the small counts that term frequencies and phrase recurrences are
    /// (`ReaderMath.log`, looked up instead of computed for each term and candidate).
    static let logOfSmallCount: [Double] = (0..<128).map { ReaderMath.log(Double($0)) }

    @inline(__always)
    static func logOfCount(_ n: Double, _ table: [Double]) -> Double {
        if n >= 1 && n < Double(table.count) { return table[Int(n)] }
        return ReaderMath.log(n)
    }

    /// The weight of every content term (higher is more important): how often it occurs
    /// (1 + ln tf), how often it is written as a name or acronym away from a sentence start (up to
    /// doubling), and how early it first appears (up to half again for the lede).
    mutating func scoreWords() {
        let logs = KeyphraseDocument.logOfSmallCount
        for t in terms.indices {
            let term = terms[t]
            let tf = Double(term.count)
            let nameRatio = Double(max(term.nameCount, term.acronymCount)) / tf
            let position = 1 + 0.5 / Double(1 + term.firstSentence)
            terms[t].score = (1 + KeyphraseDocument.logOfCount(tf, logs)) * (1 + nameRatio) * position
        }
    }

    /// ln of a term's score (computed once, when first needed).
    mutating func logScore(_ t: Int) -> Double {
        if terms[t].logScore.isNaN { terms[t].logScore = ReaderMath.log(terms[t].score) }
        return terms[t].logScore
    }

    /// The occurrence that shows a candidate: its first one away from a sentence start, if any.
    func shown(_ candidate: Candidate) -> (first: Int, last: Int) {
        let first = candidate.midSentenceFirst >= 0 ? candidate.midSentenceFirst : candidate.first
        return (first, first + (candidate.last - candidate.first))
    }

    /// True when every word of the shown occurrence has a capital ("Jamal Khashoggi", "al-Qaeda").
    func isName(_ candidate: Candidate) -> Bool {
        let (first, last) = shown(candidate)
        for w in first...last where !words[w].isNameLike { return false }
        return true
    }

    /// Candidate keys of the entities' names, aliases and mentions. Salience is taken relative to
    /// the most salient entity, so the boost does not depend on how the entity stage scales it. A
    /// key that names two entities stands for the first.
    func entityKeys(_ entities: [Entity]) -> (index: HashIndex, keys: [EntityKey]) {
        var topSalience: Double? = nil  // as `max()`: the first of equals, NaN never replacing
        for entity in entities where topSalience.map({ $0 < entity.salience }) ?? true { topSalience = entity.salience }
        let top = topSalience ?? 0
        var index = HashIndex(capacity: 64)
        var keys: [EntityKey] = []
        // Forms already keyed, told apart by a hash of their UTF-8. A form gives the same key
        // whichever entity it names, and once keyed that key (if any) stands for the first entity
        // it named, so keying it again for a later entity would change nothing: each distinct form
        // of the article is keyed once (mentions mostly repeat names and aliases).
        var forms = HashIndex(capacity: 64)
        // The form's scalars, decoded from its UTF-8 (grown for a longer form).
        var scratch = UnsafeMutableBufferPointer<Unicode.Scalar>.allocate(capacity: 64)
        defer { scratch.deallocate() }
        let connectorHashes = EnglishWords.connectorHashes, stopHashes = EnglishWords.stopHashes
        for n in entities.indices {
            let salience = top > 0 ? max(0, entities[n].salience) / top : 0
            let mentionCount = entities[n].mentions.count
            let name = entities[n].name
            let aliases = entities[n].aliases, mentions = entities[n].mentions
            // The name (-1), the aliases, then the mentions.
            for f in -1..<(aliases.count + mentions.count) {
                let form: String
                if f < 0 {
                    form = name
                } else if f < aliases.count {
                    form = aliases[f]
                } else {
                    form = mentions[f - aliases.count].text
                    if form == name { continue }  // most mentions: a string comparison skips hashing them
                }
                if let key = newFormKey(form, &forms, &scratch, connectorHashes, stopHashes), !index.contains(key) {
                    index.insert(key, Int32(keys.count))
                    keys.append(EntityKey(entity: n, salience: salience, mentions: mentionCount))
                }
            }
        }
        return (index, keys)
    }

    /// The candidate key of an entity form not seen before (`phraseKey`); nil for a form in
    /// `forms` (which it joins) or without a key. `scratch` holds the decoded scalars and grows
    /// for a longer form.
    private func newFormKey(_ form: String, _ forms: inout HashIndex, _ scratch: inout UnsafeMutableBufferPointer<Unicode.Scalar>,
                            _ connectorHashes: HashIndex, _ stopHashes: HashIndex) -> UInt64? {
        var form = form
        return form.withUTF8 { utf8 -> UInt64? in
            var formHash = WordHash.seed
            for byte in utf8 { formHash = WordHash.step(formHash, UInt32(byte)) }
            let known = forms.count
            _ = forms.value(of: formHash, insertingIfAbsent: 0)
            guard forms.count > known else { return nil }
            if utf8.count > scratch.count {
                scratch.deallocate()
                scratch = .allocate(capacity: utf8.count)
            }
            let length = ScalarText.decode(utf8, into: scratch)
            return phraseKey(UnsafeBufferPointer(rebasing: scratch[..<length]), connectorHashes, stopHashes)
        }
    }

    /// Scores candidates, folds near duplicates and returns the best `count`.
    mutating func select(count: Int, entities: [Entity], text: ScalarText) -> [Keyphrase] {
        let (entityIndex, entityKeys) = entityKeys(entities)
        func entityKey(_ key: UInt64) -> EntityKey? {
            guard let k = entityIndex[key] else { return nil }
            return entityKeys[Int(k)]
        }
        let logs = KeyphraseDocument.logOfSmallCount
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
                for w in candidate.first...candidate.last where words[w].isContent { logSum += logScore(words[w].term) }
                mean = ReaderMath.exp(logSum / Double(candidate.contentWords))
            }
            let lengthBonus = candidate.contentWords == 2 || candidate.contentWords == 3 ? 1.2 : (candidate.contentWords >= 4 ? 1.1 : 1.0)
            var recurrence = Double(candidate.count)
            var specificity = 1.0
            if let entity = entityKey(candidate.key) {
                // An entity recurs under all its names ("Islamic State" and "IS").
                recurrence = max(recurrence, Double(entity.mentions))
                specificity = 1.5 + 1.5 * entity.salience
            } else if candidate.contentWords == 1 && !words[shown(candidate).first].isNameLike {
                specificity = 0.75  // a lone common noun ("groups") says less than a name or a phrase
            }
            let recurrenceLog = recurrence == 1 ? 0 : KeyphraseDocument.logOfCount(recurrence, logs)
            candidates[c].score = mean * (1 + recurrenceLog) * lengthBonus * specificity
        }
        var ranked = ranking(reserve: 6 * count)
        var position = 0

        var chosen: [Keyphrase] = []
        // Per chosen phrase: its candidate, its number of distinct stems, whether it is a name.
        var chosenCandidates: [Int] = []
        var chosenStemCounts: [Int] = []
        var chosenIsName: [Bool] = []
        var chosenEntities: [Int] = []
        var best = 0.0
        while chosen.count < count {
            if position == ranked.count {
                guard ranked.count < candidates.count else { break }
                var seen = [Bool](repeating: false, count: candidates.count)
                for c in ranked { seen[c] = true }
                ranked += candidates.indices.filter { !seen[$0] }.sorted(by: better)
            }
            let c = ranked[position]
            position += 1
            let candidate = candidates[c]
            let phrase = candidate.first...candidate.last
            if chosenCandidates.contains(where: { sameStems(phrase, candidates[$0].first...candidates[$0].last) }) { continue }
            let entity = entityKey(candidate.key)?.entity
            if let entity, chosenEntities.contains(entity) { continue }
            // A name and a part of it ("Khashoggi", "Jamal Khashoggi") name one thing: keep the better.
            let isName = isName(candidate)
            if isName, chosenCandidates.indices.contains(where: { k in
                let other = candidates[chosenCandidates[k]].first...candidates[chosenCandidates[k]].last
                return chosenIsName[k] && (stems(of: other, areIn: phrase) || stems(of: phrase, areIn: other))
            }) { continue }
            // Only ever seen inside a phrase already chosen ("Khorasan" after "Khorasan Group"), a
            // common word inside a chosen phrase that is not a name ("investigation" after
            // "investigation of Ford"; "fire" stays after "State Fire Brigade"), or holding a
            // chosen phrase of two or more words ("criminal investigation of Ford").
            let isCommonWord = candidate.contentWords == 1 && !isName
            var folded = false
            for k in chosenCandidates.indices {
                let chosenCandidate = candidates[chosenCandidates[k]]
                let other = chosenCandidate.first...chosenCandidate.last
                if contains(other, phrase) && ((isCommonWord && !chosenIsName[k]) || chosenCandidate.count >= candidate.count)
                    || contains(phrase, other) && chosenStemCounts[k] >= 2 {
                    folded = true
                    break
                }
            }
            if folded { continue }
            if best == 0 { best = candidate.score }
            let (first, last) = shown(candidate)
            let surface = text[TextSpan(start: words[first].start, end: words[last].end)]
            chosen.append(Keyphrase(text: surface, score: best > 0 ? candidate.score / best : 1))
            chosenCandidates.append(c)
            chosenStemCounts.append(distinctStems(phrase))
            chosenIsName.append(isName)
            if let entity { chosenEntities.append(entity) }
        }
        return chosen
    }

    /// True when every stem (content term) of the words `inner` is also a stem of the words `outer`.
    func stems(of inner: ClosedRange<Int>, areIn outer: ClosedRange<Int>) -> Bool {
        for i in inner where words[i].term >= 0 {
            var found = false
            for o in outer where words[o].term == words[i].term { found = true; break }
            if !found { return false }
        }
        return true
    }

    /// True when two runs of words have the same set of stems.
    func sameStems(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Bool {
        stems(of: a, areIn: b) && stems(of: b, areIn: a)
    }

    /// The number of distinct stems among the words `range`.
    func distinctStems(_ range: ClosedRange<Int>) -> Int {
        var n = 0
        for i in range where words[i].term >= 0 {
            var repeated = false
            for j in range.lowerBound..<i where words[j].term == words[i].term { repeated = true; break }
            if !repeated { n += 1 }
        }
        return n
    }

    /// True when the term sequence of the words `outer` holds that of the words `inner` as a
    /// contiguous run and is longer.
    func contains(_ outer: ClosedRange<Int>, _ inner: ClosedRange<Int>) -> Bool {
        guard outer.count > inner.count else { return false }
        let length = inner.count
        for start in outer.lowerBound...(outer.upperBound - length + 1) {
            var k = 0
            while k < length && words[start + k].term == words[inner.lowerBound + k].term { k += 1 }
            if k == length { return true }
        }
        return false
    }

    func better(_ a: Int, _ b: Int) -> Bool {
        candidates[a].score != candidates[b].score ? candidates[a].score > candidates[b].score : candidates[a].first < candidates[b].first
    }

    /// The best `reserve` candidate numbers, best first. Picking the top few by insertion is much
    /// cheaper than sorting every candidate; `select` sorts the rest only if folding uses them up.
    func ranking(reserve: Int) -> [Int] {
        var top: [Int] = []
        guard reserve > 0 else { return top }
        top.reserveCapacity(reserve)
        candidates.withUnsafeBufferPointer { candidates in
            for c in candidates.indices {
                let score = candidates[c].score, first = candidates[c].first
                @inline(__always) func isBetter(than other: Int) -> Bool {
                    let o = candidates[other]
                    return score != o.score ? score > o.score : first < o.first
                }
                if top.count == reserve {
                    if !isBetter(than: top[reserve - 1]) { continue }
                    top.removeLast()
                }
                // After every candidate it is not better than (ties keep candidate order).
                var low = 0, high = top.count
                while low < high {
                    let middle = (low + high) / 2
                    if isBetter(than: top[middle]) { high = middle } else { low = middle + 1 }
                }
                top.insert(c, at: low)
            }
        }
        return top
    }

    /// The candidate key of a name (its words as terms and connectors), or nil when a word of it
    /// is not a term of this article or is a stop word that cannot be inside a phrase.
    func phraseKey(_ p: UnsafeBufferPointer<Unicode.Scalar>, _ connectorHashes: HashIndex, _ stopHashes: HashIndex) -> UInt64? {
        var key = WordHash.seed
        var any = false
        var i = 0
        var space = true
        while let token = WordScanner.nextToken(p, &i, p.count, space: &space) {
            guard token.kind == .word, let s = p.baseAddress else { continue }
            // Hashed as the shared word pass hashes the article's words.
            let word = ReaderWords.word(s, token, stopHashes)
            if let connector = connectorHashes[word.strippedHash] {
                key = KeyphraseDocument.extendKey(key, -1 - Int(connector))
            } else if !word.isContent {
                return nil
            } else if let term = termIndex[word.stemHash] {
                key = KeyphraseDocument.extendKey(key, Int(term))
                any = true
            } else {
                return nil
            }
        }
        return any ? key : nil
    }
}
