/// A line taken out of the article body, and the rule that took it.
public struct RemovedLine: Sendable, Equatable {
    public var text: String
    public var rule: String
    public init(text: String, rule: String) { self.text = text; self.rule = rule }
}

/// The dateline of an article, e.g. "Friday, January 4, 2019".
public struct Dateline: Sendable, Equatable {
    public var text: String
    /// ISO 8601 date ("2019-01-04") when the dateline names a full date.
    public var date: String?
    public init(text: String, date: String?) { self.text = text; self.date = date }
}

/// The article split into headline, dateline, body and furniture.
public struct CleanedArticle: Sendable {
    public var title: String?
    public var dateline: Dateline?
    /// Paragraphs of body text joined by a blank line ("\n\n").
    public var body: String
    public var removed: [RemovedLine]
}

/// Separates the article body from what surrounds it on a web page.
/// (Placeholder rules; the cleaning stage refines them.)
public struct ArticleCleaner: Sendable {
    public init() {}

    public func clean(_ text: String) -> CleanedArticle {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return CleanedArticle(title: nil, dateline: nil, body: paragraphs.joined(separator: "\n\n"), removed: [])
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var slice = self
        while let first = slice.unicodeScalars.first, first.properties.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.unicodeScalars.last, last.properties.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}
