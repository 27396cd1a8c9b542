import ArticleAnalysis

/// Trains `QuoteModel` from PolNeAR articles: an averaged perceptron per decision over hashed
/// features, thresholds chosen on held-out folds. Deterministic: examples are visited in an
/// order drawn from a fixed-seed generator, so the same corpus gives the same model.
///
/// Labels come from the gold attributions mapped onto the stage's own tokens (see
/// `examples(_:)`): a word is a reported-speech cue when it lies in the cue of an attribution
/// whose content has no quotation mark; the content follows the cue when it starts after it.
public struct QuoteTrainer: Sendable {
    /// One analysed training article: the gold and what the pipeline made of its text.
    public struct Sample: Sendable {
        public var article: PolNeARArticle
        public var text: ScalarText
        public var segmentation: Segmentation
        public var entities: [Entity]
        public init(article: PolNeARArticle, text: ScalarText, segmentation: Segmentation, entities: [Entity]) {
            self.article = article; self.text = text; self.segmentation = segmentation; self.entities = entities
        }
    }

    /// 2^19 weights (1 MiB as Int16): 5-fold CV on train equal to 2^20 (direct F1 0.970 vs 0.971,
    /// speaker 0.920 vs 0.919, reported F1 0.611 vs 0.613), 2^18 lower (0.969, 0.915, 0.601).
    public var bits = 19
    /// Chosen by 5-fold cross-validation on PolNeAR train (3 beat 6 and 10; see docs/quotes.md).
    public var epochs = 3
    public var seed: UInt64 = 0x5EED_2026
    /// The source ranker is trained this many times, each visiting the quotes in another order
    /// (seeds drawn from `seed`), and the runs' averaged weights are averaged again: one model
    /// of the same size that depends less on the order than a single run. Chosen by 5-fold CV on
    /// PolNeAR train, mean of 6 seeds: speaker 0.9280 with 1 run, 0.9301 with 5, 0.9306 with 10,
    /// 0.9307 with 20, 0.9305 with 40 (see docs/quotes.md).
    public var rankerRuns = 10
    /// A word is in the cue vocabulary when it is (part of) a gold cue this many times in the
    /// training articles (see `QuoteModel.cueWords`).
    /// Chosen by 5-fold CV on train for speed at little cost (reported F1 0.613 at 2 and 5%,
    /// 0.615 with every cue word, 0.608 at 2 and 10%, 0.598 at 3 and 20%; see docs/quotes.md).
    public var cueMinCount = 2
    /// ... and in at least this share of its occurrences ("the", "to" are parts of cues too).
    public var cueMinRate = 0.05
    /// ... and it is scored alone (not only next to a cue) when a cue in at least this share.
    /// Chosen by 5-fold CV on train for speed: 0.1 scores about a third fewer words of an
    /// article than 0 (every vocabulary word alone) at the same reported F1 (0.654 vs 0.655);
    /// 0.2 lost 0.01.
    public var cueAloneRate = 0.1

    public init() {}

    /// `count` seeds drawn from `seed` (for repeating a cross-validation with other orders).
    public static func seeds(from seed: UInt64, count: Int) -> [UInt64] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in random.next() }
    }

    /// The labelled examples of one sample, by decision: the gold mapped onto the stage's tokens.
    func examples(_ sample: Sample) -> [[QuoteExample]] {
        let align = TextAlignment(from: sample.text.scalars, to: sample.article.text)
        let reported = sample.article.reportedSpeech()
        var gold = QuoteTrainingGold()
        gold.reportedCues = reported.flatMap(\.cue)
        for attribution in reported {
            if let cue = attribution.cue.first, let content = attribution.content.first {
                gold.reported.append((cue: cue, contentAfter: content.start >= cue.end))
            }
        }
        gold.direct = sample.article.directQuotes()
        return QuoteTrainingExamples(text: sample.text, segmentation: sample.segmentation, entities: sample.entities)
            .examples(gold, toGold: align.span)
    }

    /// Averaged perceptron over `examples`, written into `weights` (one shared table: the
    /// decisions' features hash apart).
    /// Averaged ranking perceptron over groups of examples (the mentions competing for one
    /// quote): when the best-scoring mention is not a source, the weights move towards the best
    /// source and away from it. Groups without a source are skipped.
    func rank(_ examples: [QuoteExample], into weights: inout [Float]) {
        var groups: [Range<Int>] = []
        var start = 0
        for i in examples.indices.dropFirst() where examples[i].group != examples[i - 1].group {
            groups.append(start..<i); start = i
        }
        if start < examples.count { groups.append(start..<examples.count) }
        groups = groups.filter { g in examples[g].contains { $0.label } }
        guard rankerRuns > 1 else { return rank(examples, groups, seed: seed, share: 1, into: &weights) }
        for runSeed in Self.seeds(from: seed, count: rankerRuns) {
            rank(examples, groups, seed: runSeed, share: 1 / Float(rankerRuns), into: &weights)
        }
    }

    /// One run of the ranking perceptron over `groups` (each shuffled from this order) with
    /// shuffle seed `seed`, its averaged weights times `share` added to `weights`.
    private func rank(_ examples: [QuoteExample], _ groups: [Range<Int>], seed: UInt64, share: Float, into weights: inout [Float]) {
        let size = 1 << bits
        var w = [Double](repeating: 0, count: size)
        var u = [Double](repeating: 0, count: size)
        var c = 1.0
        var groups = groups
        var random = SplitMix64(seed: seed)
        let shift = UInt64(64 - bits)
        func score(_ e: QuoteExample) -> Double { e.features.reduce(0) { $0 + w[Int($1 >> shift)] } }
        for _ in 0..<epochs {
            for i in stride(from: groups.count - 1, to: 0, by: -1) { groups.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            for g in groups {
                var best = g.lowerBound, bestGold = -1
                var bestScore = -Double.infinity, bestGoldScore = -Double.infinity
                for i in g {
                    let s = score(examples[i])
                    if s > bestScore { bestScore = s; best = i }
                    if examples[i].label && s > bestGoldScore { bestGoldScore = s; bestGold = i }
                }
                if !examples[best].label {
                    for feature in examples[bestGold].features { let k = Int(feature >> shift); w[k] += 1; u[k] += c }
                    for feature in examples[best].features { let k = Int(feature >> shift); w[k] -= 1; u[k] -= c }
                }
                c += 1
            }
        }
        for k in 0..<size where w[k] != 0 || u[k] != 0 { weights[k] += Float(w[k] - u[k] / c) * share }
    }

    func train(_ examples: [QuoteExample], into weights: inout [Float]) {
        let size = 1 << bits
        var w = [Double](repeating: 0, count: size)
        var u = [Double](repeating: 0, count: size)  // sum of c * update, for the average
        var c = 1.0
        var order = Array(examples.indices)
        var random = SplitMix64(seed: seed)
        let shift = UInt64(64 - bits)
        for _ in 0..<epochs {
            // Fisher-Yates with the seeded generator (the entity trainer's): the order depends on the seed only.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(random.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            for i in order {
                let example = examples[i]
                var score = 0.0
                for feature in example.features { score += w[Int(feature >> shift)] }
                let y: Double = example.label ? 1 : -1
                if y * score <= 0 {
                    for feature in example.features {
                        let k = Int(feature >> shift)
                        w[k] += y; u[k] += c * y
                    }
                }
                c += 1
            }
        }
        for k in 0..<size where w[k] != 0 || u[k] != 0 {
            let averaged = w[k] - u[k] / c
            if averaged != 0 { weights[k] += Float(averaged) }
        }
    }

    /// A model from `samples` with the given thresholds.
    func model(_ samples: [Sample], thresholds: [Float]) -> QuoteModel {
        var byDecision = [[QuoteExample]](repeating: [], count: QuoteDecision.count)
        for (n, sample) in samples.enumerated() {
            var examples = examples(sample)
            // Groups are numbered per article: make them unique over the corpus.
            for d in 0..<QuoteDecision.count {
                for i in examples[d].indices where examples[d][i].group >= 0 { examples[d][i].group += n << 24 }
                byDecision[d] += examples[d]
            }
        }
        var weights = [Float](repeating: 0, count: 1 << bits)
        for d in 0..<QuoteDecision.count where !byDecision[d].isEmpty {
            if d == QuoteDecision.directSource.rawValue { rank(byDecision[d], into: &weights) } else { train(byDecision[d], into: &weights) }
        }
        let vocabulary = cueVocabulary(byDecision[QuoteDecision.reportCue.rawValue])
        return QuoteModel(bits: bits, weights: weights, thresholds: thresholds,
                          cueWords: vocabulary.alone, attachedWords: vocabulary.attached)
    }

    /// The keys of the words labelled cue at least `cueMinCount` times in `examples` and in at
    /// least `cueMinRate` of their occurrences, ascending: `alone` those in at least
    /// `cueAloneRate` of them, `attached` the others.
    func cueVocabulary(_ examples: [QuoteExample]) -> (alone: [UInt64], attached: [UInt64]) {
        var counts: [UInt64: (cue: Int, all: Int)] = [:]
        for e in examples { counts[e.key, default: (0, 0)].all += 1; if e.label { counts[e.key]!.cue += 1 } }
        let kept = counts.filter { $0.value.cue >= cueMinCount && Double($0.value.cue) >= cueMinRate * Double($0.value.all) }
        let alone = kept.filter { Double($0.value.cue) >= cueAloneRate * Double($0.value.all) }
        return (alone.keys.sorted(), kept.keys.filter { alone[$0] == nil }.sorted())
    }

    /// Cross-validation over `folds` folds of `samples` (article `i` in fold `i % folds`): each
    /// fold scored by the stage with a model trained on the other folds.
    /// `notes`, when given, receives each article's error lines (`PolNeAREvaluation.add`).
    public func crossValidate(_ samples: [Sample], folds: Int, thresholds: [Float],
                              notes: ((String, [String]) -> Void)? = nil) -> PolNeAREvaluation {
        var score = PolNeAREvaluation()
        for fold in 0..<folds {
            let training = samples.indices.filter { $0 % folds != fold }.map { samples[$0] }
            let finder = QuoteFinder(model: model(training, thresholds: thresholds))
            for i in samples.indices where i % folds == fold {
                let sample = samples[i]
                let lines = score.add(sample.article, cleaned: sample.text.scalars,
                                      quotes: finder.find(sample.text, sample.segmentation, sample.entities))
                notes?(sample.article.name, lines)
            }
        }
        return score
    }

    /// The model trained on all `samples`.
    public func train(_ samples: [Sample], thresholds: [Float]) -> QuoteModel {
        model(samples, thresholds: thresholds)
    }

    /// The thresholds per decision chosen by 5-fold cross-validation on PolNeAR train: a cue at
    /// score > -2 (0 and -1 lose recall, -3 and below precision); the content side and the
    /// is-speech decision at 0; the source ranker always takes its best mention (-1000).
    public static var defaultThresholds: [Float] { [-2, 0, -1000, 0] }
}
