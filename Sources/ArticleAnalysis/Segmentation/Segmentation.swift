/// A token of the cleaned text.
///
/// Tokenisation rules (see `Tokenizer`):
/// - Words keep internal hyphens ("al-Nusrah", "ten-storey", "COVID-19") and internal apostrophes
///   that are not clitics ("O'Rourke", "doesn’t", "can't": the n’t stays with its verb).
/// - The clitics ’s ’re ’ve ’ll ’d ’m (straight or typographic apostrophe) are split into their own
///   `.word` token flagged `.clitic`, so the stem is a clean word: "al-Qaeda’s" is "al-Qaeda" + "’s".
/// - Numbers keep internal , . : between digits ("1,000", "3.5", "19:45"); "116th" and "1960s"
///   are numbers; "6am", "3D" are words.
/// - Abbreviations keep their period: "U.S.", "e.g.", "Mr.", "Jan.", initials "J." (`.abbreviation`).
/// - URLs and e-mail addresses are one `.word` token flagged `.url` / `.email`; so are domain
///   names written in prose ("Znak.com").
/// - Every other scalar is its own token: `.punctuation` for Unicode punctuation (quotes “ ” ’ ",
///   brackets, dashes, . , ; : ! ?), `.symbol` for the rest ($ % + © …). "..." is one token.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case word, number, punctuation, symbol }

    /// Facts about a token's form that later stages would otherwise re-derive from the text.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// Ends with a period that belongs to it: "Mr.", "U.S.", "J.", "etc.".
        public static let abbreviation = Flags(rawValue: 1 << 0)
        /// A clitic split from the word before it: ’s ’re ’ve ’ll ’d ’m. Not counted as a word.
        public static let clitic = Flags(rawValue: 1 << 1)
        /// Contains an internal hyphen: "al-Nusrah".
        public static let hyphenated = Flags(rawValue: 1 << 2)
        /// Starts with an upper-case letter.
        public static let capitalized = Flags(rawValue: 1 << 3)
        /// A URL ("https://…", "www.…") or a domain name ("Znak.com").
        public static let url = Flags(rawValue: 1 << 4)
        /// An e-mail address.
        public static let email = Flags(rawValue: 1 << 5)
        /// Every letter is upper case and there are at least two: "FSB", "NASA", "U.S.".
        public static let allCaps = Flags(rawValue: 1 << 6)
    }

    /// The span's offsets in 32 bits: an article has a token for every few scalars, held from
    /// segmentation to the output, so a token is 12 bytes instead of 24.
    private var start: Int32
    private var end: Int32
    public var kind: Kind
    public var flags: Flags

    public var span: TextSpan {
        get { TextSpan(start: Int(start), end: Int(end)) }
        set { start = Int32(truncatingIfNeeded: newValue.start); end = Int32(truncatingIfNeeded: newValue.end) }
    }

    /// Offsets fit in 32 bits: `ScalarText` holds fewer than 2^31 scalars.
    public init(span: TextSpan, kind: Kind, flags: Flags = []) {
        start = Int32(truncatingIfNeeded: span.start); end = Int32(truncatingIfNeeded: span.end); self.kind = kind; self.flags = flags
    }
}

/// A sentence: its span, its tokens (indices into `Segmentation.tokens`) and its paragraph.
public struct Sentence: Sendable, Equatable {
    public var span: TextSpan
    public var tokens: Range<Int>
    public var paragraph: Int
    public init(span: TextSpan, tokens: Range<Int>, paragraph: Int) {
        self.span = span; self.tokens = tokens; self.paragraph = paragraph
    }
}

/// Paragraphs, sentences and tokens of the cleaned text, all as code-point spans.
///
/// Invariants: paragraphs, sentences and tokens are in text order and do not overlap; every token
/// belongs to exactly one sentence; a sentence never crosses a paragraph; no span is empty and no
/// span starts or ends with white space.
public struct Segmentation: Sendable {
    public var paragraphs: [TextSpan]
    public var sentences: [Sentence]
    /// The tokens; empty once `releaseTokens()` has let them go (the counts stay).
    public var tokens: [Token]
    /// `wordCount` as it was when `releaseTokens()` let the tokens go.
    private var releasedWordCount: Int?

    public init(paragraphs: [TextSpan], sentences: [Sentence], tokens: [Token]) {
        self.paragraphs = paragraphs; self.sentences = sentences; self.tokens = tokens
    }

    /// Tokens that are words or numbers, clitics (’s, ’re …) not counted.
    public var wordCount: Int {
        releasedWordCount ?? tokens.reduce(0) { $0 + (($1.kind == .word || $1.kind == .number) && !$1.flags.contains(.clitic) ? 1 : 0) }
    }

    /// Lets the tokens go, keeping `wordCount`: no stage after segmentation reads them (they
    /// only give the word count of the output), and a long text would hold them through every
    /// stage (`AnalysisPipeline.keptParagraphWordsLimit`). `Sentence.tokens` then indexes tokens
    /// no longer held.
    public mutating func releaseTokens() {
        releasedWordCount = wordCount
        tokens = []
    }

    /// Sentences of paragraph `index`.
    public func sentences(inParagraph index: Int) -> ArraySlice<Sentence> {
        var lower = 0, upper = sentences.count
        while lower < upper { let mid = (lower + upper) / 2; if sentences[mid].paragraph < index { lower = mid + 1 } else { upper = mid } }
        var end = lower
        while end < sentences.count, sentences[end].paragraph == index { end += 1 }
        return sentences[lower..<end]
    }

    /// Index of the sentence holding token `token`.
    public func sentenceIndex(ofToken token: Int) -> Int? {
        var lower = 0, upper = sentences.count
        while lower < upper {
            let mid = (lower + upper) / 2
            if sentences[mid].tokens.upperBound <= token { lower = mid + 1 } else { upper = mid }
        }
        return lower < sentences.count && sentences[lower].tokens.contains(token) ? lower : nil
    }
}

/// Splits cleaned text into paragraphs, sentences and tokens.
///
/// Paragraphs are separated by a blank line (two or more line breaks); a single line break is
/// white space. Tokens follow `Token`'s rules; sentences follow `SentenceSplitter`'s.
public struct Segmenter: Sendable {
    public init() {}

    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    public func segment(_ text: ScalarText) -> Segmentation {
        text.scalars.withUnsafeBufferPointer { segment(scalars: $0) }
    }

    private func segment(scalars s: UnsafeBufferPointer<Unicode.Scalar>) -> Segmentation {
        var paragraphs: [TextSpan] = []
        var sentences: [Sentence] = []
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5 + 16)
        var tokenizer = Tokenizer(scalars: s)
        let splitter = SentenceSplitter(scalars: s)

        for paragraph in Self.paragraphSpans(s) {
            let firstToken = tokens.count
            tokenizer.tokenize(paragraph, into: &tokens)
            guard tokens.count > firstToken else { continue }
            let index = paragraphs.count
            paragraphs.append(paragraph)
            splitter.split(tokens, firstToken..<tokens.count, paragraph: index, into: &sentences)
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences, tokens: tokens)
    }

    /// Spans of text between blank lines, trimmed of white space.
    static func paragraphSpans(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> [TextSpan] {
        var spans: [TextSpan] = []
        var i = 0
        let n = s.count
        while i < n {
            while i < n, ScalarClass.isWhitespace(s[i]) || ScalarClass.isInvisible(s[i]) { i += 1 }
            guard i < n else { break }
            let start = i
            var lastVisible = i
            var breaks = 0
            while i < n {
                let c = s[i]
                if c.value &- 0x21 < 0x5E {
                    // Visible ASCII, the common case.
                    breaks = 0
                    lastVisible = i
                } else if c == " " {
                    // A space does not reset the count of line breaks.
                } else if ScalarClass.isLineBreak(c) {
                    // CR LF counts once.
                    if !(c == "\n" && i > 0 && s[i - 1] == "\r") { breaks += 1 }
                    if breaks >= 2 { break }
                } else if ScalarClass.isSpace(c) || ScalarClass.isInvisible(c) {
                    // White space does not reset the count of line breaks.
                } else {
                    breaks = 0
                    lastVisible = i
                }
                i += 1
            }
            spans.append(TextSpan(start: start, end: lastVisible + 1))
        }
        return spans
    }
}
