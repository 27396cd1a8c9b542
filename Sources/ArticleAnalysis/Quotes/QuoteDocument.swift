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
    /// FNV-1a key of the lower-cased word (see `LexiconTable`, `QuoteDocument.lower`) and the
    /// word lists it is on. The lower-cased `String` itself is only built where a rule needs it.
    var key: UInt64 = 0
    var flags: LexiconFlags = []
    /// The scalar value of a punctuation token (0 for words): cheaper to compare than `lower`.
    var mark: UInt32 = 0
    var isWord: Bool
    /// Starts with a capital letter, or is a name with a particle prefix ("al-Julani").
    var isCapitalized: Bool
    /// First word of a sentence or of a quotation: capitalised for grammar, not for being a name.
    var isInitial = false

    init(start: Int, end: Int, isWord: Bool, isCapitalized: Bool, paragraph: Int) {
        _start = Int32(truncatingIfNeeded: start); _end = Int32(truncatingIfNeeded: end)
        _paragraph = Int32(truncatingIfNeeded: paragraph)
        self.isWord = isWord; self.isCapitalized = isCapitalized
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

    init(text: ScalarText, paragraphs: [TextSpan]) {
        self.text = text
        self.paragraphs = paragraphs
        let passages = QuotedPassage.scan(text, paragraphs: paragraphs)
        self.passages = passages
        var tokens = Self.tokenize(text, paragraphs)
        (openToken, closeToken) = Self.markPassages(&tokens, passages)
        sentences = Self.splitSentences(&tokens, text)
        self.tokens = tokens
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

    private static func tokenize(_ text: ScalarText, _ paragraphs: [TextSpan]) -> [QuoteToken] {
        let s = text.scalars
        let table = LexiconTable.shared
        var tokens: [QuoteToken] = []
        tokens.reserveCapacity(s.count / 5)
        for (p, paragraph) in paragraphs.enumerated() {
            var i = paragraph.start
            while i < paragraph.end {
                let c = s[i]
                if QuoteScalars.isSpace(c) { i += 1; continue }
                let start = i
                if QuoteScalars.isWordScalar(c) {
                    i += 1
                    while i < paragraph.end {
                        if QuoteScalars.isWordScalar(s[i]) { i += 1; continue }
                        if QuoteScalars.isWordJoiner(s[i]) && i + 1 < paragraph.end && QuoteScalars.isWordScalar(s[i + 1]) {
                            i += 2; continue
                        }
                        break
                    }
                    var token = QuoteToken(start: start, end: i, isWord: true,
                                           isCapitalized: Self.isCapitalized(s[start..<i]), paragraph: p)
                    token.key = LexiconTable.loweredKey(s[start..<i])
                    token.flags = table.flags(token.key)
                    tokens.append(token)
                } else {
                    i += 1
                    var token = QuoteToken(start: start, end: i, isWord: false,
                                           isCapitalized: false, paragraph: p)
                    token.mark = c.value
                    tokens.append(token)
                }
            }
        }
        return tokens
    }

    private static func isCapitalized(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first else { return false }
        if ScalarClass.isUppercase(first) { return true }
        // "al-Julani", "bin-Laden": a short lower-case particle, a hyphen, then a capital.
        var i = word.startIndex, letters = 0
        while i < word.endIndex && ScalarClass.isLowercase(word[i]) { i += 1; letters += 1 }
        return letters <= 3 && i + 1 < word.endIndex && (word[i] == "-" || word[i] == "\u{2010}")
            && ScalarClass.isUppercase(word[i + 1])
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
        var start = 0
        var sentence = 0
        func close(_ end: Int) {
            guard end > start else { return }
            for t in start..<end { tokens[t].sentence = sentence }
            sentences.append(start..<end)
            sentence += 1
            start = end
        }
        for t in tokens.indices {
            if t > start && tokens[t].paragraph != tokens[t - 1].paragraph
                && !(tokens[t].passage >= 0 && tokens[t].passage == tokens[t - 1].passage) {
                close(t)
            }
            guard t + 1 < tokens.count, tokens[t + 1].paragraph == tokens[t].paragraph else { continue }
            let token = tokens[t]
            var ends = false
            if token.passage < 0 && token.opensPassage < 0 && (token.mark == 0x2E || token.mark == 0x21 || token.mark == 0x3F) {
                ends = t == 0 || !isAbbreviation(tokens[t - 1])
            } else if token.closesPassage >= 0 && t > 0 {
                let before = tokens[t - 1].mark
                ends = before == 0x2E || before == 0x21 || before == 0x3F
            }
            if ends {
                let next = tokens[t + 1]
                if next.isCapitalized || next.opensPassage >= 0 || (next.isWord && QuoteScalars.isWordScalar(text.scalars[next.start]) && !ScalarClass.isLowercase(text.scalars[next.start]) && !ScalarClass.isUppercase(text.scalars[next.start])) {
                    close(t + 1)
                }
            }
        }
        close(tokens.count)
        // Initial words: first of a sentence, or first after an opening mark, colon or dash.
        for range in sentences {
            guard let first = range.first else { continue }
            tokens[first].isInitial = true
        }
        for t in tokens.indices where t > 0 && tokens[t].isWord {
            let before = tokens[t - 1]
            let m = before.mark
            if before.opensPassage >= 0 || m == 0x3A || m == 0x28 || m == 0x2014 || m == 0x5B
                || (before.passage >= 0 && (m == 0x2E || m == 0x3F || m == 0x21)) {
                tokens[t].isInitial = true
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

    /// The lower-cased text of token `t` (see `QuoteScalars.lowered`); the mark itself for
    /// punctuation. Built on demand: most tokens never need it.
    func lower(_ t: Int) -> String {
        let token = tokens[t]
        if !token.isWord { return String(text.scalars[token.start]) }
        return QuoteScalars.lowered(text.scalars[token.start..<token.end])
    }

    func word(_ t: Int) -> String? { t >= 0 && t < tokens.count && tokens[t].isWord ? lower(t) : nil }

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

    func string(_ first: Int, through last: Int) -> String {
        text.scalars.string(tokens[first].start..<tokens[last].end)
    }
}
