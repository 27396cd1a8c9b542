/// Finds reported speech with the learned model: words the model takes for a cue ("said",
/// "according to", "believes", "called for"), the side of the cue the content is on, and the
/// content as the clause there.
///
/// - Cue: each word outside quotation marks that was a cue word in the training data
///   (`QuoteModel.cueWords`) is scored (`QuoteDecision.reportCue`), a word that is rarely part of
///   a cue (`QuoteModel.attachedWords`) only next to one; neighbouring cue words form one cue
///   ("has said", "according to").
///   Words that attribute a direct quote are skipped. A claim verb (claim, allege, deny) not
///   after "was"/"the" is always a cue.
/// - Content after the cue ("said (that) ..."): to the end of the sentence or a semicolon.
///   Content before it ("..., a source said."): from the sentence start to the last comma before
///   the cue (or to the cue's subject).
/// - Source: the subject of the cue (`SpeakerResolver`), before it, else after it; null when none.
/// - Kind: `claim` for a claim verb (claim, allege, deny), else `indirect`.
struct LearnedReportedSpeech {
    let doc: QuoteDocument
    let resolver: SpeakerResolver
    let model: QuoteModel

    /// The cue words in token order, each with its best word's score (a claim verb: infinity):
    /// `cueTokens` (direct-quote cues, ascending) are left out.
    func cues(skipping cueTokens: [Int], features f: inout QuoteFeatures) -> [(cue: ClosedRange<Int>, score: Float)] {
        let source = QuoteFeatureSource(doc: doc, resolver: resolver)
        let tokens = doc.tokens
        var cues: [(cue: ClosedRange<Int>, score: Float)] = []
        var nextCue = 0
        var t = 0
        while t < tokens.count {
            defer { t += 1 }
            let token = tokens[t]
            guard token.isWord, token.passage < 0 else { continue }
            while nextCue < cueTokens.count && cueTokens[nextCue] < t { nextCue += 1 }
            if nextCue < cueTokens.count && cueTokens[nextCue] == t { continue }
            // A claim verb ("they claim to ...", "denies that ...") always reports a contested
            // statement, unless it is passive or an adjective ("was alleged", "the alleged").
            let claim = token.flags.contains(.claimVerb) && !doc.wordFlags(t - 1).contains(.notASubjectVerbBefore)
            var score = Float.infinity
            if !claim {
                // Only words of the learned cue vocabulary are scored (see `QuoteModel.cueWords`),
                // the rare parts of cues ("to", "has") only next to a cue.
                switch model.cueClass(token.key) {
                case .none: continue
                case .alone: break
                case .attached:
                    let afterCue = cues.last.map { $0.cue.upperBound == t - 1 && tokens[t - 1].sentence == token.sentence } ?? false
                    guard afterCue || beforeCueWord(t) else { continue }
                }
                source.reportCue(t, into: &f)
                score = model.score(f)
                guard score > model.thresholds[QuoteDecision.reportCue.rawValue] else { continue }
            }
            if let last = cues.last, last.cue.upperBound == t - 1, tokens[t - 1].sentence == token.sentence {
                cues[cues.count - 1] = (last.cue.lowerBound...t, max(last.score, score))
            } else {
                cues.append((t...t, score))
            }
        }
        return cues
    }

    /// A word of the cue vocabulary that may stand alone follows word `t` (next or next but one
    /// word, same sentence, outside quotation marks): "has said", "has also said".
    private func beforeCueWord(_ t: Int) -> Bool {
        let tokens = doc.tokens
        var u = t + 1
        while u <= t + 2 && u < tokens.count {
            let token = tokens[u]
            guard token.isWord, token.passage < 0, token.sentence == tokens[t].sentence else { return false }
            if model.cueClass(token.key) == .alone || token.flags.contains(.claimVerb) { return true }
            u += 1
        }
        return false
    }

    /// Reported speech in text order. Overlaps are settled by one rule, the best cue wins: an
    /// item is dropped when its content overlaps the content or the cue of a better-scoring item
    /// ("have long been": the cues "have" and "been" give two nested contents), or when it repeats
    /// a direct quote (its content covers half of one of `direct`, the direct quotes' spans).
    func find(skipping cueTokens: [Int], direct: [TextSpan] = []) -> [Quote] {
        var f = QuoteFeatures()
        let source = QuoteFeatureSource(doc: doc, resolver: resolver)
        var items: [(cue: ClosedRange<Int>, content: ClosedRange<Int>, score: Float)] = []
        let repeats = DirectQuoteSpans(direct)
        for (cue, score) in cues(skipping: cueTokens, features: &f) {
            source.contentAfter(cue.lowerBound, cue.upperBound, into: &f)
            let after = model.says(.contentAfter, f)
            guard let content = after ? contentAfter(cue) ?? contentBefore(cue) : contentBefore(cue) ?? contentAfter(cue) else { continue }
            let span = TextSpan(start: doc.tokens[content.lowerBound].start, end: doc.tokens[content.upperBound].end)
            if repeats.coversHalfOfOne(span) { continue }
            items.append((cue, content, score))
        }
        // Best first (ties: the earlier cue), each kept unless it overlaps one already kept:
        // its content shares a token with a kept content or cue, or its cue with a kept content.
        // The kept items' tokens are marked, so each item costs its own length (a long article
        // has tens of thousands of items; comparing each with every kept one was quadratic).
        let order = items.indices.sorted { items[$0].score != items[$1].score ? items[$0].score > items[$1].score : $0 < $1 }
        let content: UInt8 = 1, cue: UInt8 = 2
        var marks = [UInt8](repeating: 0, count: items.isEmpty ? 0 : doc.tokens.count)
        var kept: [Int] = []
        for i in order {
            let a = items[i]
            let clash = a.content.contains { marks[$0] != 0 } || a.cue.contains { marks[$0] & content != 0 }
            if clash { continue }
            kept.append(i)
            for t in a.content { marks[t] |= content }
            for t in a.cue { marks[t] |= cue }
        }
        return kept.sorted().map { quote(items[$0].cue, items[$0].content) }
    }

    /// The clause after the cue: after "that" when it follows; nil under two words or when a
    /// quotation starts it.
    func contentAfter(_ cue: ClosedRange<Int>) -> ClosedRange<Int>? {
        let sentence = doc.sentenceRange(of: cue.lowerBound)
        var start = cue.upperBound + 1
        if doc.isWord(start, QuoteKeys.that) {
            start += 1
        } else if start < sentence.upperBound, doc.tokens[start].isWord,
                  doc.tokens[start].flags.contains(.phraseOpener) || resolver.cover[start] >= 0 || resolver.isPronoun(start) {
            // "said in a filing that ...", "told reporters that ...": the clause after "that".
            var u = start + 1, words = 0
            while u < sentence.upperBound && words < 14 {
                if doc.tokens[u].opensPassage >= 0 || doc.isTerminator(u) || doc.tokens[u].mark == 0x3A { break }
                if doc.isWord(u, QuoteKeys.that) { start = u + 1; break }
                if doc.tokens[u].isWord { words += 1 }
                u += 1
            }
        }
        while start < sentence.upperBound && !doc.tokens[start].isWord && doc.tokens[start].opensPassage < 0 { start += 1 }
        guard start < sentence.upperBound, doc.tokens[start].opensPassage < 0 else { return nil }
        var end = start, u = start, words = 0
        while u < sentence.upperBound {
            if doc.isTerminator(u) || doc.tokens[u].mark == 0x3A { break }
            if doc.tokens[u].isWord { words += 1 }
            end = u
            u += 1
        }
        while end > start, !doc.tokens[end].isWord, doc.tokens[end].closesPassage < 0, doc.tokens[end].mark != 0x29 { end -= 1 }
        return words >= 2 ? start...end : nil
    }

    /// The clause before the cue: from the sentence start to the last comma before the cue, or
    /// to the cue's subject; nil under three words.
    func contentBefore(_ cue: ClosedRange<Int>) -> ClosedRange<Int>? {
        let sentence = doc.sentenceRange(of: cue.lowerBound)
        var start = sentence.lowerBound
        while start < cue.lowerBound && !doc.tokens[start].isWord { start += 1 }
        var end = cue.lowerBound - 1
        var u = cue.lowerBound - 1
        while u > start {
            if doc.tokens[u].mark == 0x2C && doc.tokens[u].passage < 0 { end = u - 1; break }
            u -= 1
        }
        if u <= start, cue.lowerBound > 0, resolver.cover[cue.lowerBound - 1] >= 0 {
            end = resolver.candidates[resolver.cover[cue.lowerBound - 1]].firstToken - 1
        }
        guard end >= start, doc.tokens[start].opensPassage < 0 else { return nil }
        while end > start, !doc.tokens[end].isWord, doc.tokens[end].closesPassage < 0, doc.tokens[end].mark != 0x29 { end -= 1 }
        var words = 0
        for k in start...end where doc.tokens[k].isWord { words += 1 }
        return words >= 3 ? start...end : nil
    }

    private func quote(_ cue: ClosedRange<Int>, _ content: ClosedRange<Int>) -> Quote {
        let sentence = doc.sentenceRange(of: cue.lowerBound)
        let speaker: Speaker?
        if content.lowerBound > cue.upperBound {
            speaker = resolver.subjectBefore(cue.lowerBound, from: sentence.lowerBound)
                ?? resolver.subjectAfter(cue.upperBound, limit: content.lowerBound)
        } else {
            speaker = resolver.subjectAfter(cue.upperBound, limit: sentence.upperBound)
                ?? resolver.subjectBefore(cue.lowerBound, from: content.upperBound + 1)
        }
        let kind: Quote.Kind = doc.tokens[cue.lowerBound].flags.contains(.claimVerb) ? .claim : .indirect
        let span = TextSpan(start: doc.tokens[content.lowerBound].start, end: doc.tokens[content.upperBound].end)
        return Quote(kind: kind, text: doc.text.scalars.string(span.start..<span.end), span: span, speaker: speaker,
                     cue: doc.words(cue.lowerBound, through: cue.upperBound), flags: [])
    }
}

/// The direct quotes' spans, for the question whether a reported item's content covers half of
/// one of them (it then repeats that quote). Sorted by start with the running maximum of their
/// ends, so a question looks only at the spans that can overlap it.
struct DirectQuoteSpans {
    private let spans: [TextSpan]
    private let endsSoFar: [Int]
    /// A span of no length is half covered by anything (0 >= 0), as the plain comparison says.
    private let hasEmpty: Bool

    init(_ direct: [TextSpan]) {
        spans = direct.sorted { $0.start < $1.start }
        var highest = Int.min
        endsSoFar = spans.map { highest = max(highest, $0.end); return highest }
        hasEmpty = direct.contains { $0.length <= 0 }
    }

    /// Whether `span` overlaps at least half of the length of one of the spans.
    func coversHalfOfOne(_ span: TextSpan) -> Bool {
        if hasEmpty { return true }
        // The spans starting before `span` ends, walked back until none before can reach it.
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].start < span.end { low = middle + 1 } else { high = middle }
        }
        var j = low - 1
        while j >= 0 && endsSoFar[j] > span.start {
            let d = spans[j]
            if 2 * max(0, min(span.end, d.end) - max(span.start, d.start)) >= d.length { return true }
            j -= 1
        }
        return false
    }
}
