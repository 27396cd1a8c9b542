import ArticleAnalysis
import Foundation

/// What the daemon reads from an article's sidecar (`NAME.meta.json`, see Spool's Sidecar.swift):
/// `{"published": "2020-03-17"}`. The published date is handed to the pipeline as
/// `ArticleInput.published`, the same entry point as `articled analyze --published`.
struct PublicationSidecar: Equatable {
    var published: String?

    /// Why a sidecar cannot be used; the article is still analysed, without it.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    init(published: String?) { self.published = published }

    init(json bytes: [UInt8]) throws(Problem) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw Problem(description: "the sidecar is not a JSON object")
        }
        guard let value = object["published"], !(value is NSNull) else { self.published = nil; return }
        guard let text = value as? String, ArticleInput.isPublishedDate(text) else {
            throw Problem(description: "\"published\" must be an ISO 8601 date such as \"2020-03-17\"")
        }
        self.published = text
    }
}
