/// Finds indirect speech ("X said (that) ...", "according to X, ...") and claims ("X claims /
/// alleges / denies ...") outside quotation marks.
///
/// The reported text is the clause after the verb (after "that" when a phrase stands between:
/// "said in a filing that ..."), up to the end of the sentence or a semicolon. A verb that
/// attributes a direct quote, a passive ("was said to"), an adjective ("the alleged operator")
/// and a verb followed by a colon or quotation are not reported speech. Only statements whose
/// source is found are reported.
struct ReportedSpeech {
    let doc: QuoteDocument
    let resolver: SpeakerResolver

    /// `cueTokens`: the tokens of the verbs that attribute direct quotes, in ascending order.
    func find(skipping cueTokens: [Int]) -> [Quote] {
        var found: [Quote] = []
        let tokens = doc.tokens
        var nextCue = 0
        let according = LexiconTable.according
        for t in tokens.indices where tokens[t].isWord && tokens[t].passage < 0 {
            // "according" is a speech verb: only those need the key compared.
            guard !tokens[t].flags.isDisjoint(with: [.claimVerb, .reportVerb, .speechVerb]) else { continue }
            let isAccording = tokens[t].key == according
            guard !tokens[t].flags.isDisjoint(with: [.claimVerb, .reportVerb]) || isAccording else { continue }
            while nextCue < cueTokens.count && cueTokens[nextCue] < t { nextCue += 1 }
            if nextCue < cueTokens.count && cueTokens[nextCue] == t { continue }
            if tokens[t].isCapitalized && !isAccording { continue }  // "United States"
            let kind: Quote.Kind
            let flags = tokens[t].flags
            if flags.contains(.claimVerb) {
                kind = .claim
            } else if flags.contains(.reportVerb) {
                kind = .indirect
            } else if isAccording && doc.isWord(t + 1, QuoteKeys.to) {
                if let quote = accordingTo(t) { found.append(quote) }
                continue
            } else {
                continue
            }
            if t > 0, tokens[t - 1].isWord, tokens[t - 1].flags.contains(.notASubjectVerbBefore) { continue }
            let sentence = doc.sentenceRange(of: t)
            guard let start = clauseStart(after: t, sentenceEnd: sentence.upperBound) else { continue }
            guard let end = clauseEnd(from: start, sentenceEnd: sentence.upperBound) else { continue }
            guard let speaker = resolver.subjectBefore(t, from: sentence.lowerBound) else { continue }
            found.append(quote(kind, start, end, speaker, cue: doc.cue(t)))
        }
        return found
    }

    /// Where the reported clause starts, or nil when the verb reports no clause.
    private func clauseStart(after t: Int, sentenceEnd: Int) -> Int? {
        let tokens = doc.tokens
        let next = t + 1
        guard next < sentenceEnd, tokens[next].paragraph == tokens[t].paragraph else { return nil }
        if tokens[next].opensPassage >= 0 || tokens[next].passage >= 0 || !tokens[next].isWord { return nil }
        if doc.isWord(next, QuoteKeys.that) { return next + 1 < sentenceEnd ? next + 1 : nil }
        // "they claim to have been tracking ...": the infinitive is the claim.
        let verb = tokens[t].key
        if doc.isWord(next, QuoteKeys.to) && tokens[t].flags.contains(.claimVerb) { return next }
        let needsThat = verb == QuoteKeys.told || verb == QuoteKeys.tells || tokens[next].flags.contains(.phraseOpener)
        if needsThat {
            var u = next, words = 0
            while u < sentenceEnd && words < 14 {
                if tokens[u].opensPassage >= 0 || doc.isTerminator(u) || tokens[u].mark == 0x3A { return nil }
                if doc.isWord(u, QuoteKeys.that) { return u + 1 < sentenceEnd ? u + 1 : nil }
                if tokens[u].isWord { words += 1 }
                u += 1
            }
            return nil
        }
        return next
    }

    /// The last token of the clause starting at `start`: before a semicolon or the sentence's
    /// final punctuation. Nil when the clause is under three words or is itself a quotation.
    private func clauseEnd(from start: Int, sentenceEnd: Int) -> Int? {
        let tokens = doc.tokens
        if tokens[start].opensPassage >= 0 { return nil }
        var end = start, words = 0
        var u = start
        while u < sentenceEnd {
            if doc.isTerminator(u) || tokens[u].mark == 0x3A { break }
            if tokens[u].isWord { words += 1 }
            end = u
            u += 1
        }
        while end > start, !tokens[end].isWord, tokens[end].closesPassage < 0, tokens[end].mark != 0x29 { end -= 1 }
        return words >= 3 ? end : nil
    }

    /// "According to X, ..." and "..., according to X."
    private func accordingTo(_ t: Int) -> Quote? {
        let tokens = doc.tokens
        let sentence = doc.sentenceRange(of: t)
        let atStart = t == sentence.lowerBound || tokens[t - 1].mark == 0x2C
        guard atStart else { return nil }
        // The source: up to the next comma or the end of the sentence.
        var u = t + 2
        while u < sentence.upperBound && tokens[u].mark != 0x2C && !doc.isTerminator(u) && tokens[u].opensPassage < 0 { u += 1 }
        guard let speaker = resolver.subjectAfter(t + 1, limit: u) else { return nil }
        if u < sentence.upperBound, tokens[u].mark == 0x2C, isClauseStart(t, sentence) {
            // "According to X, clause."
            guard let end = clauseEnd(from: u + 1, sentenceEnd: sentence.upperBound) else { return nil }
            return quote(.indirect, u + 1, end, speaker, cue: doc.cue(t))
        }
        // "Clause, according to X." — only when the source ends the sentence.
        guard u >= sentence.upperBound || doc.isTerminator(u) else { return nil }
        var end = t - 2
        while end > sentence.lowerBound && !tokens[end].isWord && tokens[end].closesPassage < 0 { end -= 1 }
        var start = sentence.lowerBound
        // A sentence opening with a quotation is direct speech, not this.
        if tokens[start].opensPassage >= 0 { return nil }
        while start < end && !tokens[start].isWord { start += 1 }
        var words = 0
        for k in start...max(start, end) where tokens[k].isWord { words += 1 }
        guard end > start, words >= 3 else { return nil }
        return quote(.indirect, start, end, speaker, cue: doc.cue(t))
    }

    /// True when only an introductory phrase ("Yesterday,") stands before token `t`.
    private func isClauseStart(_ t: Int, _ sentence: Range<Int>) -> Bool {
        var words = 0
        for k in sentence.lowerBound..<t where doc.tokens[k].isWord { words += 1 }
        return words <= 3
    }

    private func quote(_ kind: Quote.Kind, _ first: Int, _ last: Int, _ speaker: Speaker, cue: QuoteWords) -> Quote {
        let span = TextSpan(start: doc.tokens[first].start, end: doc.tokens[last].end)
        return Quote(kind: kind, text: doc.text.scalars.string(span.start..<span.end), span: span, speaker: speaker, cue: cue, flags: [])
    }
}
