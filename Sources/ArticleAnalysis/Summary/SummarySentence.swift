/// A sentence picked for the summary.
public struct SummarySentence: Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public init(span: TextSpan, text: String) { self.span = span; self.text = text }
}

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
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func summarize(_ text: ScalarText, _ segmentation: Segmentation, _ words: ReaderWords, _ entities: [Entity]) -> [SummarySentence] {
        guard words.spansAreSentences else { return [] }
        let s = text.scalars
        var termIndex = HashIndex(capacity: 512)
        var documentFrequency: [Int] = []
        var ids: [Int] = []
        // Candidate sentences as sparse term-frequency vectors (term numbers ascending).
        var candidates: [(index: Int, vector: [(term: Int, weight: Double)])] = []
        for (index, sentence) in segmentation.sentences.enumerated() {
            let range = words.range(index)
            guard SummaryEligibility.isProse(s, sentence.span, words.words[range]) else { continue }
            ids.removeAll(keepingCapacity: true)
            for k in range where words.words[k].isContent {
                let stem = words.words[k].stemHash
                let id: Int
                if let known = termIndex[stem] { id = Int(known) } else {
                    id = documentFrequency.count
                    termIndex.insert(stem, Int32(id))
                    documentFrequency.append(0)
                }
                ids.append(id)
            }
            guard !ids.isEmpty else { continue }
            ids.sort()
            var vector: [(term: Int, weight: Double)] = []
            for id in ids {
                if vector.last?.term == id { vector[vector.count - 1].weight += 1 } else { vector.append((id, 1)) }
            }
            for entry in vector { documentFrequency[entry.term] += 1 }
            candidates.append((index, vector))
        }
        guard !candidates.isEmpty else { return [] }

        // TF-IDF weights, norms and the centroid.
        let n = Double(candidates.count)
        let idf = documentFrequency.map { ReaderMath.log(1 + n / Double($0)) }
        var centroid = [Double](repeating: 0, count: documentFrequency.count)
        var norms: [Double] = []
        for c in candidates.indices {
            var norm = 0.0
            for k in candidates[c].vector.indices {
                let term = candidates[c].vector[k].term
                let weight = candidates[c].vector[k].weight * idf[term]
                candidates[c].vector[k].weight = weight
                centroid[term] += weight
                norm += weight * weight
            }
            norms.append(norm.squareRoot())
        }
        let centroidNorm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()

        // Salience of the entities each sentence mentions.
        var entityBonus = [Double](repeating: 0, count: segmentation.sentences.count)
        // The last entity that added to each sentence, so an entity adds once per sentence.
        var addedBy = [Int](repeating: -1, count: segmentation.sentences.count)
        for (e, entity) in entities.enumerated() {
            for mention in entity.mentions {
                guard let sentence = Summarizer.sentence(containing: mention.span.start, segmentation.sentences),
                      addedBy[sentence] != e else { continue }
                addedBy[sentence] = e
                entityBonus[sentence] += max(0, entity.salience)
            }
        }

        var scores: [Double] = []
        var previousParagraph = -1
        for (position, candidate) in candidates.enumerated() {
            let sentence = segmentation.sentences[candidate.index]
            var dot = 0.0
            for entry in candidate.vector { dot += entry.weight * centroid[entry.term] }
            var score = norms[position] > 0 && centroidNorm > 0 ? dot / (norms[position] * centroidNorm) : 0
            score += ledeWeight / Double(1 + position)
            if sentence.paragraph != previousParagraph { score += 0.05 }
            previousParagraph = sentence.paragraph
            score += min(0.15, 0.1 * entityBonus[candidate.index])
            scores.append(score)
        }

        // Maximal marginal relevance: the best score less the largest likeness to a pick.
        var picked: [Int] = []
        var redundancy = [Double](repeating: 0, count: candidates.count)
        while picked.count < min(count, candidates.count) {
            var best = -1
            var bestValue = -Double.infinity
            for position in candidates.indices where !picked.contains(position) {
                let value = scores[position] - redundancyWeight * redundancy[position]
                if value > bestValue { bestValue = value; best = position }
            }
            picked.append(best)
            for position in candidates.indices where !picked.contains(position) {
                let likeness = Summarizer.cosine(candidates[position].vector, norms[position], candidates[best].vector, norms[best])
                redundancy[position] = max(redundancy[position], likeness)
            }
        }
        return picked.sorted().map { position in
            let span = segmentation.sentences[candidates[position].index].span
            return SummarySentence(span: span, text: text[span])
        }
    }

    /// Cosine of two sparse vectors with ascending term numbers.
    static func cosine(_ a: [(term: Int, weight: Double)], _ normA: Double, _ b: [(term: Int, weight: Double)], _ normB: Double) -> Double {
        guard normA > 0, normB > 0 else { return 0 }
        var i = 0, j = 0, dot = 0.0
        while i < a.count && j < b.count {
            if a[i].term == b[j].term { dot += a[i].weight * b[j].weight; i += 1; j += 1 }
            else if a[i].term < b[j].term { i += 1 } else { j += 1 }
        }
        return dot / (normA * normB)
    }

    /// The index of the sentence whose span holds `offset` (sentences are in text order).
    static func sentence(containing offset: Int, _ sentences: [Sentence]) -> Int? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].span.end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count && sentences[low].span.start <= offset ? low : nil
    }
}
