/// The article-extraction benchmark's metric (its evaluate.py): per page, the 4-word shingles of
/// the predicted and the true body are compared as multisets (tp, fp, fn); precision and recall
/// are averaged over pages (a page where both are empty, or that matches exactly, counts 1; a page
/// with no true positive counts 0), F1 comes from the two averages. Accuracy is the share of
/// pages whose word lists are identical.
public struct ExtractionScore: Sendable {
    public private(set) var pages = 0
    private var precisionSum = 0.0
    private var recallSum = 0.0
    private var exact = 0

    public init() {}

    public mutating func add(predicted: String, truth: String) {
        let p = WordShingles.shingles(predicted), t = WordShingles.shingles(truth)
        var tp = 0, fp = 0, fn = 0
        for (shingle, count) in p {
            let common = min(count, t[shingle] ?? 0)
            tp += common
            fp += count - common
        }
        for (shingle, count) in t { fn += count - min(count, p[shingle] ?? 0) }
        pages += 1
        if fp == 0 && fn == 0 {
            precisionSum += 1; recallSum += 1
        } else if tp > 0 {
            precisionSum += Double(tp) / Double(tp + fp)
            recallSum += Double(tp) / Double(tp + fn)
        }
        if WordShingles.wordHashes(predicted) == WordShingles.wordHashes(truth) { exact += 1 }
    }

    public var precision: Double { pages > 0 ? precisionSum / Double(pages) : 0 }
    public var recall: Double { pages > 0 ? recallSum / Double(pages) : 0 }
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    public var accuracy: Double { pages > 0 ? Double(exact) / Double(pages) : 0 }
}
