/// Picks the sentences that best cover an article: a centroid method with the lede prior that
/// news writing rewards, in text order.
///
/// 1. Sentences that could be page furniture or headings are never candidates (see
///    `SummaryEligibility`): the cleaning stage removes furniture lines, and this guards against
///    what it misses (captions, "Share.", datelines, title-like lines without a full stop).
/// 2. Each candidate is a TF-IDF vector of its stemmed content words (IDF over the article's
///    sentences); the centroid is their sum. A sentence scores its cosine with the centroid, plus
///    a position prior (the lede most, then falling with position; paragraph openings a little),
///    plus the salience of the entities it mentions (capped).
/// 3. Sentences are picked greedily by score less their largest cosine with a sentence already
///    picked (maximal marginal relevance), so the summary does not repeat itself.
public struct Summarizer: Sendable {
    public var count = 3
    /// Weight of the lede prior: added in full to the first candidate, falling as 1 / (1 + position).
    public var ledeWeight = 0.45
    /// Weight of redundancy with sentences already picked.
    public var redundancyWeight = 0.5

    public init() {}

    public func summarize(_ text: ScalarText, _ segmentation: Segmentation, _ entities: [Entity]) -> [SummarySentence] {
        guard !segmentation.sentences.isEmpty else { return [] }
        return summarize(text, segmentation, ReaderWords(text.scalars, segmentation), entities)
    }

    /// As above, with the article's words already scanned (shared with keyphrases and tone).
    ///
    /// Candidate vectors are kept flat (`terms`, `weights`, delimited by `entryStarts`) and term
    /// numbers come from the shared pass's stem numbers, so no array is built per sentence; only the
    /// picked sentences become strings.
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func summarize(_ text: ScalarText, _ segmentation: Segmentation, _ words: ReaderWords, _ entities: [Entity]) -> [SummarySentence] {
        guard words.spansAreSentences else { return [] }
        let sentences = segmentation.sentences
        let picked = words.words.withUnsafeBufferPointer { all in
            sentences.withUnsafeBufferPointer { sentences in pick(text.scalars, sentences, words, all, entities) }
        }
        return picked.map { index in
            let span = sentences[index].span
            return SummarySentence(span: span, text: text[span])
        }
    }

    /// The sentences to summarise with, as sentence numbers in text order.
    ///
    /// Every table lives in scratch memory taken once (`ScratchBlock`s), sized by this rule: no
    /// sentence count, term count or entry count outnumbers the words, so each table has room
    /// for the words plus one (`wordRoom`: terms, entries, frequencies) or the sentences plus one
    /// (`sentenceRoom`: candidates, scores); the integer block holds 3 word tables and 4 sentence
    /// tables, the double block 4 and 5. A test drives the edge (every word a distinct term of
    /// an eligible sentence); a debug build checks every table taken.
    private func pick(_ s: [Unicode.Scalar], _ sentences: UnsafeBufferPointer<Sentence>, _ words: ReaderWords,
                      _ all: UnsafeBufferPointer<ReaderWords.Word>, _ entities: [Entity]) -> [Int] {
        let tables = SummaryEligibility.Tables.shared
        let wordRoom = all.count + 1, sentenceRoom = sentences.count + 1
        var integerBlock = ScratchBlock<Int>(capacity: 3 * wordRoom + 4 * sentenceRoom)
        var doubleBlock = ScratchBlock<Double>(capacity: 4 * wordRoom + 5 * sentenceRoom)
        // The summary numbers only the stems of its candidates, in order of first occurrence
        // there: `localTerm` maps the shared pass's stem numbers (`Word.term`) to these (-1: none yet).
        var localTermBlock = ScratchBlock<Int32>(capacity: words.termCount + 1)
        let localTerm = localTermBlock.table(words.termCount + 1)
        localTerm.initialize(repeating: -1)
        // A sentence's terms as one bit each (by term number) and their counts, so they come out
        // in ascending order without sorting; both are left cleared after each sentence.
        var termBitsBlock = ScratchBlock<UInt64>(capacity: all.count / 64 + 1)
        let termBits = termBitsBlock.table(all.count / 64 + 1)
        termBits.initialize(repeating: 0)
        // The tables are views into the blocks: keep the blocks to the end.
        defer {
            withExtendedLifetime(integerBlock) {}
            withExtendedLifetime(doubleBlock) {}
            withExtendedLifetime(localTermBlock) {}
            withExtendedLifetime(termBitsBlock) {}
        }
        func integerTable(_ count: Int) -> UnsafeMutableBufferPointer<Int> { integerBlock.table(count) }
        func doubleTable(_ count: Int) -> UnsafeMutableBufferPointer<Double> { doubleBlock.table(count) }
        // Candidate `c` is sentence `candidateSentences[c]`; its sparse TF-IDF vector is
        // `terms[entryStarts[c]..<entryStarts[c + 1]]` (term numbers ascending) with `weights`.
        let candidateSentences = integerTable(sentenceRoom), entryStarts = integerTable(sentenceRoom)
        let documentFrequency = integerTable(wordRoom), terms = integerTable(wordRoom), termCounts = integerTable(wordRoom)
        let weights = doubleTable(wordRoom)

        var termCount = 0, entryCount = 0, candidateCount = 0
        entryStarts[0] = 0
        for index in sentences.indices {
            let sentenceWords = UnsafeBufferPointer(rebasing: all[words.range(index)])
            guard SummaryEligibility.isProse(s, sentences[index].span, sentenceWords, tables) else { continue }
            var lowestWord = Int.max, highestWord = -1
            for k in sentenceWords.indices where sentenceWords[k].isContent {
                let shared = Int(sentenceWords[k].term)
                var id = Int(localTerm[shared])
                if id < 0 {
                    id = termCount
                    localTerm[shared] = Int32(id)
                    documentFrequency[id] = 0
                    termCounts[id] = 0
                    termCount += 1
                }
                termBits[id &>> 6] |= 1 &<< UInt64(id & 63)
                termCounts[id] &+= 1
                lowestWord = min(lowestWord, id &>> 6); highestWord = max(highestWord, id &>> 6)
            }
            guard highestWord >= 0 else { continue }
            // The sentence's entries in ascending term order; a term's weight is its count (the
            // sum of ones the count stands for).
            for w in lowestWord...highestWord {
                var bits = termBits[w]
                termBits[w] = 0
                while bits != 0 {
                    let id = w &<< 6 | bits.trailingZeroBitCount
                    bits &= bits &- 1
                    terms[entryCount] = id; weights[entryCount] = Double(termCounts[id])
                    entryCount += 1
                    documentFrequency[id] += 1
                    termCounts[id] = 0
                }
            }
            candidateSentences[candidateCount] = index
            candidateCount += 1
            entryStarts[candidateCount] = entryCount
        }
        guard candidateCount > 0 else { return [] }

        // TF-IDF weights, norms and the centroid. The IDF only depends on the document frequency,
        // so each distinct frequency's logarithm is computed once.
        let n = Double(candidateCount)
        let idfByFrequency = doubleTable(sentenceRoom), idf = doubleTable(wordRoom), centroid = doubleTable(wordRoom)
        let norms = doubleTable(sentenceRoom)
        idfByFrequency.update(repeating: -1)
        for term in 0..<termCount {
            let df = documentFrequency[term]
            if idfByFrequency[df] < 0 { idfByFrequency[df] = ReaderMath.log(1 + n / Double(df)) }
            idf[term] = idfByFrequency[df]
            centroid[term] = 0
        }
        for c in 0..<candidateCount {
            var norm = 0.0
            for k in entryStarts[c]..<entryStarts[c + 1] {
                let term = terms[k]
                let weight = weights[k] * idf[term]
                weights[k] = weight
                centroid[term] += weight
                norm += weight * weight
            }
            norms[c] = norm.squareRoot()
        }
        var centroidSquares = 0.0
        for term in 0..<termCount { centroidSquares = centroidSquares + centroid[term] * centroid[term] }
        let centroidNorm = centroidSquares.squareRoot()

        // Salience of the entities each sentence mentions.
        let entityBonus = doubleTable(sentenceRoom)
        entityBonus.update(repeating: 0)
        // The last entity that added to each sentence, so an entity adds once per sentence.
        let addedBy = integerTable(sentenceRoom)
        addedBy.update(repeating: -1)
        for (e, entity) in entities.enumerated() {
            for mention in entity.mentions {
                guard let sentence = Summarizer.sentence(containing: mention.span.start, sentences),
                      addedBy[sentence] != e else { continue }
                addedBy[sentence] = e
                entityBonus[sentence] += max(0, entity.salience)
            }
        }

        let scores = doubleTable(sentenceRoom)
        var previousParagraph = -1
        for position in 0..<candidateCount {
            let index = candidateSentences[position]
            let sentence = sentences[index]
            var dot = 0.0
            for k in entryStarts[position]..<entryStarts[position + 1] { dot += weights[k] * centroid[terms[k]] }
            var score = norms[position] > 0 && centroidNorm > 0 ? dot / (norms[position] * centroidNorm) : 0
            score += ledeWeight / Double(1 + position)
            if sentence.paragraph != previousParagraph { score += 0.05 }
            previousParagraph = sentence.paragraph
            score += min(0.15, 0.1 * entityBonus[index])
            scores[position] = score
        }

        // Maximal marginal relevance: the best score less the largest likeness to a pick. The
        // likeness of each candidate to a new pick is its dot product with the pick's vector laid
        // out densely (`pickedWeights`, zero off the pick's terms), which adds the same products
        // in the same order as merging the two sparse vectors (other terms add +0, which leaves a
        // sum of non-negative products unchanged), without the merge's branches.
        let pickCount = min(count, candidateCount)
        let isPicked = integerTable(sentenceRoom), redundancy = doubleTable(sentenceRoom), pickedWeights = doubleTable(wordRoom)
        isPicked.update(repeating: 0)
        redundancy.update(repeating: 0)
        UnsafeMutableBufferPointer(rebasing: pickedWeights[0..<termCount]).update(repeating: 0)
        for pick in 0..<pickCount {
            var best = -1
            var bestValue = -Double.infinity
            for position in 0..<candidateCount where isPicked[position] == 0 {
                let value = scores[position] - redundancyWeight * redundancy[position]
                if value > bestValue { bestValue = value; best = position }
            }
            isPicked[best] = 1
            guard pick + 1 < pickCount, norms[best] > 0 else { continue }  // the last pick needs no likeness
            for k in entryStarts[best]..<entryStarts[best + 1] { pickedWeights[terms[k]] = weights[k] }
            for position in 0..<candidateCount where isPicked[position] == 0 && norms[position] > 0 {
                var dot = 0.0
                for k in entryStarts[position]..<entryStarts[position + 1] { dot += weights[k] * pickedWeights[terms[k]] }
                redundancy[position] = max(redundancy[position], dot / (norms[position] * norms[best]))
            }
            for k in entryStarts[best]..<entryStarts[best + 1] { pickedWeights[terms[k]] = 0 }
        }
        var picked: [Int] = []
        picked.reserveCapacity(pickCount)
        for position in 0..<candidateCount where isPicked[position] != 0 { picked.append(candidateSentences[position]) }
        return picked
    }

    /// The index of the sentence whose span holds `offset` (sentences are in text order).
    static func sentence(containing offset: Int, _ sentences: UnsafeBufferPointer<Sentence>) -> Int? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].span.end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count && sentences[low].span.start <= offset ? low : nil
    }
}
