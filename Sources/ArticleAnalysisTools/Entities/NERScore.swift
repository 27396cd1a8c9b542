import ArticleAnalysis

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
