/// An earlier article whose text this one nearly repeats: the `duplicates` field of the result.
///
/// The pipeline sees one article and leaves `Analysis.duplicates` empty; the daemon fills it from
/// the article index (an exact copy by SHA-256 has similarity 1, a near copy its MinHash estimate
/// of the Jaccard similarity of word 5-shingles) before the result is written.
public struct DuplicateArticle: Sendable, Equatable {
    /// The earlier article's input name (`source.name` of its result).
    public var name: String
    /// Estimated Jaccard similarity, 0–1, as written to the JSON (four decimals).
    public var similarity: Double

    public init(name: String, similarity: Double) {
        self.name = name
        self.similarity = similarity
    }
}

extension Analysis {
    /// Writes `"duplicates": [{name, similarity}]`, most similar first.
    func writeDuplicates(into json: inout JSONWriter) {
        json.array("duplicates") { json in
            for duplicate in duplicates {
                json.beginObject(); json.field("name", duplicate.name); json.field("similarity", duplicate.similarity, digits: 4); json.endObject()
            }
        }
    }
}
