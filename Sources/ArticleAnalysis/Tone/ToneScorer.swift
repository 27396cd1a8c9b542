/// Scores tone with VADER (Hutto & Gilbert, 2014): each sentence gets VADER's compound score,
/// paragraphs and the article get the mean of their sentences' scores (VADER's advice for text
/// longer than a sentence), and the label uses VADER's thresholds (>= 0.05 positive,
/// <= -0.05 negative). The most negative and most positive sentences are reported when their
/// score has that sign.
///
/// The sentence rules follow vaderSentiment 3.3.2: booster and dampener words up to three words
/// before a sentiment word (scaled down with distance), negation within three words ("not",
/// "never", "n't" words) multiplying by -0.74, "no" before a word, "least", the contrastive "but"
/// (words before it count half, words after it 1.5 times), ALL-CAPS emphasis in mixed-case text,
/// special-case phrases, and "!"/"?" emphasis. Words are the text's words with inner apostrophes
/// kept, so "doesn’t" is one word, as in VADER's whitespace split.
public struct ToneScorer: Sendable {
    public var lexicon: ToneLexicon

    public init(lexicon: ToneLexicon = .empty) { self.lexicon = lexicon }

    public func score(_ text: ScalarText, _ segmentation: Segmentation) -> Tone? {
        guard !segmentation.sentences.isEmpty, !lexicon.valences.isEmpty else { return nil }
        return score(text, segmentation, ReaderWords(text.scalars, segmentation))
    }

    /// As above, with the article's words already scanned (shared with keyphrases and summary).
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func score(_ text: ScalarText, _ segmentation: Segmentation, _ readerWords: ReaderWords) -> Tone? {
        let sentences = segmentation.sentences
        guard !sentences.isEmpty, !lexicon.valences.isEmpty, readerWords.spansAreSentences else { return nil }
        var scores = [Double].filled(with: 0, count: sentences.count)
        let s = text.scalars
        // The words of one sentence at a time, in a buffer with room for the longest.
        var longest = 0
        for n in sentences.indices { longest = max(longest, readerWords.range(n).count) }
        var wordBlock = ScratchBlock<SentenceWord>(capacity: longest + 1)
        let buffer = wordBlock.table(longest + 1).baseAddress!
        defer { withExtendedLifetime(wordBlock) {} }
        readerWords.words.withUnsafeBufferPointer { all in
            // The lexicon entry of every word, looked up for the whole article at once.
            var entryBlock = ScratchBlock<Int32>(capacity: all.count)
            let entryNumbers = entryBlock.table(all.count)
            defer { withExtendedLifetime(entryBlock) {} }
            lexicon.words.entryNumbers(count: all.count, into: entryNumbers) { all[$0].hash }
            let entries = lexicon.words.entries
            for n in sentences.indices {
                // A sentence without a word that has a valence scores 0 (VADER sums no
                // sentiment): its words are not gathered.
                let range = readerWords.range(n)
                var hasValence = false
                for k in range where entryNumbers[k] != 0 && all[k].token.kind != .punctuation {
                    if entries[Int(entryNumbers[k])].valence != nil { hasValence = true; break }
                }
                guard hasValence else { continue }
                var marks = SentenceMarks()
                var count = 0
                for k in range {
                    let t = all[k].token
                    if t.kind == .punctuation {
                        marks.countPunctuation(s[t.start])
                        continue
                    }
                    // Most words are in no table: their entry is not read.
                    let number = Int(entryNumbers[k])
                    let word = SentenceWord(start: t.start, end: t.end, hash: all[k].hash, isUpper: all[k].isAllCapsToken,
                                            entry: number == 0 ? ToneWordTable.Entry() : entries[number])
                    marks.note(word, at: count)
                    (buffer + count).initialize(to: word)
                    count += 1
                }
                scores[n] = compound(s, UnsafeBufferPointer(start: buffer, count: count), marks)
            }
        }
        var sums = [Double].filled(with: 0, count: segmentation.paragraphs.count)
        var counts = [Int].filled(with: 0, count: segmentation.paragraphs.count)
        for (n, sentence) in sentences.enumerated() where sentence.paragraph < sums.count {
            sums[sentence.paragraph] += scores[n]
            counts[sentence.paragraph] += 1
        }
        let paragraphs = zip(sums, counts).map { $1 == 0 ? 0 : $0 / Double($1) }
        let overall = scores.reduce(0, +) / Double(scores.count)
        let label = overall >= 0.05 ? "positive" : (overall <= -0.05 ? "negative" : "neutral")
        var lowest = 0, highest = 0
        for n in scores.indices {
            if scores[n] < scores[lowest] { lowest = n }
            if scores[n] > scores[highest] { highest = n }
        }
        func sentence(_ n: Int) -> ToneSentence { ToneSentence(span: sentences[n].span, text: text[sentences[n].span], score: scores[n]) }
        return Tone(overall: overall, label: label, paragraphs: paragraphs,
                    mostNegative: scores[lowest] < 0 ? sentence(lowest) : nil,
                    mostPositive: scores[highest] > 0 ? sentence(highest) : nil)
    }

    /// A word of a sentence: where it is, its `WordHash`, whether it is written in capitals, and
    /// what the lexicon says of it (looked up once).
    struct SentenceWord {
        var start: Int
        var end: Int
        var hash: UInt64
        var isUpper: Bool
        var entry: ToneWordTable.Entry
        var valence: Double? { entry.valence }
        var booster: Double? { entry.booster }
    }

    /// What VADER's sentence rules need beyond the words, noted while the words are gathered:
    /// the "!" and "?" marks, how many words are in capitals, and where the first "but" is.
    struct SentenceMarks {
        var exclamations = 0
        var questions = 0
        var upper = 0
        var but = -1

        @inline(__always)
        mutating func countPunctuation(_ c: Unicode.Scalar) {
            if c == "!" { exclamations += 1 } else if c == "?" { questions += 1 }
        }

        /// Notes word number `i` of the sentence.
        @inline(__always)
        mutating func note(_ word: SentenceWord, at i: Int) {
            if word.isUpper { upper += 1 }
            if but < 0 && word.hash == Word.but { but = i }
        }
    }

    static let boosterIncrement = 0.293
    static let capsIncrement = 0.733
    static let negationScalar = -0.74

    /// `WordHash` of the rule words, as constants (a computed `static let` costs a check on every
    /// use; ToneScorerTests checks these against `WordHash.of`).
    enum Word {
        static let no: UInt64 = 0x08b3_5907_b558_9afa, but: UInt64 = 0x0061_1e19_135a_72cc
        static let kind: UInt64 = 0xef9c_96d7_2167_3243, of: UInt64 = 0x08b0_6007_b556_7108
        static let least: UInt64 = 0x549a_160a_4938_aa56, at: UInt64 = 0x089c_4e07_b545_a968
        static let very: UInt64 = 0x673e_d601_0277_6801, never: UInt64 = 0xcbd8_031e_3d02_6dc9
        static let so: UInt64 = 0x08d9_3907_b579_33d7, this: UInt64 = 0x2587_bcef_3249_3841
        static let without: UInt64 = 0x5437_c29a_5289_d0a3, doubt: UInt64 = 0x8433_18ab_06fd_d075
        static let or: UInt64 = 0x08b0_5407_b556_5ca4, nor: UInt64 = 0x215a_d019_258e_9518
    }

    /// VADER's compound score of the sentence at `span`, from -1 to 1.
    func compound(_ s: [Unicode.Scalar], _ span: TextSpan, _ tokens: inout [ReaderToken], _ words: inout [SentenceWord]) -> Double {
        tokens.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        WordScanner.scan(s, span.start..<span.end, into: &tokens)
        var marks = SentenceMarks()
        for t in tokens {
            if t.kind == .punctuation {
                marks.countPunctuation(s[t.start])
                continue
            }
            let word = sentenceWord(t, hash: WordHash.of(s, t.start, t.end), isUpper: WordScanner.isAllCaps(s, t.start, t.end))
            marks.note(word, at: words.count)
            words.append(word)
        }
        return words.withUnsafeBufferPointer { compound(s, $0, marks) }
    }

    /// A word or number token as tone reads it; `hash` is its `WordHash`, `isUpper` whether it is
    /// written in capitals (`WordScanner.isAllCaps` of the token).
    @inline(__always)
    func sentenceWord(_ t: ReaderToken, hash: UInt64, isUpper: Bool) -> SentenceWord {
        SentenceWord(start: t.start, end: t.end, hash: hash, isUpper: isUpper, entry: lexicon.words[hash])
    }

    /// True when the word holds "n't" ("doesn't", "doesn’t"): a negation even when not in the
    /// list. Asked only of the few words before a sentiment word.
    static func hasNegatedContraction(_ s: [Unicode.Scalar], _ word: SentenceWord) -> Bool {
        guard word.end - word.start >= 3 else { return false }
        for k in (word.start + 1)..<(word.end - 1) where (s[k] == "'" || s[k] == "\u{2019}") && s[k - 1] == "n" && s[k + 1] == "t" {
            return true
        }
        return false
    }

    /// VADER's compound score of a sentence's words, with its marks.
    ///
    /// Only words in the lexicon have a valence, so only they are visited; the sum adds their
    /// sentiments in word order as VADER's sum over all words does (the others add zeros, which
    /// leave a sum starting at +0 unchanged).
    func compound(_ s: [Unicode.Scalar], _ words: UnsafeBufferPointer<SentenceWord>, _ marks: SentenceMarks) -> Double {
        if words.isEmpty { return 0 }
        let but = marks.but, exclamations = marks.exclamations, questions = marks.questions
        let isCapDifferent = marks.upper > 0 && marks.upper < words.count
        var anyValence = false
        var sum = 0.0
        for i in words.indices where words[i].valence != nil {
            if words[i].booster != nil { continue }
            if words[i].hash == Word.kind, i + 1 < words.count, words[i + 1].hash == Word.of { continue }
            var sentiment = valence(s, i, words, isCapDifferent)
            if sentiment != 0 { anyValence = true }
            // The contrastive "but": words before it count half, words after it 1.5 times.
            if but >= 0 && i != but { sentiment *= i < but ? 0.5 : 1.5 }
            sum += sentiment
        }
        guard anyValence else { return 0 }
        let emphasis = Double(min(exclamations, 4)) * 0.292 + (questions > 1 ? (questions <= 3 ? Double(questions) * 0.18 : 0.96) : 0)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        let normalized = sum / (sum * sum + 15).squareRoot()
        return min(1, max(-1, normalized))
    }

    func isInLexicon(_ word: SentenceWord) -> Bool { word.valence != nil }

    /// The valence of word `i` after VADER's rules for the words before it.
    func valence(_ s: [Unicode.Scalar], _ i: Int, _ words: UnsafeBufferPointer<SentenceWord>, _ isCapDifferent: Bool) -> Double {
        let hash = words[i].hash
        guard let base = words[i].valence else { return 0 }
        var valence = base
        if hash == Word.no, i + 1 < words.count, isInLexicon(words[i + 1]) { valence = 0 }
        if (i > 0 && words[i - 1].hash == Word.no) || (i > 1 && words[i - 2].hash == Word.no)
            || (i > 2 && words[i - 3].hash == Word.no && (words[i - 1].hash == Word.or || words[i - 1].hash == Word.nor)) {
            valence = base * ToneScorer.negationScalar
        }
        if words[i].isUpper && isCapDifferent { valence += valence > 0 ? ToneScorer.capsIncrement : -ToneScorer.capsIncrement }
        for distance in 0..<3 where i > distance {
            let before = words[i - distance - 1]
            if isInLexicon(before) { continue }
            var scalar = boost(before, valence, isCapDifferent)
            if distance == 1 { scalar *= 0.95 } else if distance == 2 { scalar *= 0.9 }
            valence += scalar
            valence = negationCheck(s, valence, words, distance, i)
            if distance == 2 { valence = specialCaseCheck(s, valence, words, i) }
        }
        // "least" negates, except in "at least" and "very least".
        if i > 1, !isInLexicon(words[i - 1]), words[i - 1].hash == Word.least {
            if words[i - 2].hash != Word.at && words[i - 2].hash != Word.very { valence *= ToneScorer.negationScalar }
        } else if i > 0, !isInLexicon(words[i - 1]), words[i - 1].hash == Word.least {
            valence *= ToneScorer.negationScalar
        }
        return valence
    }

    func boost(_ word: SentenceWord, _ valence: Double, _ isCapDifferent: Bool) -> Double {
        guard var scalar = word.booster else { return 0 }
        if valence < 0 { scalar = -scalar }
        if word.isUpper && isCapDifferent { scalar += valence > 0 ? ToneScorer.capsIncrement : -ToneScorer.capsIncrement }
        return scalar
    }

    func isNegation(_ s: [Unicode.Scalar], _ word: SentenceWord) -> Bool {
        word.entry.isNegation || ToneScorer.hasNegatedContraction(s, word)
    }

    func negationCheck(_ s: [Unicode.Scalar], _ valence: Double, _ words: UnsafeBufferPointer<SentenceWord>, _ distance: Int, _ i: Int) -> Double {
        let w1 = words[i - 1].hash
        switch distance {
        case 0:
            return isNegation(s, words[i - 1]) ? valence * ToneScorer.negationScalar : valence
        case 1:
            let w2 = words[i - 2].hash
            if w2 == Word.never && (w1 == Word.so || w1 == Word.this) { return valence * 1.25 }
            if w2 == Word.without && w1 == Word.doubt { return valence }
            return isNegation(s, words[i - 2]) ? valence * ToneScorer.negationScalar : valence
        default:
            let w2 = words[i - 2].hash, w3 = words[i - 3].hash
            if (w3 == Word.never && (w2 == Word.so || w2 == Word.this)) || w1 == Word.so || w1 == Word.this { return valence * 1.25 }
            if w3 == Word.without && (w2 == Word.doubt || w1 == Word.doubt) { return valence }
            return isNegation(s, words[i - 3]) ? valence * ToneScorer.negationScalar : valence
        }
    }

    /// The hash of the words `from...to` joined by spaces.
    func phrase(_ s: [Unicode.Scalar], _ words: UnsafeBufferPointer<SentenceWord>, _ from: Int, _ to: Int) -> UInt64 {
        var h = words[from].hash
        for k in (from + 1)...to { h = WordHash.extend(h, s, words[k].start, words[k].end) }
        return h
    }

    /// Special-case phrases around word `i` replace its valence; two- and three-word boosters
    /// before it ("kind of", "sort of") add theirs.
    ///
    /// A phrase is only hashed when each of its words occurs in some multi-word entry
    /// (`ToneWordTable.Entry.isPhraseWord`); any other phrase cannot be in the tables.
    func specialCaseCheck(_ s: [Unicode.Scalar], _ valence: Double, _ words: UnsafeBufferPointer<SentenceWord>, _ i: Int) -> Double {
        var valence = valence
        let special = lexicon.specialCaseByHash
        // Which of words i-3 ... i+2 can be part of a phrase (i >= 3 here).
        let w3 = words[i - 3].entry.isPhraseWord, w2 = words[i - 2].entry.isPhraseWord
        let w1 = words[i - 1].entry.isPhraseWord, w0 = words[i].entry.isPhraseWord
        let a1 = i + 1 < words.count && words[i + 1].entry.isPhraseWord
        let a2 = a1 && i + 2 < words.count && words[i + 2].entry.isPhraseWord
        func lookup(_ table: HashedValues, _ from: Int, _ to: Int) -> Double? { table[phrase(s, words, from, to)] }
        if w1 && w0, let v = lookup(special, i - 1, i) { valence = v }
        else if w2 && w1 && w0, let v = lookup(special, i - 2, i) { valence = v }
        else if w2 && w1, let v = lookup(special, i - 2, i - 1) { valence = v }
        else if w3 && w2 && w1, let v = lookup(special, i - 3, i - 1) { valence = v }
        else if w3 && w2, let v = lookup(special, i - 3, i - 2) { valence = v }
        if w0 && a1, let v = lookup(special, i, i + 1) { valence = v }
        if w0 && a1 && a2, let v = lookup(special, i, i + 2) { valence = v }
        if w3 && w2 && w1, let v = lookup(lexicon.boosterByHash, i - 3, i - 1) { valence += v }
        if w3 && w2, let v = lookup(lexicon.boosterByHash, i - 3, i - 2) { valence += v }
        if w2 && w1, let v = lookup(lexicon.boosterByHash, i - 2, i - 1) { valence += v }
        return valence
    }
}
