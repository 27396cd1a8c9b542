/// The hashed features of one decision of `QuoteModel`, gathered in a reused buffer.
///
/// Each feature is `NERHash.mix` of the decision and template number and a value (a word key,
/// a class, a bucket). The same code computes them when training and when analysing, so the
/// model sees exactly what it was trained on.
struct QuoteFeatures {
    private(set) var values: [UInt64] = []
    private var seed: UInt64 = 0

    init() { values.reserveCapacity(48) }

    var count: Int { values.count }
    subscript(i: Int) -> UInt64 { values[i] }

    mutating func start(_ decision: QuoteDecision) {
        values.removeAll(keepingCapacity: true)
        seed = UInt64(decision.rawValue + 1) &* 0x9E37_79B9
        add(0, 0)  // bias
    }

    @inline(__always)
    mutating func add(_ template: UInt64, _ value: UInt64) {
        values.append(NERHash.mix(seed &+ template, value))
    }

    @inline(__always)
    mutating func add(_ template: UInt64, _ a: UInt64, _ b: UInt64) {
        values.append(NERHash.mix3(seed &+ template, a, b))
    }
}

/// What the features say about tokens: word keys, word classes and buckets.
struct QuoteFeatureSource {
    let doc: QuoteDocument
    let resolver: SpeakerResolver

    /// The key of token `t` lower-cased (words) or as written (marks); fixed values off the ends.
    @inline(__always)
    func key(_ t: Int) -> UInt64 {
        guard t >= 0 else { return 1 }
        guard t < doc.tokens.count else { return 2 }
        return doc.tokens[t].key
    }

    /// A coarse class of token `t`: a name, a pronoun, a capitalised word, a quotation mark, a
    /// mark by value, or the word's key for other words.
    func wordClass(_ t: Int) -> UInt64 {
        guard t >= 0, t < doc.tokens.count else { return t < 0 ? 1 : 2 }
        let token = doc.tokens[t]
        if token.opensPassage >= 0 { return 3 }
        if token.closesPassage >= 0 { return 4 }
        if !token.isWord { return token.key }
        if resolver.cover[t] >= 0 { return 5 }
        if resolver.isPronoun(t) { return 6 }
        if token.isCapitalized && !token.isInitial { return 7 }
        return token.key
    }

    /// 0, 1, 2, 3, 4-6, 7-12, 13+ as 0...6.
    static func bucket(_ n: Int) -> UInt64 {
        switch n {
        case ..<4: UInt64(max(0, n))
        case 4...6: 4
        case 7...12: 5
        default: 6
        }
    }

    /// Words from token `from` up to (not including) `to`.
    func words(_ from: Int, _ to: Int) -> Int {
        var n = 0
        var t = from
        while t < to { if doc.tokens[t].isWord { n += 1 }; t += 1 }
        return n
    }

    /// Features of word `t` as the cue of reported speech: the word, its neighbours, its word
    /// lists (speech, report, claim verb), its place in the sentence and whether a quotation
    /// stands before or after it in the sentence.
    ///
    /// Six templates of the 26 the first model had, chosen by 5-fold cross-validation on PolNeAR
    /// train: dropping the others one at a time never lowered reported-speech F1 by more than
    /// 0.005 and dropping them all raised it (0.638 -> 0.655; the rarer context features
    /// over-fitted), and each dropped template was hashed and looked up for every scored word.
    func reportCue(_ t: Int, into f: inout QuoteFeatures) {
        f.start(.reportCue)
        let token = doc.tokens[t]
        f.add(1, key(t))
        f.add(2, key(t - 1)); f.add(3, key(t + 1))
        f.add(12, UInt64(token.flags.intersection([.speechVerb, .reportVerb, .claimVerb, .shortQuoteVerb]).rawValue))
        let s = token.sentence
        let before = Int(doc.wordsBefore[t])
        let after = Int(doc.sentenceWords[s]) - before - (token.isWord ? 1 : 0)
        f.add(15, Self.bucket(before), Self.bucket(after))
        // A quotation in the sentence: the first opening mark before (1) or after (2) the word.
        let open = Int(doc.firstOpenMark[s])
        f.add(24, open < 0 ? 0 : open < t ? 1 : 2)
    }

    /// Features of the cue `a...b` for "the content follows the cue".
    func contentAfter(_ a: Int, _ b: Int, into f: inout QuoteFeatures) {
        f.start(.contentAfter)
        let sentence = doc.sentenceRange(of: a)
        let after = Self.bucket(words(b + 1, sentence.upperBound)), before = Self.bucket(words(sentence.lowerBound, a))
        f.add(1, key(a)); f.add(2, key(b))
        f.add(3, wordClass(b + 1)); f.add(4, wordClass(a - 1))
        f.add(5, after); f.add(6, before); f.add(7, after, before)
        f.add(8, key(a), wordClass(b + 1)); f.add(9, key(a), after)
        f.add(10, wordClass(b + 1), wordClass(b + 2))
        f.add(11, wordClass(a - 1), key(b))
    }
}
