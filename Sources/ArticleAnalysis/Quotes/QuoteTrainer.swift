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

    struct Example {
        var features: [UInt64]
        var label: Bool
    }

    public var bits = 20
    public var epochs = 6
    public var seed: UInt64 = 0x5EED_2026

    public init() {}

    /// The labelled examples of one sample, by decision.
    func examples(_ sample: Sample) -> [[Example]] {
        var result = [[Example]](repeating: [], count: QuoteDecision.count)
        let doc = QuoteDocument(text: sample.text, paragraphs: QuoteDocument.paragraphs(of: sample.text, sample.segmentation))
        let resolver = SpeakerResolver(doc: doc, candidates: SpeakerCandidate.find(in: doc, entities: sample.entities))
        let source = QuoteFeatureSource(doc: doc, resolver: resolver)
        let tokens = doc.tokens
        let align = TextAlignment(from: sample.text.scalars, to: sample.article.text)
        let direct = DirectQuotes(doc: doc, resolver: resolver).find()
        var cueTokens = direct.compactMap(\.cueToken)
        cueTokens.sort()
        let reported = sample.article.reportedSpeech()
        let cueSpans = reported.flatMap(\.cue)
        var f = QuoteFeatures()
        var nextCue = 0
        for t in tokens.indices {
            let token = tokens[t]
            guard token.isWord, token.passage < 0 else { continue }
            while nextCue < cueTokens.count && cueTokens[nextCue] < t { nextCue += 1 }
            if nextCue < cueTokens.count && cueTokens[nextCue] == t { continue }
            source.reportCue(t, into: &f)
            let span = align.span(TextSpan(start: token.start, end: token.end))
            result[QuoteDecision.reportCue.rawValue].append(Example(features: f.values, label: cueSpans.contains { $0.overlaps(span) }))
        }
        // The source of each found direct quote that matches a gold one.
        let ranker = SourceRanker(doc: doc, resolver: resolver)
        let goldDirect = sample.article.directQuotes()
        var previous: Speaker? = nil
        for found in direct {
            defer { previous = found.speaker }
            let span = align.span(doc.passages[found.passage].span)
            guard let gold = goldDirect.first(where: { g in
                2 * max(0, min(span.end, g.span.end) - max(span.start, g.span.start)) >= g.span.length }), !gold.sources.isEmpty else { continue }
            let all = ranker.mentions(found.passage)
            for (i, m) in all.enumerated() {
                ranker.features(m, found.passage, rank: ranker.rank(i, in: all, found.passage), rule: found.speaker?.mention?.span, previous: previous, into: &f)
                let mention = align.span(TextSpan(start: tokens[m.first].start, end: tokens[m.last].end))
                result[QuoteDecision.directSource.rawValue].append(Example(features: f.values, label: gold.sources.contains { $0.overlaps(mention) }))
            }
        }

        // The side of the content, for each gold cue the tokens cover.
        var t = 0
        for attribution in reported {
            guard let cue = attribution.cue.first, let content = attribution.content.first else { continue }
            t = 0
            while t < tokens.count && align.span(TextSpan(start: tokens[t].start, end: tokens[t].end)).end <= cue.start { t += 1 }
            guard t < tokens.count, tokens[t].isWord, align.span(TextSpan(start: tokens[t].start, end: tokens[t].end)).start < cue.end else { continue }
            var b = t
            while b + 1 < tokens.count, tokens[b + 1].sentence == tokens[t].sentence,
                  align.span(TextSpan(start: tokens[b + 1].start, end: tokens[b + 1].end)).start < cue.end { b += 1 }
            source.contentAfter(t, b, into: &f)
            result[QuoteDecision.contentAfter.rawValue].append(Example(features: f.values, label: content.start >= cue.end))
        }
        return result
    }

    /// Averaged perceptron over `examples`, written into `weights` (one shared table: the
    /// decisions' features hash apart).
    func train(_ examples: [Example], into weights: inout [Float]) {
        let size = 1 << bits
        var w = [Double](repeating: 0, count: size)
        var u = [Double](repeating: 0, count: size)  // sum of c * update, for the average
        var c = 1.0
        var order = Array(examples.indices)
        var rng = seed
        let shift = UInt64(64 - bits)
        for _ in 0..<epochs {
            // Fisher-Yates with splitmix64.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                rng = rng &+ 0x9E37_79B9_7F4A_7C15
                let j = Int(NERHash.mix(rng, 0) % UInt64(i + 1))
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
        var byDecision = [[Example]](repeating: [], count: QuoteDecision.count)
        for sample in samples {
            let examples = examples(sample)
            for d in 0..<QuoteDecision.count { byDecision[d] += examples[d] }
        }
        var weights = [Float](repeating: 0, count: 1 << bits)
        for d in 0..<QuoteDecision.count where !byDecision[d].isEmpty { train(byDecision[d], into: &weights) }
        return QuoteModel(bits: bits, weights: weights, thresholds: thresholds)
    }

    /// Cross-validation over `folds` folds of `samples` (article `i` in fold `i % folds`): each
    /// fold scored by the stage with a model trained on the other folds.
    public func crossValidate(_ samples: [Sample], folds: Int, thresholds: [Float]) -> PolNeAREvaluation {
        var score = PolNeAREvaluation()
        for fold in 0..<folds {
            let training = samples.indices.filter { $0 % folds != fold }.map { samples[$0] }
            let finder = QuoteFinder(model: model(training, thresholds: thresholds))
            for i in samples.indices where i % folds == fold {
                let sample = samples[i]
                score.add(sample.article, cleaned: sample.text.scalars,
                          quotes: finder.find(sample.text, sample.segmentation, sample.entities))
            }
        }
        return score
    }

    /// The model trained on all `samples`.
    public func train(_ samples: [Sample], thresholds: [Float]) -> QuoteModel {
        model(samples, thresholds: thresholds)
    }

    /// The default thresholds (the scores' natural zero), one per decision.
    public static var defaultThresholds: [Float] { [Float](repeating: 0, count: QuoteDecision.count) }
}
