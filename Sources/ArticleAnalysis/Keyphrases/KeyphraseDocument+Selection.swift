extension KeyphraseDocument {
    /// Scores candidates, folds near duplicates and returns the best `count`.
    mutating func select(count: Int, entities: [Entity], text: ScalarText) -> [Keyphrase] {
        let entityKeys = entityKeys(entities)
        scoreCandidates(entityKeys)
        var ranking = Ranking(candidates, batchSize: 2 * count)

        var chosen: [Keyphrase] = []
        // Per chosen phrase: its candidate, its number of distinct stems, whether it is a name.
        var chosenCandidates: [Int] = []
        var chosenStemCounts: [Int] = []
        var chosenIsName: [Bool] = []
        var chosenEntities: [Int] = []
        var best = 0.0
        let reserve = max(0, count)
        chosen.reserveCapacity(reserve)
        chosenCandidates.reserveCapacity(reserve)
        chosenStemCounts.reserveCapacity(reserve)
        chosenIsName.reserveCapacity(reserve)
        chosenEntities.reserveCapacity(reserve)
        while chosen.count < count, let c = ranking.next() {
            let candidate = candidates[c]
            let phrase = candidate.words
            if chosenCandidates.contains(where: { sameStems(phrase, candidates[$0].words) }) { continue }
            let entity = entityKeys[candidate.key]?.entity
            if let entity, chosenEntities.contains(entity) { continue }
            // A name and a part of it ("Khashoggi", "Jamal Khashoggi") name one thing: keep the better.
            let isName = isName(candidate)
            if isName, chosenCandidates.indices.contains(where: { k in
                let other = candidates[chosenCandidates[k]].words
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
                let other = chosenCandidate.words
                if contains(other, phrase) && ((isCommonWord && !chosenIsName[k]) || chosenCandidate.count >= candidate.count)
                    || contains(phrase, other) && chosenStemCounts[k] >= 2 {
                    folded = true
                    break
                }
            }
            if folded { continue }
            if best == 0 { best = candidate.score }
            let (first, last) = shown(candidate)
            let surface = text[TextSpan(start: Int(words[first].start), end: Int(words[last].end))]
            chosen.append(Keyphrase(text: surface, score: best > 0 ? candidate.score / best : 1))
            chosenCandidates.append(c)
            chosenStemCounts.append(distinctStems(phrase))
            chosenIsName.append(isName)
            if let entity { chosenEntities.append(entity) }
        }
        return chosen
    }

    /// Scores every candidate: the geometric mean of its words' weights, so length alone neither
    /// helps nor hurts, times 1 + ln(how often the phrase recurs as a unit), with a small bonus for
    /// two- and three-word phrases (more informative than a single word of equal weight).
    mutating func scoreCandidates(_ entityKeys: EntityKeys) {
        let logs = KeyphraseDocument.logOfSmallCount
        words.withUnsafeBufferPointer { words in
            terms.withUnsafeMutableBufferPointer { terms in
                candidates.withUnsafeMutableBufferPointer { candidates in
                    guard let w = words.baseAddress, let t = terms.baseAddress else { return }
                    for c in candidates.indices {
                        let candidate = candidates[c]
                        let first = Int(candidate.first), last = Int(candidate.last)
                        precondition(first >= 0 && last < words.count)
                        let mean: Double
                        switch candidate.contentWords {
                        case 1:
                            mean = terms[Int(w[first].term)].score
                        case 2:
                            mean = (terms[Int(w[first].term)].score * terms[Int(w[last].term)].score).squareRoot()
                        default:
                            var logSum = 0.0
                            for k in first...last where w[k].isContent {
                                let term = Int(w[k].term)
                                precondition(term < terms.count)
                                // ln of a term's score, computed once, when first needed.
                                if t[term].logScore.isNaN { t[term].logScore = ReaderMath.log(t[term].score) }
                                logSum += t[term].logScore
                            }
                            mean = ReaderMath.exp(logSum / Double(candidate.contentWords))
                        }
                        let lengthBonus = candidate.contentWords == 2 || candidate.contentWords == 3 ? 1.2 : (candidate.contentWords >= 4 ? 1.1 : 1.0)
                        var recurrence = Double(candidate.count)
                        var specificity = 1.0
                        if let entity = entityKeys[candidate.key] {
                            // An entity recurs under all its names ("Islamic State" and "IS").
                            recurrence = max(recurrence, Double(entity.mentions))
                            specificity = 1.5 + 1.5 * entity.salience
                        } else if candidate.contentWords == 1 {
                            // A lone common noun ("groups") says less than a name or a phrase.
                            let shown = candidate.midSentenceFirst >= 0 ? Int(candidate.midSentenceFirst) : first
                            if !words[shown].isNameLike { specificity = 0.75 }
                        }
                        let recurrenceLog = recurrence == 1 ? 0 : KeyphraseDocument.logOfCount(recurrence, logs)
                        candidates[c].score = mean * (1 + recurrenceLog) * lengthBonus * specificity
                    }
                }
            }
        }
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
}
