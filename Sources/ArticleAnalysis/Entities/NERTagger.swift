/// Greedy left-to-right BILOU decoding with an averaged-perceptron model.
///
/// Each token gets the best label allowed after the previous one (BILOU constraints), scored by
/// summing one weight row per feature. Greedy decoding lets features look at every label given
/// so far, including the document-level prediction history, which Viterbi could not afford;
/// Ratinov & Roth 2009 found it no less accurate for NER.
///
/// The features that read one word alone (its own form, or its form as a neighbour at each
/// offset) are summed once per distinct word of the document into score vectors; a token then
/// adds five such vectors plus the weights of the features that join neighbours. Weights are
/// integers, so the partial sums give exactly the scores of summing every row per token.
struct NERTagger: Sendable {
    let model: NERModel

    /// Score vectors kept per distinct word, in this order.
    private enum Block: Int {
        /// `NERFeatures.wordFeatures` of the word itself (for `none`: `NERFeatures.labelFeatures`
        /// after two O labels).
        case own
        /// The word as the previous, next, second previous and second next token.
        case previous, next, secondPrevious, secondNext
        /// `NERFeatures.labelWordFeatures` after the label O (the most common case).
        case afterOutside

        static let count = 6
    }

    /// The label of every token of `document`.
    @inline(never) // kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func tag(_ document: NERDocument) -> [UInt8] {
        let n = document.lexemes.count
        var labels = [UInt8](repeating: 0, count: n)
        guard n > 0 else { return labels }
        var history = NERHistory(document)
        let shift = UInt64(64 - model.rowBits)
        let L = NERLabel.count
        let blocks = Block.count
        // Distinct words are 0..<words; `none` stands for the missing neighbour at a sentence edge.
        let words = document.wordTokens.count
        let none = words
        var hashes: [NERWordHashes] = []
        hashes.reserveCapacity(words + 1)
        var vectors = [Int32](repeating: 0, count: (words + 1) * blocks * L)
        model.weights.withUnsafeBufferPointer { w in
            let raw = UnsafeRawPointer(w.baseAddress!)
            vectors.withUnsafeMutableBufferPointer { v in
                let v = v.baseAddress!
                @inline(__always) func vector(_ word: Int, _ block: Block) -> UnsafeMutablePointer<Int32> {
                    v + (word &* blocks &+ block.rawValue) &* L
                }
                document.lexemes.withUnsafeBufferPointer { lexemes in
                    for word in 0..<words {
                        let x = lexemes[Int(document.wordTokens[word])]
                        hashes.append(NERWordHashes(x))
                        var sum = NERScoreSum(weights: raw, shift: shift)
                        NERFeatures.wordFeatures(x, into: &sum); sum.store(vector: vector(word, .own)); sum.reset()
                        NERFeatures.previousFeatures(x, edge: false, into: &sum); sum.store(vector: vector(word, .previous)); sum.reset()
                        NERFeatures.nextFeatures(x, edge: false, into: &sum); sum.store(vector: vector(word, .next)); sum.reset()
                        NERFeatures.secondPreviousFeatures(x, into: &sum); sum.store(vector: vector(word, .secondPrevious)); sum.reset()
                        NERFeatures.secondNextFeatures(x, into: &sum); sum.store(vector: vector(word, .secondNext)); sum.reset()
                        NERFeatures.labelWordFeatures(p1: 0, shape: x.shape, lower: x.lower, into: &sum); sum.store(vector: vector(word, .afterOutside))
                    }
                }
                let x = NERLexeme.none
                hashes.append(NERWordHashes(x))
                var sum = NERScoreSum(weights: raw, shift: shift)
                NERFeatures.previousFeatures(x, edge: true, into: &sum); sum.store(vector: vector(none, .previous)); sum.reset()
                NERFeatures.nextFeatures(x, edge: true, into: &sum); sum.store(vector: vector(none, .next)); sum.reset()
                NERFeatures.secondPreviousFeatures(x, into: &sum); sum.store(vector: vector(none, .secondPrevious)); sum.reset()
                NERFeatures.secondNextFeatures(x, into: &sum); sum.store(vector: vector(none, .secondNext)); sum.reset()
                // The label templates after two O labels, the most common case.
                NERFeatures.labelFeatures(p1: 0, p2: 0, into: &sum); sum.store(vector: vector(none, .own))

                withUnsafeTemporaryAllocation(of: Int32.self, capacity: L) { scores in
                    let scores = scores.baseAddress!
                    hashes.withUnsafeBufferPointer { h in
                        document.wordIDs.withUnsafeBufferPointer { ids in
                            for sentence in document.sentences {
                                var p1: UInt8 = 0, p2: UInt8 = 0
                                for t in sentence {
                                    let c = Int(ids[t])
                                    let a1 = t - 1 >= sentence.lowerBound ? Int(ids[t - 1]) : none
                                    let a2 = t - 2 >= sentence.lowerBound ? Int(ids[t - 2]) : none
                                    let b1 = t + 1 < sentence.upperBound ? Int(ids[t + 1]) : none
                                    let b2 = t + 2 < sentence.upperBound ? Int(ids[t + 2]) : none
                                    var sum = NERScoreSum(weights: raw, shift: shift)
                                    sum.add(vector: vector(c, .own))
                                    sum.add(vector: vector(a1, .previous))
                                    sum.add(vector: vector(b1, .next))
                                    sum.add(vector: vector(a2, .secondPrevious))
                                    sum.add(vector: vector(b2, .secondNext))
                                    NERFeatures.contextFeatures(p2: h[a2], p1: h[a1], c: h[c], n1: h[b1], n2: h[b2],
                                                                context: document.context[t], gazetteer: document.gazetteerBits[t], into: &sum)
                                    let f1: UInt8 = t == sentence.lowerBound ? 17 : p1
                                    let f2: UInt8 = t - 1 <= sentence.lowerBound ? 17 : p2
                                    if f1 == 0 && f2 == 0 {
                                        sum.add(vector: vector(none, .own))
                                    } else {
                                        NERFeatures.labelFeatures(p1: f1, p2: f2, into: &sum)
                                    }
                                    if f1 == 0 {
                                        sum.add(vector: vector(c, .afterOutside))
                                    } else {
                                        NERFeatures.labelWordFeatures(p1: f1, shape: h[c].shape, lower: h[c].lower, into: &sum)
                                    }
                                    NERFeatures.historyFeatures(history: history.value(document, t), shape: h[c].shape, into: &sum)
                                    sum.scores(into: scores)
                                    let choice = NERLabel.choose(scores, after: p1, isLast: t == sentence.upperBound - 1)
                                    if choice.previous != p1 { labels[t - 1] = choice.previous; p1 = choice.previous }
                                    let best = choice.label
                                    labels[t] = best
                                    history.record(document, t, label: best)
                                    p2 = p1; p1 = best
                                }
                            }
                        }
                    }
                }
            }
        }
        return labels
    }
}

/// A score vector being summed from weight rows, in Int32 like training (wrapping adds of the
/// Int16 weights).
///
/// Labels 0...15 of a row are read as eight Int32 pairs: shifting each pair left then right by
/// 16 bits gives the even labels sign-extended, shifting right gives the odd ones, so a row costs
/// a few SIMD operations. The sums stay split the same way (`even`, `odd`, then label 16), and
/// so do the vectors kept per word (17 Int32: even labels, odd labels, label 16).
struct NERScoreSum: NERFeatureSink {
    /// The model's weights, `NERLabel.count` Int16 per row.
    let weights: UnsafeRawPointer
    let shift: UInt64
    var even = SIMD8<Int32>(repeating: 0)
    var odd = SIMD8<Int32>(repeating: 0)
    var last: Int32 = 0

    @inline(__always)
    init(weights: UnsafeRawPointer, shift: UInt64) { self.weights = weights; self.shift = shift }

    /// Adds the weight row of a feature hash.
    @inline(__always)
    mutating func add(_ feature: UInt64) {
        let offset = Int(truncatingIfNeeded: feature &>> shift) &* (NERLabel.count &* 2)
        let pairs = weights.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int32>.self)
        even &+= (pairs &<< 16) &>> 16
        odd &+= pairs &>> 16
        last &+= Int32(weights.loadUnaligned(fromByteOffset: offset &+ 32, as: Int16.self))
    }

    /// Adds a vector kept by `store(vector:)`.
    @inline(__always)
    mutating func add(vector p: UnsafePointer<Int32>) {
        let raw = UnsafeRawPointer(p)
        even &+= raw.loadUnaligned(as: SIMD8<Int32>.self)
        odd &+= raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int32>.self)
        last &+= p[16]
    }

    /// Keeps the sum in its split layout (17 Int32).
    @inline(__always)
    func store(vector p: UnsafeMutablePointer<Int32>) {
        let raw = UnsafeMutableRawPointer(p)
        raw.storeBytes(of: even, as: SIMD8<Int32>.self)
        raw.storeBytes(of: odd, toByteOffset: 32, as: SIMD8<Int32>.self)
        p[16] = last
    }

    /// Writes the scores in label order.
    @inline(__always)
    func scores(into p: UnsafeMutablePointer<Int32>) {
        for k in 0..<8 { p[2 &* k] = even[k]; p[2 &* k &+ 1] = odd[k] }
        p[16] = last
    }

    @inline(__always)
    mutating func reset() { even = SIMD8<Int32>(repeating: 0); odd = SIMD8<Int32>(repeating: 0); last = 0 }
}
