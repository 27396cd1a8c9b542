import ArticleAnalysis

/// Trains the entity tagger: an averaged structured perceptron over hashed features.
///
/// Each epoch visits the training documents in a seeded random order and decodes them exactly as
/// `NERTagger` does (greedy, BILOU constraints, prediction history from the model's own labels),
/// updating the weights wherever the predicted label differs from the gold one. The returned
/// weights are the average over all steps (Collins 2002), which generalises far better than the
/// last ones. Pure and deterministic: the same data, seed and settings give the same bytes.
public struct NERTrainer: Sendable {
    public var epochs: Int
    public var seed: UInt64
    /// log2 of the number of hashed feature rows.
    public var rowBits: Int
    /// How many of the training text's most frequent word forms the model lists
    /// (`NERModel.frequentForms`): a speed setting, labels do not depend on it.
    public var frequentForms: Int
    /// Names that do not come from the training data (place and person lists built by
    /// `scripts/build-ner-gazetteer.py`): added to every gazetteer the trainer builds, so the
    /// tagger learns how far to trust a match on them, and shipped inside the model.
    public var externalNames: [(name: String, type: String)] = []

    public init(epochs: Int = 10, seed: UInt64 = 1, rowBits: Int = 18, frequentForms: Int = 4000) {
        self.epochs = epochs; self.seed = seed; self.rowBits = rowBits; self.frequentForms = frequentForms
    }

    /// Reads a gazetteer file: one name a line, `TYPE<TAB>name` (TYPE one of PER, ORG, LOC, MISC);
    /// other lines are skipped.
    public static func parseNames(_ bytes: [UInt8]) -> [(name: String, type: String)] {
        var names: [(name: String, type: String)] = []
        for line in bytes.split(separator: 0x0A) {
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            let type = String(decoding: line[line.startIndex..<tab], as: UTF8.self)
            let name = String(decoding: line[(tab + 1)...], as: UTF8.self)
            if NERLabel.conllTypes.contains(type) && !name.isEmpty { names.append((name, type)) }
        }
        return names
    }

    /// The `count` most frequent token forms of `documents`, most frequent first (ties in
    /// code-point order, so training stays deterministic).
    static func frequentForms(_ documents: [CoNLLDocument], count: Int) -> [String] {
        var counts: [String: Int] = [:]
        for doc in documents { for token in doc.tokens { counts[token, default: 0] += 1 } }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) { $0.value < $1.value } }
        return ranked.prefix(count).map(\.key)
    }

    /// A training document prepared once: lexemes, gold labels and the static feature rows.
    private struct Prepared {
        var document: NERDocument
        var gold: [UInt8]
        /// Static feature rows of token t: `rows[offsets[t]..<offsets[t + 1]]`.
        var rows: [UInt32]
        var offsets: [Int]
    }

    /// Converts CoNLL documents to the tagger's documents and gold BILOU labels.
    static func prepare(_ doc: CoNLLDocument, gazetteer: NERGazetteer?) -> (NERDocument, [UInt8]) {
        let lexemes = doc.tokens.map { NERLexeme($0.unicodeScalars) }
        var spans: [(range: Range<Int>, type: Int)] = []
        for e in doc.entities {
            if let k = NERLabel.conllTypes.firstIndex(of: e.type) { spans.append((e.range, k)) }
        }
        return (NERDocument(lexemes: lexemes, sentences: doc.sentences, gazetteer: gazetteer),
                NERLabel.labels(count: lexemes.count, spans: spans))
    }

    /// Number of folds for the gazetteer: each training document sees names from the others only.
    static let folds = 5

    /// The gazetteer of the gold names of `documents` (those whose index is not in `excludedFold`),
    /// plus `externalNames` (split into tokens at spaces).
    func gazetteer(_ documents: [CoNLLDocument], excludedFold: Int?) -> NERGazetteer {
        var gazetteer = NERGazetteer()
        for entry in externalNames {
            guard let k = NERLabel.conllTypes.firstIndex(of: entry.type) else { continue }
            let lexemes = entry.name.unicodeScalars.split(separator: " ").map { NERLexeme($0) }
            gazetteer.add(lexemes[...], type: k)
        }
        for (index, doc) in documents.enumerated() where index % NERTrainer.folds != excludedFold {
            let lexemes = doc.tokens.map { NERLexeme($0.unicodeScalars) }
            for e in doc.entities {
                if let k = NERLabel.conllTypes.firstIndex(of: e.type) { gazetteer.add(lexemes[e.range], type: k) }
            }
        }
        return gazetteer
    }

    /// Cross-validation over documents: `documents` are cut into `folds` contiguous blocks (in
    /// file order, so a block's stories are not also in training); each block is held out once,
    /// a model is trained on the other blocks plus `extra`, and scored on the held-out block after
    /// every epoch (the tagger alone, on CoNLL tokens). Returns, per epoch, the counts pooled over
    /// the folds.
    public func crossValidate(_ documents: [CoNLLDocument], folds: Int, extra: [CoNLLDocument] = [],
                              log: (String) -> Void) -> [NERScore] {
        var pooled = [NERScore](repeating: NERScore(), count: max(1, epochs))
        for k in 0..<folds {
            let block = (k * documents.count / folds)..<((k + 1) * documents.count / folds)
            let heldOut = Array(documents[block])
            let rest = Array(documents[..<block.lowerBound]) + Array(documents[block.upperBound...]) + extra
            log("fold \(k + 1)/\(folds): held out documents \(block.lowerBound)..<\(block.upperBound)")
            _ = train(rest, dev: heldOut, log: log) { epoch, score in pooled[epoch - 1].merge(score) }
        }
        return pooled
    }

    /// Trains on `train`, reporting dev scores after each epoch through `log` (and `epochScore`).
    public func train(_ train: [CoNLLDocument], dev: [CoNLLDocument], log: (String) -> Void,
                      epochScore: ((Int, NERScore) -> Void)? = nil) -> NERModel {
        let L = NERLabel.count
        let shift = UInt64(64 - rowBits)
        var features: [UInt64] = []
        features.reserveCapacity(64)
        var prepared: [Prepared] = []
        var tokenCount = 0
        let foldGazetteers = (0..<NERTrainer.folds).map { gazetteer(train, excludedFold: $0) }
        let fullGazetteer = gazetteer(train, excludedFold: nil)
        let forms = NERTrainer.frequentForms(train, count: frequentForms)
        for (index, doc) in train.enumerated() {
            let (document, gold) = NERTrainer.prepare(doc, gazetteer: foldGazetteers[index % NERTrainer.folds])
            var rows: [UInt32] = [], offsets: [Int] = [0]
            rows.reserveCapacity(document.tokenCount * 40)
            for sentence in document.sentences {
                for t in sentence {
                    features.removeAll(keepingCapacity: true)
                    NERFeatures.staticFeatures(document, t, sentence: sentence, into: &features)
                    for f in features { rows.append(UInt32(truncatingIfNeeded: f &>> shift)) }
                    offsets.append(rows.count)
                }
            }
            tokenCount += document.tokenCount
            prepared.append(Prepared(document: document, gold: gold, rows: rows, offsets: offsets))
        }
        log("training on \(prepared.count) documents, \(tokenCount) tokens; \(1 << rowBits) feature rows; \(fullGazetteer.count) gazetteer names; seed \(seed)")

        let size = (1 << rowBits) * L
        var weights = [Int32](repeating: 0, count: size)
        // Sum over updates of step * delta; the average weight is w - u / steps (Daumé's trick).
        var stepWeighted = [Int64](repeating: 0, count: size)
        var step: Int64 = 1
        var random = SplitMix64(seed: seed)
        var order = Array(prepared.indices)
        var dynamicRows: [UInt32] = []
        var scores = [Int32](repeating: 0, count: L)
        var model = NERModel.empty

        for epoch in 1...max(1, epochs) {
            // Fisher-Yates with the seeded generator: the order depends on the seed only.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(random.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            var mistakes = 0
            weights.withUnsafeMutableBufferPointer { w in
                stepWeighted.withUnsafeMutableBufferPointer { u in
                    for d in order {
                        let p = prepared[d]
                        var history = NERHistory(p.document)
                        for sentence in p.document.sentences {
                            var p1: UInt8 = 0, p2: UInt8 = 0
                            for t in sentence {
                                features.removeAll(keepingCapacity: true)
                                let f1: UInt8 = t == sentence.lowerBound ? 17 : p1
                                let f2: UInt8 = t - 1 <= sentence.lowerBound ? 17 : p2
                                NERFeatures.dynamicFeatures(p.document, t, p1: f1, p2: f2, history: history.value(p.document, t), into: &features)
                                dynamicRows.removeAll(keepingCapacity: true)
                                for f in features { dynamicRows.append(UInt32(truncatingIfNeeded: f &>> shift)) }
                                for k in 0..<L { scores[k] = 0 }
                                let staticRows = p.rows[p.offsets[t]..<p.offsets[t + 1]]
                                for r in staticRows {
                                    let base = Int(r) &* L
                                    for k in 0..<L { scores[k] &+= w[base + k] }
                                }
                                for r in dynamicRows {
                                    let base = Int(r) &* L
                                    for k in 0..<L { scores[k] &+= w[base + k] }
                                }
                                let choice = scores.withUnsafeMutableBufferPointer {
                                    NERLabel.choose($0.baseAddress!, after: p1, isLast: t == sentence.upperBound - 1)
                                }
                                p1 = choice.previous
                                let best = choice.label
                                let gold = p.gold[t]
                                if best != gold {
                                    mistakes += 1
                                    let g = Int(gold), b = Int(best)
                                    for r in staticRows {
                                        let base = Int(r) &* L
                                        w[base + g] += 1; u[base + g] += step
                                        w[base + b] -= 1; u[base + b] -= step
                                    }
                                    for r in dynamicRows {
                                        let base = Int(r) &* L
                                        w[base + g] += 1; u[base + g] += step
                                        w[base + b] -= 1; u[base + b] -= step
                                    }
                                }
                                step += 1
                                history.record(p.document, t, label: best)
                                p2 = p1; p1 = best
                            }
                        }
                    }
                }
            }
            model = NERTrainer.averaged(weights: weights, stepWeighted: stepWeighted, steps: step, rowBits: rowBits,
                                        gazetteer: fullGazetteer, frequentForms: forms)
            var line = "epoch \(epoch): \(mistakes) training mistakes"
            if !dev.isEmpty {
                let score = NERTrainer.evaluate(model, dev)
                epochScore?(epoch, score)
                let f = score.prf(["PER", "ORG", "LOC"]).f1
                let all = score.prf(["PER", "ORG", "LOC", "MISC"]).f1
                line += "; dev F1 PER/ORG/LOC \(Int((f * 10000).rounded())) bp, all four \(Int((all * 10000).rounded())) bp"
            }
            log(line)
        }
        if !dev.isEmpty { log("dev (token level, CoNLL tokens):\n" + NERTrainer.evaluate(model, dev).report) }
        return model
    }

    /// Averages the weights and rounds them to 16 bits; weights that round to zero drop out of the file.
    static func averaged(weights: [Int32], stepWeighted: [Int64], steps: Int64, rowBits: Int, gazetteer: NERGazetteer,
                         frequentForms: [String] = []) -> NERModel {
        var average = [Double](repeating: 0, count: weights.count)
        var largest = 0.0
        let n = Double(steps)
        for i in weights.indices where weights[i] != 0 || stepWeighted[i] != 0 {
            let a = Double(weights[i]) - Double(stepWeighted[i]) / n
            average[i] = a
            largest = max(largest, abs(a))
        }
        let scale = largest == 0 ? 1 : 32000 / largest
        var quantised = [Int16](repeating: 0, count: weights.count)
        for i in average.indices where average[i] != 0 {
            quantised[i] = Int16((average[i] * scale).rounded())
        }
        return NERModel(rowBits: rowBits, weights: quantised, scale: Float(scale), gazetteer: gazetteer, frequentForms: frequentForms)
    }

    /// Token-level evaluation on CoNLL tokens (the tagger alone, without the article tokeniser).
    public static func evaluate(_ model: NERModel, _ documents: [CoNLLDocument]) -> NERScore {
        let tagger = NERTagger(model: model)
        var score = NERScore()
        for doc in documents {
            let (document, gold) = prepare(doc, gazetteer: model.gazetteer)
            let labels = tagger.tag(document)
            func spans(_ labels: [UInt8]) -> [(Int, Int, String)] {
                NERLabel.spans(labels[...]).map { ($0.range.lowerBound, $0.range.upperBound, NERLabel.conllTypes[$0.type]) }
            }
            score.add(gold: spans(gold), predicted: spans(labels))
        }
        return score
    }
}

/// A small, fast, seedable random number generator (Steele et al.'s SplitMix64).
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= FibonacciHashing.multiplier  // the golden-ratio increment
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
