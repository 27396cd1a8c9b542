/// A token of the cleaned text.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case word, number, punctuation, symbol }
    public var span: TextSpan
    public var kind: Kind
    public init(span: TextSpan, kind: Kind) { self.span = span; self.kind = kind }
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
public struct Segmentation: Sendable {
    public var paragraphs: [TextSpan]
    public var sentences: [Sentence]
    public var tokens: [Token]
    public init(paragraphs: [TextSpan], sentences: [Sentence], tokens: [Token]) {
        self.paragraphs = paragraphs; self.sentences = sentences; self.tokens = tokens
    }

    /// Tokens that are words or numbers.
    public var wordCount: Int { tokens.reduce(0) { $0 + ($1.kind == .word || $1.kind == .number ? 1 : 0) } }
}

/// Splits cleaned text into paragraphs, sentences and tokens. (Placeholder; the segmentation stage refines it.)
public struct Segmenter: Sendable {
    public init() {}

    public func segment(_ text: ScalarText) -> Segmentation {
        let s = text.scalars
        var paragraphs: [TextSpan] = [], sentences: [Sentence] = [], tokens: [Token] = []
        var i = 0
        var paragraphStart = 0
        func closeParagraph(_ end: Int) {
            guard end > paragraphStart else { return }
            let index = paragraphs.count
            paragraphs.append(TextSpan(start: paragraphStart, end: end))
            var sentenceStart = tokens.count
            for t in sentenceStart..<tokens.count where tokens[t].kind == .punctuation {
                let c = s[tokens[t].span.start]
                if c == "." || c == "!" || c == "?" {
                    sentences.append(Sentence(span: TextSpan(start: tokens[sentenceStart].span.start, end: tokens[t].span.end), tokens: sentenceStart..<(t + 1), paragraph: index))
                    sentenceStart = t + 1
                }
            }
            _ = sentenceStart
        }
        var firstTokenOfParagraph = 0
        while i < s.count {
            let c = s[i]
            if c == "\n" && i + 1 < s.count && s[i + 1] == "\n" {
                closeParagraph(i)
                let tokenCount = tokens.count
                _ = tokenCount
                i += 2
                paragraphStart = i
                firstTokenOfParagraph = tokens.count
                continue
            }
            if c.properties.isWhitespace { i += 1; continue }
            let start = i
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                while i < s.count, s[i].properties.isAlphabetic || s[i].properties.numericType != nil { i += 1 }
                tokens.append(Token(span: TextSpan(start: start, end: i), kind: c.properties.isAlphabetic ? .word : .number))
            } else {
                i += 1
                tokens.append(Token(span: TextSpan(start: start, end: i), kind: .punctuation))
            }
        }
        _ = firstTokenOfParagraph
        closeParagraph(s.count)
        return Segmentation(paragraphs: paragraphs, sentences: sentences, tokens: tokens)
    }
}
