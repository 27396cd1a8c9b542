import ArticleAnalysis
import Foundation

extension IndexedArticle {
    /// Why an outbox file could not be read as a result.
    public struct UnreadableResult: Error, Sendable, CustomStringConvertible {
        public var result: String
        public var why: String
        public var description: String { "\(result): \(why)" }
    }

    /// The record of the result file `result` in the folder `outbox`.
    public init(outbox: String, result: String) throws(UnreadableResult) {
        guard let data = FileManager.default.contents(atPath: outbox + "/" + result) else {
            throw UnreadableResult(result: result, why: "cannot be read")
        }
        try self.init(json: [UInt8](data), result: result)
    }

    /// The record of the outbox file `result` holding `bytes`.
    ///
    /// Read tolerantly: fields this index does not use may be anything, and quotes may come in
    /// the first shape (`speaker {entity, name}`, `cue` a string) or a later one (`speaker` with
    /// more fields, `cue` an object with a `text`).
    public init(json bytes: [UInt8], result: String) throws(UnreadableResult) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw UnreadableResult(result: result, why: "not JSON (\(error.localizedDescription))")
        }
        guard let root = object as? [String: Any], let source = root["source"] as? [String: Any],
              let name = source["name"] as? String, let sha256 = source["sha256"] as? String,
              let text = root["text"] as? String
        else { throw UnreadableResult(result: result, why: "not an articled analysis (no source.name, source.sha256 or text)") }
        self.result = result
        self.name = name
        self.sha256 = sha256
        self.text = text
        title = root["title"] as? String
        published = (root["dateline"] as? [String: Any])?["date"] as? String
        received = source["received"] as? String
        language = (root["language"] as? [String: Any])?["code"] as? String ?? "und"
        entities = (root["entities"] as? [[String: Any]] ?? []).compactMap { entity in
            guard let id = entity["id"] as? String, let type = entity["type"] as? String, let name = entity["name"] as? String else { return nil }
            return ArticleEntity(localID: id, type: type, name: name, aliases: entity["aliases"] as? [String] ?? [],
                                 mentionCount: (entity["mentions"] as? [Any])?.count ?? 0)
        }
        quotes = (root["quotes"] as? [[String: Any]] ?? []).compactMap { quote in
            guard let kind = quote["kind"] as? String, let text = quote["text"] as? String else { return nil }
            let speaker = quote["speaker"] as? [String: Any]
            let cue = quote["cue"] as? String ?? (quote["cue"] as? [String: Any])?["text"] as? String
            return ArticleQuote(kind: kind, text: text, speakerEntity: speaker?["entity"] as? String,
                                speakerName: speaker?["name"] as? String, cue: cue)
        }
        keyphrases = (root["keyphrases"] as? [[String: Any]] ?? []).compactMap { phrase in
            guard let text = phrase["text"] as? String, let score = (phrase["score"] as? NSNumber)?.doubleValue else { return nil }
            return ArticleKeyphrase(text: text, score: Self.tenThousandths(score))
        }
        duplicates = (root["duplicates"] as? [[String: Any]] ?? []).compactMap { duplicate in
            guard let name = duplicate["name"] as? String, let similarity = (duplicate["similarity"] as? NSNumber)?.doubleValue else { return nil }
            return ArticleDuplicate(name: name, similarity: Self.tenThousandths(similarity))
        }
        signature = MinHashSignature(of: ScalarText(text).scalars)
    }
}
