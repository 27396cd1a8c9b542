/// A word or punctuation mark as the quote stage sees it.
///
/// Positions are stored as 32-bit integers (an article is far below 2^31 code points) to keep the
/// token small: the token array is the stage's largest allocation.
struct QuoteToken {
    private var _start: Int32, _end: Int32, _paragraph: Int32
    private var _sentence: Int32 = 0
    private var _passage: Int32 = -1, _opensPassage: Int32 = -1, _closesPassage: Int32 = -1

    var start: Int { Int(_start) }
    var end: Int { Int(_end) }
    var paragraph: Int { Int(_paragraph) }
    var sentence: Int { get { Int(_sentence) } set { _sentence = Int32(truncatingIfNeeded: newValue) } }
    /// Index of the quoted passage this token is inside, or -1.
    var passage: Int { get { Int(_passage) } set { _passage = Int32(truncatingIfNeeded: newValue) } }
    /// Index of the passage this token opens or closes, or -1.
    var opensPassage: Int { get { Int(_opensPassage) } set { _opensPassage = Int32(truncatingIfNeeded: newValue) } }
    var closesPassage: Int { get { Int(_closesPassage) } set { _closesPassage = Int32(truncatingIfNeeded: newValue) } }
    /// FNV-1a key of the lower-cased word (see `LexiconTable.key`) and the word lists it
    /// is on: rules compare keys and flags, never lower-cased strings.
    /// A punctuation token's key is that of its scalar as written (not folded).
    var key: UInt64
    var flags: LexiconFlags
    /// The scalar value of a punctuation token (0 for words): cheaper to compare than the text.
    var mark: UInt32
    var isWord: Bool
    /// Starts with a capital letter, or is a name with a particle prefix ("al-Julani").
    var isCapitalized: Bool
    /// First word of a sentence or of a quotation: capitalised for grammar, not for being a name.
    var isInitial = false

    @inline(__always)
    init(start: Int, end: Int, isWord: Bool, isCapitalized: Bool, paragraph: Int,
         key: UInt64, flags: LexiconFlags, mark: UInt32) {
        _start = Int32(truncatingIfNeeded: start); _end = Int32(truncatingIfNeeded: end)
        _paragraph = Int32(truncatingIfNeeded: paragraph)
        self.isWord = isWord; self.isCapitalized = isCapitalized
        self.key = key; self.flags = flags; self.mark = mark
    }
}

/// The article prepared for finding quotes: tokens, sentences and quoted passages.
///
/// The stage builds its own light tokens and sentence breaks instead of using `Segmentation`'s,
/// because it needs to know which words stand inside quotation marks and it treats a quotation
/// as part of the narrative sentence around it ("It is hard," she said.). Only the paragraphs come
/// from the segmentation.
///
/// A class so that the finders sharing it hold one reference instead of copying its arrays.
final class QuoteDocument {
    let text: ScalarText
    let paragraphs: [TextSpan]
    // Constants (`let`): the finders read them in loops, and a `var` of a class would cost an
    // exclusivity check per access.
    let tokens: [QuoteToken]
    let passages: [QuotedPassage]
    /// Token index ranges of the sentences, in order.
    let sentences: [Range<Int>]
    /// For each passage, the token index of its opening and closing marks (-1 when unclosed).
    let openToken: [Int]
    let closeToken: [Int]
    /// For each token, the words before it in its sentence.
    let wordsBefore: [Int32]
    /// For each sentence, its words, and the token of its first opening quotation mark (-1: none).
    let sentenceWords: [Int32]
    let firstOpenMark: [Int32]

    init(text: ScalarText, paragraphs: [TextSpan]) {
        self.text = text
        self.paragraphs = paragraphs
        var tokens = Self.tokenize(text, paragraphs)
        let passages = QuotedPassage.scan(text, paragraphs: paragraphs, tokens: tokens)
        self.passages = passages
        (openToken, closeToken) = Self.markPassages(&tokens, passages)
        sentences = Self.splitSentences(&tokens, text)
        self.tokens = tokens
        // Word positions within sentences, and each sentence's first opening mark, for the
        // model's features (one pass, so no feature walks its sentence).
        var wordsBefore = [Int32](repeating: 0, count: tokens.count)
        var sentenceWords = [Int32](repeating: 0, count: sentences.count)
        var firstOpen = [Int32](repeating: -1, count: sentences.count)
        for (s, range) in sentences.enumerated() {
            var n: Int32 = 0
            for t in range {
                wordsBefore[t] = n
                if tokens[t].isWord { n += 1 }
                if firstOpen[s] < 0 && tokens[t].opensPassage >= 0 { firstOpen[s] = Int32(t) }
            }
            sentenceWords[s] = n
        }
        self.wordsBefore = wordsBefore
        self.sentenceWords = sentenceWords
        self.firstOpenMark = firstOpen
    }

    /// The paragraphs of the segmentation, or the text split at blank lines when it has none.
    static func paragraphs(of text: ScalarText, _ segmentation: Segmentation) -> [TextSpan] {
        if !segmentation.paragraphs.isEmpty { return segmentation.paragraphs }
        let s = text.scalars
        var spans: [TextSpan] = []
        var start = 0, i = 0
        while i < s.count {
            if s[i] == "\n" && i + 1 < s.count && s[i + 1] == "\n" {
                if i > start { spans.append(TextSpan(start: start, end: i)) }
                i += 2
                while i < s.count && s[i] == "\n" { i += 1 }
                start = i
            } else {
                i += 1
            }
        }
        if s.count > start { spans.append(TextSpan(start: start, end: s.count)) }
        return spans
    }

    /// Words (runs of letters, marks and digits joined by apostrophes, hyphens or inner full
    /// stops) and single punctuation marks, paragraph by paragraph. One pass over the scalars: the
    /// lexicon key is hashed while the word is scanned, so no word is read twice.
    private static func tokenize(_ text: ScalarText, _ paragraphs: [TextSpan]) -> [QuoteToken] {
        let table = LexiconTable.shared
        // Every token has at least one scalar: the paragraphs' length bounds the count, so the
        // tokens are written straight into the array's storage, without a capacity check each.
        var bound = 0
        for paragraph in paragraphs { bound += paragraph.end - paragraph.start }
        return text.scalars.withUnsafeBufferPointer { s in
            [QuoteToken](unsafeUninitializedCapacity: bound) { out, count in
                var n = 0
                for p in paragraphs.indices {
                    let end = paragraphs[p].end
                    var i = paragraphs[p].start
                    while i < end {
                        let c = s[i]
                        let v = c.value
                        let isWord: Bool
                        if v < 0x80 {
                            if v == 0x20 || v &- 0x09 < 5 { i &+= 1; continue }
                            isWord = QuoteScalars.isASCIIWordScalar(v)
                        } else {
                            if ScalarClass.isWhitespace(c) { i &+= 1; continue }
                            isWord = ScalarClass.isLetterOrDigit(c)
                        }
                        let start = i
                        guard isWord else {
                            i &+= 1
                            (out.baseAddress! + n).initialize(to: QuoteToken(
                                start: start, end: i, isWord: false, isCapitalized: false, paragraph: p,
                                key: LexiconTable.key(CollectionOfOne(c)), flags: [], mark: v))
                            n &+= 1
                            continue
                        }
                        // s[i] is a word scalar: hash it, then go on while word scalars (or a
                        // joiner and a word scalar) follow.
                        var hash = FNV1a.offsetBasis
                        var w = v
                        while true {
                            // ASCII letters, digits and joiners: setting 0x20 lower-cases the
                            // letters and leaves the others as they are.
                            hash = FNV1a.step(hash, w < 0x80 ? w | 0x20 : WordHash.fold(s[i]))
                            i &+= 1
                            // The common case: a run of ASCII letters and digits.
                            while i != end {
                                w = s[i].value
                                guard w < 0x80, (w &- 0x30) < 10 || ((w | 0x20) &- 0x61) < 26 else { break }
                                hash = FNV1a.step(hash, w | 0x20)
                                i &+= 1
                            }
                            if i == end { break }
                            if w >= 0x80 && ScalarClass.isLetterOrDigit(s[i]) { continue }
                            if QuoteScalars.isWordJoiner(s[i]) && i &+ 1 < end && ScalarClass.isLetterOrDigit(s[i &+ 1]) {
                                hash = FNV1a.step(hash, w == 0x2019 ? 0x27 : w)
                                i &+= 1
                                w = s[i].value
                                continue
                            }
                            break
                        }
                        let key = hash
                        (out.baseAddress! + n).initialize(to: QuoteToken(
                            start: start, end: i, isWord: true, isCapitalized: Self.isCapitalized(s, start, i), paragraph: p,
                            key: key, flags: table.flags(key), mark: 0))
                        n &+= 1
                    }
                }
                count = n
            }
        }
    }

    /// The word `s[start..<end]` starts with a capital, or is a name with a short lower-case
    /// particle prefix: "al-Julani", "bin-Laden".
    @inline(__always)
    private static func isCapitalized(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Bool {
        let first = s[start]
        if ScalarClass.isUppercase(first) { return true }
        var i = start, letters = 0
        while i < end && ScalarClass.isLowercase(s[i]) {
            i += 1; letters += 1
            if letters > 3 { return false }
        }
        return i + 1 < end && (s[i] == "-" || s[i] == "\u{2010}") && ScalarClass.isUppercase(s[i + 1])
    }

    private static func markPassages(_ tokens: inout [QuoteToken], _ passages: [QuotedPassage]) -> ([Int], [Int]) {
        var openToken = Array(repeating: -1, count: passages.count)
        var closeToken = Array(repeating: -1, count: passages.count)
        var t = 0
        for (index, passage) in passages.enumerated() {
            while t < tokens.count && tokens[t].start < passage.openMark { t += 1 }
            if t < tokens.count && tokens[t].start == passage.openMark {
                tokens[t].opensPassage = index; openToken[index] = t; t += 1
            }
            let end = passage.closeMark ?? passage.span.end
            while t < tokens.count && tokens[t].start < end {
                if tokens[t].start > passage.openMark { tokens[t].passage = index }
                t += 1
            }
            if let close = passage.closeMark, t < tokens.count, tokens[t].start == close {
                tokens[t].closesPassage = index; closeToken[index] = t; t += 1
            }
        }
        return (openToken, closeToken)
    }

    /// Sentence breaks outside quotation marks: a full stop, question or exclamation mark (or a
    /// closing mark right after one) followed by a capital, a digit or an opening mark; and every
    /// paragraph break.
    private static func splitSentences(_ tokens: inout [QuoteToken], _ text: ScalarText) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(tokens.count / 16 + 4)
        text.scalars.withUnsafeBufferPointer { s in
            tokens.withUnsafeMutableBufferPointer { tk in
                let count = tk.count
                var start = 0
                var sentence = 0
                func close(_ end: Int) {
                    guard end > start else { return }
                    for t in start..<end { tk[t].sentence = sentence }
                    // Initial words: first of a sentence, or (below) first after an opening mark,
                    // colon or dash.
                    tk[start].isInitial = true
                    sentences.append(start..<end)
                    sentence += 1
                    start = end
                }
                for t in 0..<count {
                    if t > 0 && tk[t].isWord {
                        let m = tk[t - 1].mark
                        if tk[t - 1].opensPassage >= 0 || m == 0x3A || m == 0x28 || m == 0x2014 || m == 0x5B
                            || (tk[t - 1].passage >= 0 && (m == 0x2E || m == 0x3F || m == 0x21)) {
                            tk[t].isInitial = true
                        }
                    }
                    if t > start && tk[t].paragraph != tk[t - 1].paragraph
                        && !(tk[t].passage >= 0 && tk[t].passage == tk[t - 1].passage) {
                        close(t)
                    }
                    guard t + 1 < count, tk[t + 1].paragraph == tk[t].paragraph else { continue }
                    let mark = tk[t].mark
                    var ends = false
                    if tk[t].passage < 0 && tk[t].opensPassage < 0 && (mark == 0x2E || mark == 0x21 || mark == 0x3F) {
                        ends = t == 0 || !isAbbreviation(tk[t - 1])
                    } else if tk[t].closesPassage >= 0 && t > 0 {
                        let before = tk[t - 1].mark
                        ends = before == 0x2E || before == 0x21 || before == 0x3F
                    }
                    if ends {
                        let next = tk[t + 1]
                        if next.isCapitalized || next.opensPassage >= 0 || (next.isWord && ScalarClass.isLetterOrDigit(s[next.start]) && !ScalarClass.isLowercase(s[next.start]) && !ScalarClass.isUppercase(s[next.start])) {
                            close(t + 1)
                        }
                    }
                }
                close(count)
            }
        }
        return sentences
    }

    func isAbbreviation(_ t: Int) -> Bool { Self.isAbbreviation(tokens[t]) }

    private static func isAbbreviation(_ token: QuoteToken) -> Bool {
        guard token.isWord else { return false }
        if token.flags.contains(.abbreviation) { return true }
        // An initial: "Jessie K. Liu".
        return token.end - token.start == 1 && token.isCapitalized
    }

    // MARK: Queries

    /// The flags of token `t` when it is a word, else none (also out of range).
    @inline(__always)
    func wordFlags(_ t: Int) -> LexiconFlags { t >= 0 && t < tokens.count && tokens[t].isWord ? tokens[t].flags : [] }

    /// The lower-cased word `t` ends in the lower-case ASCII letters `suffix` ("ing").
    func endsIn(_ t: Int, _ suffix: StaticString) -> Bool {
        let token = tokens[t]
        let n = suffix.utf8CodeUnitCount
        guard token.isWord, token.end - token.start >= n else { return false }
        let p = suffix.utf8Start
        for k in 0..<n {
            var v = text.scalars[token.end - n + k].value
            if v >= 0x41 && v <= 0x5A { v += 32 }
            if v != UInt32(p[k]) { return false }
        }
        return true
    }

    /// The lower-cased word `t` starts with the lower-case ASCII text `prefix` ("co-"), as whole
    /// characters: a combining mark right after it would join the prefix's last character.
    func startsWith(_ t: Int, _ prefix: StaticString) -> Bool {
        let token = tokens[t]
        let n = prefix.utf8CodeUnitCount
        guard token.isWord, token.end - token.start >= n else { return false }
        let p = prefix.utf8Start
        for k in 0..<n {
            var v = text.scalars[token.start + k].value
            if v >= 0x41 && v <= 0x5A { v += 32 }
            if v != UInt32(p[k]) { return false }
        }
        return token.start + n == token.end || !ScalarClass.isMark(text.scalars[token.start + n])
    }

    /// The lower-cased word `t` contains ".com" (as whole characters).
    func containsDotCom(_ t: Int) -> Bool {
        let token = tokens[t]
        guard token.isWord else { return false }
        let s = text.scalars
        var i = token.start
        while i + 4 <= token.end {
            if s[i] == ".", s[i + 1] == "c" || s[i + 1] == "C", s[i + 2] == "o" || s[i + 2] == "O",
               s[i + 3] == "m" || s[i + 3] == "M", i + 4 == token.end || !ScalarClass.isMark(s[i + 4]) {
                return true
            }
            i += 1
        }
        return false
    }

    /// The key (`LexiconTable.key`) of word `t` without a final "'s" / "’s"; its own key
    /// otherwise.
    func keyWithoutApostropheS(_ t: Int) -> UInt64 {
        guard endsInApostropheS(t) else { return tokens[t].key }
        return LexiconTable.key(text.scalars[tokens[t].start..<(tokens[t].end - 2)])
    }

    /// True when token `t` is a word whose lower-cased form has the key `key` (`LexiconTable.key`).
    @inline(__always)
    func isWord(_ t: Int, _ key: UInt64) -> Bool { t >= 0 && t < tokens.count && tokens[t].isWord && tokens[t].key == key }

    /// The lower-cased word ends in "ly".
    func endsInLy(_ t: Int) -> Bool {
        let token = tokens[t]
        guard token.isWord, token.end - token.start >= 2 else { return false }
        let last = text.scalars[token.end - 1].value, before = text.scalars[token.end - 2].value
        return (last == 0x79 || last == 0x59) && (before == 0x6C || before == 0x4C)
    }

    /// The lower-cased word ends in "'s" (or "’s").
    func endsInApostropheS(_ t: Int) -> Bool {
        let token = tokens[t]
        guard token.isWord, token.end - token.start >= 2 else { return false }
        let last = text.scalars[token.end - 1].value, before = text.scalars[token.end - 2].value
        return (last == 0x73 || last == 0x53) && (before == 0x27 || before == 0x2019)
    }

    /// The first and last token of the sentence that holds token `t`.
    func sentenceRange(of t: Int) -> Range<Int> { sentences[tokens[t].sentence] }

    /// True when the token ends a sentence-level clause: . ! ? ;
    func isTerminator(_ t: Int) -> Bool {
        let token = tokens[t]
        guard token.passage < 0 && !token.isWord else { return false }
        if token.mark == 0x2E { return t == 0 || !isAbbreviation(t - 1) }
        return token.mark == 0x21 || token.mark == 0x3F || token.mark == 0x3B
    }

    /// The cue at token `t` as written: the word, or "according to" with its "to".
    func cue(_ t: Int) -> QuoteWords {
        let last = isWord(t, LexiconTable.according) && t + 1 < tokens.count && isWord(t + 1, QuoteKeys.to) ? t + 1 : t
        return words(t, through: last)
    }

    /// Tokens `first...last` as quote words (text and span).
    func words(_ first: Int, through last: Int) -> QuoteWords {
        QuoteWords(text: string(first, through: last), span: TextSpan(start: tokens[first].start, end: tokens[last].end))
    }

    func string(_ first: Int, through last: Int) -> String {
        text.scalars.string(tokens[first].start..<tokens[last].end)
    }
}
