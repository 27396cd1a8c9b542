import ArticleAnalysis

/// Scoring entities through the whole analysis, the path users take: a CoNLL document written
/// the way wire copy comes (one sentence a line, no blank lines), read as article bytes by
/// `AnalysisPipeline.analyze` (decoding, cleaning, structure, segmentation, language, entities),
/// and every entity mention mapped back to the document's tokens.
extension CoNLLDocument {
    /// The document as a plain-text file: each sentence on its own line, tokens joined by spaces.
    public func wireText() -> String {
        var lines: [String] = []
        for sentence in sentences { lines.append(tokens[sentence].joined(separator: " ")) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension NERScore {
    /// Scores `documents` through `pipeline.analyze`. Each sentence line is found in the analysis'
    /// `text` (in order, from where the previous one was found); tokens of a line that is not
    /// there (taken as title or furniture) keep no predicted entity, and their gold entities count
    /// as missed. Mentions are compared with the gold spans in code points of `text`.
    public static func throughAnalysis(_ documents: [CoNLLDocument], pipeline: AnalysisPipeline) -> (score: NERScore, lostTokens: Int) {
        var score = NERScore()
        var lost = 0
        for (d, doc) in documents.enumerated() {
            let wire = doc.wireText()
            guard let analysis = try? pipeline.analyze(ArticleInput(bytes: Array(wire.utf8), name: "doc\(d)")) else {
                score.add(gold: doc.entities.map { (-1, -1, $0.type) }, predicted: [])
                lost += doc.tokens.count
                continue
            }
            let text = analysis.text.scalars
            // Token spans in `text`, or nil when the token's line is not in it.
            var spans = [TextSpan?](repeating: nil, count: doc.tokens.count)
            var position = 0
            for sentence in doc.sentences {
                let line = Array(doc.tokens[sentence].joined(separator: " ").unicodeScalars)
                guard let start = find(line, in: text, from: position) else { lost += sentence.count; continue }
                var offset = start
                for t in sentence {
                    let length = doc.tokens[t].unicodeScalars.count
                    spans[t] = TextSpan(start: offset, end: offset + length)
                    offset += length + 1
                }
                position = start + line.count
            }
            var gold: [(Int, Int, String)] = []
            for (n, entity) in doc.entities.enumerated() {
                if let first = spans[entity.range.lowerBound], let last = spans[entity.range.upperBound - 1] {
                    gold.append((first.start, last.end, entity.type))
                } else {
                    gold.append((-1 - n, -1 - n, entity.type))  // never predicted: a miss
                }
            }
            var predicted: [(Int, Int, String)] = []
            for entity in analysis.entities {
                let type = NERLabel.conllTypes[NERLabel.types.firstIndex(of: entity.type)!]
                for mention in entity.mentions { predicted.append((mention.span.start, mention.span.end, type)) }
            }
            score.add(gold: gold, predicted: predicted)
        }
        return (score, lost)
    }

    /// The first occurrence of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
