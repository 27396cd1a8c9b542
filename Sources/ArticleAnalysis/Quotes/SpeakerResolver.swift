/// Finds who a speech verb belongs to.
///
/// The subject is looked for before the verb ("Pelosi said") and after it ("said Pelosi", after a
/// quotation). Pronouns and descriptions ("he", "the spokeswoman", "the company") stand for the
/// most prominent compatible name of the current or a recent sentence: the leftmost one that is
/// not an object ("speaking to X"), a place ("in X"), a possessive ("X's admission") or inside a
/// quotation — in news prose that is usually the subject the pronoun continues.
final class SpeakerResolver {
    let doc: QuoteDocument
    let candidates: [SpeakerCandidate]
    /// For each token, the candidate covering it, or -1.
    let cover: TokenCandidates
    /// For each sentence, the index of its first candidate; sentence `s` has candidates
    /// `firstOfSentence[s]..<firstOfSentence[s + 1]` (candidates are in text order).
    private let firstOfSentence: [Int]

    init(doc: QuoteDocument, candidates: [SpeakerCandidate]) {
        self.doc = doc
        self.candidates = candidates
        var cover = [Int32](repeating: -1, count: doc.tokens.count)
        var firstOfSentence = [Int](repeating: 0, count: doc.sentences.count + 1)
        for (c, candidate) in candidates.enumerated() {
            for t in candidate.firstToken...candidate.lastToken where cover[t] < 0 { cover[t] = Int32(c) }
            firstOfSentence[doc.tokens[candidate.firstToken].sentence + 1] += 1
        }
        for s in 0..<doc.sentences.count { firstOfSentence[s + 1] += firstOfSentence[s] }
        self.cover = TokenCandidates(slots: cover)
        self.firstOfSentence = firstOfSentence
    }

    private var tokens: [QuoteToken] { doc.tokens }

    /// The subject of the verb at `cue`, looked for between `lowerBound` and the verb.
    func subjectBefore(_ cue: Int, from lowerBound: Int) -> Speaker? {
        var t = cue - 1
        while t >= lowerBound, cover[t] < 0, tokens[t].isWord,
              tokens[t].flags.contains(.betweenSubjectAndVerb) || (doc.endsInLy(t) && !tokens[t].isCapitalized) {
            t -= 1
        }
        if t >= lowerBound && tokens[t].mark == 0x2C {
            // "Steffen Seibert, said"; "Al-Julani, who sat for the interview, said"
            t = relativeClauseStart(endingAt: t, lowerBound: lowerBound) ?? t - 1
        }
        guard t >= lowerBound else { return nil }
        if cover[t] < 0, tokens[t].isWord {
            if isPronoun(t) { return resolvePronoun(at: t) }
            let flags = tokens[t].flags
            if flags.contains(.organizationNoun) && !flags.contains(.personRole),
               t > 0, cover[t - 1] >= 0, !candidates[cover[t - 1]].isPossessive, !candidates[cover[t - 1]].inQuote {
                return candidates[cover[t - 1]].speaker(doc)  // "Time magazine announced"
            }
            if !flags.isDisjoint(with: [.personRole, .organizationNoun]) {
                return resolveDescription(at: t)
            }
        }
        var u = t, steps = 0
        while u >= lowerBound && steps < 30 {
            let token = tokens[u]
            if token.passage >= 0 || token.opensPassage >= 0 || token.closesPassage >= 0 { break }
            let c = cover[u]
            if c >= 0 {
                if !candidates[c].inQuote && !isObject(c) && canSpeak(c) {
                    return candidates[followingOf(c)].speaker(doc)
                }
                u = candidates[c].firstToken - 1; steps += 1
                continue
            }
            if tokens[u].mark == 0x2C, let before = relativeClauseStart(endingAt: u, lowerBound: lowerBound) {
                // A relative clause ("X, who sat for the interview, said"): its names are not the subject.
                u = before; steps += 1
                continue
            }
            if isPronoun(u), u == doc.sentenceRange(of: u).lowerBound || tokens[u - 1].mark == 0x2C || !tokens[u - 1].isWord {
                return resolvePronoun(at: u)
            }
            u -= 1; steps += 1
        }
        return nil
    }

    /// When the comma at `comma` closes a relative clause (", who ...,"), the token before the
    /// clause's opening comma.
    private func relativeClauseStart(endingAt comma: Int, lowerBound: Int) -> Int? {
        var u = comma - 1
        while u > lowerBound && comma - u < 25 {
            if tokens[u].mark == 0x2C || tokens[u].passage >= 0 {
                guard tokens[u].mark == 0x2C, doc.isWord(u + 1, QuoteKeys.who) || doc.isWord(u + 1, QuoteKeys.which)
                    || doc.isWord(u + 1, QuoteKeys.whose) || doc.isWord(u + 1, QuoteKeys.where) else { return nil }
                return u - 1
            }
            u -= 1
        }
        return nil
    }

    /// The subject after the verb at `cue` ("said his father, Abdullah Kurdi"), before `limit`.
    func subjectAfter(_ cue: Int, limit: Int) -> Speaker? {
        var u = cue + 1, words = 0
        var role: Int? = nil
        while u < min(limit, tokens.count) && words < 12 {
            let token = tokens[u]
            if token.opensPassage >= 0 || token.passage >= 0 || doc.isTerminator(u) || token.mark == 0x3A { break }
            if token.paragraph != tokens[cue].paragraph { break }
            let c = cover[u]
            if c >= 0 {
                // Right after "according to" the object of "to" is the source.
                let object = isObject(c) && !(doc.isWord(cue, QuoteKeys.to) && candidates[c].firstToken <= cue + 2)
                if !candidates[c].inQuote && !object && canSpeak(c) {
                    return candidates[personAfterAffiliation(c)].speaker(doc)
                }
                u = candidates[c].lastToken + 1; words += 1
                continue
            }
            if token.isWord {
                if role == nil && isPronoun(u) && token.key != QuoteKeys.it { return resolvePronoun(at: u) }
                if role == nil && !token.flags.isDisjoint(with: [.personRole, .organizationNoun]) {
                    role = u
                }
                if token.key == QuoteKeys.that { break }
                words += 1
            }
            u += 1
        }
        if let role { return resolveDescription(at: role) }
        return nil
    }

    /// The first name in tokens `range` that is not an object: the speaker of a colon lead-in
    /// without a speech verb ("Governor John Bel Edwards addressed the public:").
    func firstSubject(in range: Range<Int>) -> Speaker? {
        for t in range {
            let c = cover[t]
            if c >= 0 && !candidates[c].inQuote && !isObject(c) && canSpeak(c) && !candidates[c].isPossessive {
                return candidates[followingOf(c)].speaker(doc)
            }
            if isPronoun(t), tokens[t].key != QuoteKeys.it { return resolvePronoun(at: t) }
        }
        return nil
    }

    /// What "he", "she", "it" or "they" at token `p` stands for.
    /// The mention is the pronoun itself; the name and entity are what it stands for (the pronoun
    /// as written when nothing compatible precedes it).
    func resolvePronoun(at p: Int) -> Speaker {
        resolvePronoun(at: p, person: tokens[p].isWord && tokens[p].flags.contains(.personPronoun))
    }

    /// What the pronoun at `p` stands for: a person ("he", "his") or a group ("they", "its").
    func resolvePronoun(at p: Int, person wantsPerson: Bool) -> Speaker {
        if tokens[p].isWord && tokens[p].key == QuoteKeys.they {
            // "US intelligence, where they claim ...": a name followed by a group noun.
            let range = doc.sentenceRange(of: p)
            var u = p - 1
            while u > range.lowerBound {
                if tokens[u].isWord, tokens[u].flags.contains(.collectiveNoun), cover[u - 1] >= 0 {
                    let c = cover[u - 1]
                    if candidates[c].entity == nil || candidates[c].kind == .place || candidates[c].kind == .other {
                        return Speaker(entity: nil, name: doc.string(candidates[c].firstToken, through: u),
                                       mention: doc.words(p, through: p))
                    }
                    var speaker = candidates[c].speaker(doc)
                    speaker.mention = doc.words(p, through: p)
                    return speaker
                }
                u -= 1
            }
        }
        let mention = doc.words(p, through: p)
        var speaker = recent(before: p) { wantsPerson ? $0.isPersonLike : $0.isGroupLike }
            ?? Speaker(entity: nil, name: doc.string(p, through: p))
        speaker.mention = mention
        return speaker
    }

    /// What the relative pronoun at `p` stands for: the noun before it ("Beck, who said"), a
    /// name's entity, a description resolved as one, else the noun as written. The mention is
    /// the relative pronoun.
    func resolveRelative(at p: Int) -> Speaker {
        var u = p - 1
        if u >= 0 && tokens[u].mark == 0x2C { u -= 1 }
        var speaker: Speaker
        if u >= 0, cover[u] >= 0 {
            speaker = candidates[cover[u]].speaker(doc)
        } else if u >= 0, tokens[u].isWord, !tokens[u].flags.isDisjoint(with: [.personRole, .organizationNoun]) {
            speaker = resolveDescription(at: u)
        } else if u >= 0, tokens[u].isWord, tokens[u].passage < 0 {
            speaker = Speaker(entity: nil, name: doc.string(u, through: u))
        } else {
            speaker = Speaker(entity: nil, name: doc.string(p, through: p))
        }
        speaker.mention = doc.words(p, through: p)
        return speaker
    }

    /// What a description ("the spokeswoman", "the Wooster professor", "the ministry") at token
    /// `noun` stands for: a recent name of the same kind, preferring one that contains the noun.
    /// The mention is the description's words; name and entity those of the name it stands for,
    /// or the description as written when none precedes it.
    func resolveDescription(at noun: Int) -> Speaker {
        // Names inside the description itself ("the Wooster professor") are not what it refers to.
        var t = noun
        while t > 0, noun - t < 4, tokens[t - 1].isWord, tokens[t - 1].passage < 0,
              !tokens[t - 1].flags.contains(.descriptionDeterminer),
              !tokens[t - 1].flags.contains(.speechVerb), tokens[t].sentence == tokens[t - 1].sentence {
            t -= 1
        }
        var first = t
        if first > 0, tokens[first - 1].isWord, tokens[first - 1].flags.contains(.descriptionDeterminer),
           tokens[first - 1].sentence == tokens[noun].sentence { first -= 1 }
        let mention = doc.words(first, through: noun)
        var speaker = resolvedDescription(noun, before: t) ?? Speaker(entity: nil, name: doc.string(first, through: noun))
        speaker.mention = mention
        return speaker
    }

    private func resolvedDescription(_ noun: Int, before t: Int) -> Speaker? {
        let head = tokens[noun].key, headFlags = tokens[noun].flags
        if headFlags.contains(.organizationNoun) && !headFlags.contains(.personRole) {
            if let named = recent(before: t, where: { $0.containsWord(head) }) { return named }
            return recent(before: t) { $0.isGroupLike }
        }
        return recent(before: t) { $0.kind == .person || ($0.kind == .unknown && $0.entity == nil) }
            ?? recent(before: t) { $0.isPersonLike }
    }

    /// The leftmost suitable candidate of the sentence holding `t` (before `t`), else of the
    /// previous sentences, up to four back.
    private func recent(before t: Int, where accept: (SpeakerCandidate) -> Bool) -> Speaker? {
        let sentence = tokens[t].sentence
        for back in 0..<5 {
            let s = sentence - back
            guard s >= 0 else { break }
            for c in firstOfSentence[s]..<firstOfSentence[s + 1] {
                let candidate = candidates[c]
                if back == 0 && candidate.firstToken >= t { break }
                guard !candidate.inQuote, !candidate.isPossessive, !isObject(c), !isAffiliation(c) else { continue }
                if accept(candidate) { return candidate.speaker(doc) }
            }
        }
        return nil
    }

    /// "UCL astronomer Angelos Tsiaras": an organisation, one to three lower-case role words, then
    /// a person — the person is meant.
    private func personAfterAffiliation(_ c: Int) -> Int {
        guard !candidates[c].isPersonLike || candidates[c].entity == nil && candidates[c].words.count == 1 else { return c }
        var u = candidates[c].lastToken + 1, lowerWords = 0
        // "US Secretary of State Mike Pompeo": a name ending in a title, "of"/"to" and one word.
        if tokens[candidates[c].lastToken].flags.contains(.titleWord), u + 2 < tokens.count,
           doc.isWord(u, QuoteKeys.of) || doc.isWord(u, QuoteKeys.to), cover[u + 2] >= 0, candidates[cover[u + 2]].kind == .person {
            return cover[u + 2]
        }
        while u < tokens.count && lowerWords <= 3 {
            if cover[u] >= 0 {
                return lowerWords > 0 && candidates[cover[u]].isPersonLike && !candidates[cover[u]].isGroupLike ? cover[u] : c
            }
            guard tokens[u].isWord, !tokens[u].isCapitalized, !tokens[u].flags.contains(.speechVerb) else { return c }
            lowerWords += 1
            u += 1
        }
        return c
    }

    /// "X of (the) Y said": the speaker is X, Y is where X works.
    private func followingOf(_ start: Int) -> Int {
        var c = start
        var rounds = 0
        while rounds < 3 {
            rounds += 1
            var u = candidates[c].firstToken - 1, lowerWords = 0
            var switched = false
            while u > 0 && candidates[c].firstToken - u <= 7 {
                let token = tokens[u]
                if token.passage >= 0 { break }
                if token.isWord {
                    if token.key == QuoteKeys.of || token.key == QuoteKeys.from || token.key == QuoteKeys.at {
                        let before = cover[u - 1]
                        if before >= 0 && candidates[before].isPersonLike && !candidates[before].inQuote {
                            c = before; switched = true
                        }
                        break
                    }
                    if cover[u] >= 0 { u = candidates[cover[u]].firstToken - 1; continue }
                    if token.isCapitalized { break }
                    lowerWords += 1
                    if lowerWords > 3 { break }
                } else if token.mark != 0x28 && token.mark != 0x29 {
                    break
                }
                u -= 1
            }
            if !switched { break }
        }
        return c
    }

    /// A place or a MISC entity (a nationality, an event) does not speak.
    /// A name right after a role or title ("co-author Karen Alley") is a person whatever its type.
    private func canSpeak(_ c: Int) -> Bool {
        if candidates[c].kind != .place && candidates[c].kind != .other { return true }
        let before = candidates[c].firstToken - 1
        return before >= 0 && !tokens[before].flags.isDisjoint(with: [.personRole, .titleWord])
    }

    /// The word token before candidate `c`, skipping articles; nil when a mark or the start comes first.
    private func wordBefore(_ c: Int) -> QuoteToken? {
        var u = candidates[c].firstToken - 1
        while u >= 0, tokens[u].isWord, tokens[u].key == QuoteKeys.the || tokens[u].key == QuoteKeys.a || tokens[u].key == QuoteKeys.an { u -= 1 }
        return u >= 0 && tokens[u].isWord ? tokens[u] : nil
    }

    /// The candidate is the object of a preposition ("speaking to X", "in X").
    private func isObject(_ c: Int) -> Bool {
        guard let w = wordBefore(c) else { return false }
        return w.key != QuoteKeys.of && w.flags.contains(.objectPreposition)
    }

    /// The candidate follows "of" ("the leader of X").
    private func isAffiliation(_ c: Int) -> Bool { wordBefore(c)?.key == QuoteKeys.of }

    /// Token `t` is "he", "she", "they" or "it".
    func isPronoun(_ t: Int) -> Bool {
        tokens[t].isWord && !tokens[t].flags.isDisjoint(with: [.personPronoun, .groupPronoun])
    }
}

/// A candidate number for each token (-1 for none), kept as 32-bit numbers: one slot a token,
/// so on a long article this is the stage's largest table after the tokens themselves.
struct TokenCandidates {
    fileprivate let slots: [Int32]
    subscript(token: Int) -> Int { Int(slots[token]) }
}
