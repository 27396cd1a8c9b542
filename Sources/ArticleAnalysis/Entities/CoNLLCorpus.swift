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

/// Exact-span precision, recall and F1 per type, as conlleval computes them.
public struct NERScore: Sendable {
    public struct Counts: Sendable { public var gold = 0, predicted = 0, correct = 0 }
    public private(set) var byType: [String: Counts] = [:]

    public init() {}

    /// Adds one document: gold and predicted spans as `(start, end, type)` in any unit (tokens or code points).
    public mutating func add(gold: [(Int, Int, String)], predicted: [(Int, Int, String)]) {
        var goldSet: Set<String> = []
        for g in gold { byType[g.2, default: Counts()].gold += 1; goldSet.insert("\(g.0):\(g.1):\(g.2)") }
        for p in predicted {
            byType[p.2, default: Counts()].predicted += 1
            if goldSet.contains("\(p.0):\(p.1):\(p.2)") { byType[p.2, default: Counts()].correct += 1 }
        }
    }

    /// Adds the counts of `other` (pooling folds of a cross-validation).
    public mutating func merge(_ other: NERScore) {
        for (type, c) in other.byType {
            byType[type, default: Counts()].gold += c.gold
            byType[type, default: Counts()].predicted += c.predicted
            byType[type, default: Counts()].correct += c.correct
        }
    }

    /// Precision, recall and F1 over the given types pooled together (micro average).
    public func prf(_ types: [String]) -> (precision: Double, recall: Double, f1: Double) {
        var c = Counts()
        for t in types { if let x = byType[t] { c.gold += x.gold; c.predicted += x.predicted; c.correct += x.correct } }
        let p = c.predicted == 0 ? 0 : Double(c.correct) / Double(c.predicted)
        let r = c.gold == 0 ? 0 : Double(c.correct) / Double(c.gold)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    /// A conlleval-like table: one line per type, the four-type total, and the PER/ORG/LOC micro F1.
    public var report: String {
        func pct(_ x: Double) -> String {
            let v = Int((x * 10000).rounded())
            let frac = v % 100
            return "\(v / 100).\(frac < 10 ? "0" : "")\(frac)"
        }
        func line(_ name: String, _ types: [String]) -> String {
            let s = prf(types)
            var c = Counts()
            for t in types { if let x = byType[t] { c.gold += x.gold; c.predicted += x.predicted; c.correct += x.correct } }
            let padded = name + String(repeating: " ", count: max(0, 14 - name.count))
            return "\(padded) P \(pct(s.precision))  R \(pct(s.recall))  F1 \(pct(s.f1))  (gold \(c.gold), predicted \(c.predicted), correct \(c.correct))"
        }
        var lines: [String] = []
        for t in ["PER", "ORG", "LOC", "MISC"] { lines.append(line(t, [t])) }
        lines.append(line("all four", ["PER", "ORG", "LOC", "MISC"]))
        lines.append(line("PER/ORG/LOC", ["PER", "ORG", "LOC"]))
        return lines.joined(separator: "\n")
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

extension NERScore {
    /// Scores documents end to end: each becomes article text, goes through `segmenter` and
    /// `recognizer` as in the analysis pipeline, and every mention of every entity (with its
    /// entity's type) is compared with the gold spans in code points.
    public static func endToEnd(_ documents: [CoNLLDocument], segmenter: Segmenter, recognizer: EntityRecognizer) -> NERScore {
        var score = NERScore()
        for doc in documents {
            let (string, spans) = doc.articleText()
            let text = ScalarText(string)
            let entities = recognizer.recognize(text, segmenter.segment(text))
            let gold = doc.entities.map { (spans[$0.range.lowerBound].start, spans[$0.range.upperBound - 1].end, $0.type) }
            var predicted: [(Int, Int, String)] = []
            for entity in entities {
                let type = NERLabel.conllTypes[NERLabel.types.firstIndex(of: entity.type)!]
                for mention in entity.mentions { predicted.append((mention.span.start, mention.span.end, type)) }
            }
            score.add(gold: gold, predicted: predicted)
        }
        return score
    }
}
