/// Greedy left-to-right BILOU decoding with an averaged-perceptron model.
///
/// Each token gets the best label allowed after the previous one (BILOU constraints), scored by
/// summing one weight row per feature. Greedy decoding lets features look at every label given
/// so far, including the document-level prediction history, which Viterbi could not afford;
/// Ratinov & Roth 2009 found it no less accurate for NER.
struct NERTagger: Sendable {
    let model: NERModel

    /// The label of every token of `document`.
    @inline(never) // kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func tag(_ document: NERDocument) -> [UInt8] {
        var labels = [UInt8](repeating: 0, count: document.lexemes.count)
        var history = NERHistory()
        var features: [UInt64] = []
        features.reserveCapacity(64)
        let shift = UInt64(64 - model.rowBits)
        let L = NERLabel.count
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: L) { scores in
            model.weights.withUnsafeBufferPointer { w in
                for sentence in document.sentences {
                    var p1: UInt8 = 0, p2: UInt8 = 0
                    for t in sentence {
                        features.removeAll(keepingCapacity: true)
                        NERFeatures.staticFeatures(document, t, sentence: sentence, into: &features)
                        let f1: UInt8 = t == sentence.lowerBound ? 17 : p1
                        let f2: UInt8 = t - 1 <= sentence.lowerBound ? 17 : p2
                        NERFeatures.dynamicFeatures(document, t, p1: f1, p2: f2, history: history.value(document.lexemes[t]), into: &features)
                        // Sixteen labels in one SIMD add, the seventeenth apart.
                        var wide = SIMD16<Int32>(repeating: 0)
                        var last: Int32 = 0
                        let raw = UnsafeRawPointer(w.baseAddress!)
                        for f in features {
                            let base = Int(truncatingIfNeeded: f &>> shift) &* L
                            wide &+= SIMD16<Int32>(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: base &* 2, as: SIMD16<Int16>.self))
                            last &+= Int32(w[base &+ 16])
                        }
                        for k in 0..<16 { scores[k] = wide[k] }
                        scores[16] = last
                        let choice = NERLabel.choose(scores.baseAddress!, after: p1, isLast: t == sentence.upperBound - 1)
                        if choice.previous != p1 { labels[t - 1] = choice.previous; p1 = choice.previous }
                        let best = choice.label
                        labels[t] = best
                        history.record(document.lexemes[t], label: best)
                        p2 = p1; p1 = best
                    }
                }
            }
        }
        return labels
    }
}
