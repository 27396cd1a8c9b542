/// The gold of one training article as the quotes stage's trainer gives it, in the gold's own
/// offsets (`QuoteTrainingExamples.examples` maps the stage's tokens onto them).
package struct QuoteTrainingGold {
    /// The cue spans of reported speech.
    package var reportedCues: [TextSpan] = []
    /// Each reported-speech attribution's (first) cue span and whether its content follows it.
    package var reported: [(cue: TextSpan, contentAfter: Bool)] = []
    /// The gold direct quotes and their sources.
    package var direct: [(span: TextSpan, sources: [TextSpan])] = []
    package init() {}
}

/// One labelled example of a `QuoteDecision`: its hashed features and the right answer.
package struct QuoteExample: Sendable {
    package var features: [UInt64]
    package var label: Bool
    /// For a ranking decision (the source of a quote), the quote the example competes for.
    package var group: Int = -1
    /// For a cue example (`QuoteDecision.reportCue`), the word's lower-cased key: the trainer
    /// keeps the keys of gold cue words as the model's cue vocabulary (`QuoteModel.cueWords`).
    package var key: UInt64 = 0
}

/// Builds the stage's view of an article (tokens, candidates, the rules' direct quotes) and the
/// labelled examples of each decision, with exactly the features `QuoteFinder` computes when
/// analysing. Used by the trainer (ArticleAnalysisTools), never by the analysis.
package struct QuoteTrainingExamples {
    let text: ScalarText
    let segmentation: Segmentation
    let entities: [Entity]

    package init(text: ScalarText, segmentation: Segmentation, entities: [Entity]) {
        self.text = text; self.segmentation = segmentation; self.entities = entities
    }

    /// The labelled examples of the article, by decision (`QuoteDecision.rawValue`). `align` maps
    /// a span of `text` to the gold's offsets.
    package func examples(_ gold: QuoteTrainingGold, toGold align: (TextSpan) -> TextSpan) -> [[QuoteExample]] {
        var result = [[QuoteExample]](repeating: [], count: QuoteDecision.count)
        let doc = QuoteDocument(text: text, paragraphs: QuoteDocument.paragraphs(of: text, segmentation))
        let resolver = SpeakerResolver(doc: doc, candidates: SpeakerCandidate.find(in: doc, entities: entities))
        let source = QuoteFeatureSource(doc: doc, resolver: resolver)
        let tokens = doc.tokens
        var cueTokens = DirectQuotes(doc: doc, resolver: resolver).find().compactMap(\.cueToken)
        let direct = DirectQuotes(doc: doc, resolver: resolver).find(everyLongPassage: true)
        cueTokens.sort()
        let cueSpans = gold.reportedCues
        var f = QuoteFeatures()
        var nextCue = 0
        for t in tokens.indices {
            let token = tokens[t]
            guard token.isWord, token.passage < 0 else { continue }
            while nextCue < cueTokens.count && cueTokens[nextCue] < t { nextCue += 1 }
            if nextCue < cueTokens.count && cueTokens[nextCue] == t { continue }
            source.reportCue(t, into: &f)
            let span = align(TextSpan(start: token.start, end: token.end))
            result[QuoteDecision.reportCue.rawValue].append(QuoteExample(features: f.values, label: cueSpans.contains { $0.overlaps(span) }, key: token.key))
        }
        // The source of each found direct quote that matches a gold one.
        let ranker = SourceRanker(doc: doc, resolver: resolver)
        let goldDirect = gold.direct
        var previous: Speaker? = nil
        for found in direct {
            defer { previous = found.speaker }
            let span = align(doc.passages[found.passage].span)
            guard let match = goldDirect.first(where: { g in
                2 * max(0, min(span.end, g.span.end) - max(span.start, g.span.start)) >= g.span.length }), !match.sources.isEmpty else { continue }
            let all = ranker.mentions(found.passage)
            for m in all {
                ranker.features(m, found.passage, rule: found.speaker?.mention?.span, previous: previous, into: &f)
                let mention = align(TextSpan(start: tokens[m.first].start, end: tokens[m.last].end))
                result[QuoteDecision.directSource.rawValue].append(QuoteExample(features: f.values, label: match.sources.contains { $0.overlaps(mention) }, group: found.passage))
            }
        }

        // Is each passage of four words or more speech: does it cover half a gold direct quote?
        let rules = DirectQuotes(doc: doc, resolver: resolver)
        for p in doc.passages.indices {
            let inside = rules.insideTokens(p)
            let passage = doc.passages[p]
            guard source.words(inside.lowerBound, inside.upperBound) >= 4, !passage.isUnclosed, passage.segments.count == 1 else { continue }
            let post = rules.postCue(p)
            rules.speechFeatures(p, rule: rules.isSpeech(p, post: post), post: post, into: &f)
            let span = align(doc.passages[p].span)
            let label = goldDirect.contains { g in 2 * max(0, min(span.end, g.span.end) - max(span.start, g.span.start)) >= g.span.length }
            result[QuoteDecision.isSpeech.rawValue].append(QuoteExample(features: f.values, label: label))
        }

        // The side of the content, for each gold cue the tokens cover.
        var t = 0
        for (cue, after) in gold.reported {
            t = 0
            while t < tokens.count && align(TextSpan(start: tokens[t].start, end: tokens[t].end)).end <= cue.start { t += 1 }
            guard t < tokens.count, tokens[t].isWord, align(TextSpan(start: tokens[t].start, end: tokens[t].end)).start < cue.end else { continue }
            var b = t
            while b + 1 < tokens.count, tokens[b + 1].sentence == tokens[t].sentence,
                  align(TextSpan(start: tokens[b + 1].start, end: tokens[b + 1].end)).start < cue.end { b += 1 }
            source.contentAfter(t, b, into: &f)
            result[QuoteDecision.contentAfter.rawValue].append(QuoteExample(features: f.values, label: after))
        }
        return result
    }

}
