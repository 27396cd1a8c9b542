import ArticleAnalysis

/// A document of a CoNLL-2003 style file: tokens, sentences and gold entity spans.
public struct CoNLLDocument: Sendable {
    public var tokens: [String]
    /// Token ranges of the sentences.
    public var sentences: [Range<Int>]
    /// Gold entities: token range and CoNLL type ("PER", "ORG", "LOC", "MISC").
    public var entities: [(range: Range<Int>, type: String)]
}

/// Reads CoNLL-2003 files (one `token POS chunk NER` line a token, blank lines between sentences,
/// `-DOCSTART-` lines between documents). Tags may be IOB1 (as in the original files), IOB2 or
/// BILOU; spans are read the way conlleval reads them.
public enum CoNLLCorpus {
    public static func parse(_ bytes: [UInt8]) -> [CoNLLDocument] {
        var documents: [CoNLLDocument] = []
        var tokens: [String] = [], sentences: [Range<Int>] = [], entities: [(range: Range<Int>, type: String)] = []
        var sentenceStart = 0
        var open: (start: Int, type: String)? = nil

        func closeEntity(at end: Int) {
            if let o = open { entities.append((o.start..<end, o.type)) }
            open = nil
        }
        func closeSentence() {
            closeEntity(at: tokens.count)
            if tokens.count > sentenceStart { sentences.append(sentenceStart..<tokens.count) }
            sentenceStart = tokens.count
        }
        func closeDocument() {
            closeSentence()
            if !tokens.isEmpty { documents.append(CoNLLDocument(tokens: tokens, sentences: sentences, entities: entities)) }
            tokens = []; sentences = []; entities = []; sentenceStart = 0
        }

        var lineStart = 0
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                var end = i
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: bytes[lineStart..<end], as: UTF8.self)
                lineStart = i + 1
                i += 1
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if fields.isEmpty { closeSentence(); continue }
                if fields[0] == "-DOCSTART-" { closeDocument(); continue }
                let token = String(fields[0])
                let tag = String(fields[fields.count - 1])
                let index = tokens.count
                tokens.append(token)
                if tag == "O" || tag.count < 3 { closeEntity(at: index); continue }
                let prefix = tag.first!
                let type = String(tag.dropFirst(2))
                switch prefix {
                case "B", "U", "S":
                    closeEntity(at: index); open = (index, type)
                case "I", "L", "E":
                    if open?.type != type { closeEntity(at: index); open = (index, type) }
                default:
                    closeEntity(at: index)
                }
                if prefix == "U" || prefix == "S" || prefix == "L" || prefix == "E" { closeEntity(at: index + 1) }
                continue
            }
            i += 1
        }
        closeDocument()
        return documents
    }
}

extension CoNLLDocument {
    /// The document as article text: tokens joined by spaces, each sentence its own paragraph
    /// (CoNLL sentences are often headlines and datelines without a final stop), with the
    /// code-point span of every token.
    public func articleText() -> (text: String, tokens: [TextSpan]) {
        var scalars: [Unicode.Scalar] = []
        var spans: [TextSpan] = []
        spans.reserveCapacity(tokens.count)
        for sentence in sentences {
            if !scalars.isEmpty { scalars.append("\n"); scalars.append("\n") }
            for t in sentence {
                if t != sentence.lowerBound { scalars.append(" ") }
                let start = scalars.count
                scalars.append(contentsOf: tokens[t].unicodeScalars)
                spans.append(TextSpan(start: start, end: scalars.count))
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return (String(view), spans)
    }
}
