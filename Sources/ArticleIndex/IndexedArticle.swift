import ArticleAnalysis

/// What the index keeps of one analysed article: read from its outbox JSON (`init(json:result:)`,
/// for recovery and `articled reindex`) or taken from the analysis the daemon just wrote
/// (`init(_:)`, which spares parsing the JSON back). Both give the same value for the same
/// result, so an index built live and one rebuilt from the outbox hold the same content.
///
/// Scores are kept as the JSON writes them, in ten-thousandths, so nothing depends on how a
/// number survives a trip through text.
public struct IndexedArticle: Sendable, Equatable {
    public struct ArticleEntity: Sendable, Equatable {
        /// The entity's id within its article ("e2").
        public var localID: String
        public var type: String
        public var name: String
        public var aliases: [String]
        public var mentionCount: Int
        /// The name first, then the aliases.
        public var names: [String] { [name] + aliases }
    }

    public struct ArticleQuote: Sendable, Equatable {
        public var kind: String
        public var text: String
        /// The speaker's entity id within the article, when the speaker is one of its entities.
        public var speakerEntity: String?
        public var speakerName: String?
        public var cue: String?
    }

    public struct ArticleKeyphrase: Sendable, Equatable {
        public var text: String
        /// Score in ten-thousandths (1 is 10000).
        public var score: Int
    }

    public struct ArticleDuplicate: Sendable, Equatable {
        public var name: String
        /// Similarity in ten-thousandths.
        public var similarity: Int
    }

    /// The result's file name in the outbox (`a.txt.json`, `a.txt.1.json`): the article's key.
    public var result: String
    /// The input's name (`source.name`).
    public var name: String
    public var sha256: String
    public var title: String?
    /// The dateline's date (YYYY-MM-DD), when the article has one.
    public var published: String?
    public var received: String?
    public var language: String
    public var text: String
    public var entities: [ArticleEntity]
    public var quotes: [ArticleQuote]
    public var keyphrases: [ArticleKeyphrase]
    public var duplicates: [ArticleDuplicate]
    /// The MinHash signature of `text` (`MinHashSignature(of:)`).
    public var signature: MinHashSignature

    /// Sets `duplicates` as the result's JSON will hold them.
    public mutating func setDuplicates(_ found: [DuplicateArticle]) {
        duplicates = found.map { ArticleDuplicate(name: $0.name, similarity: Self.tenThousandths($0.similarity)) }
    }

    /// Keyphrases as the `articles.keyphrases` column holds them: "text U+001F score" (score in
    /// ten-thousandths), joined by U+001E, in order.
    static func packed(_ keyphrases: [ArticleKeyphrase]) -> String {
        keyphrases.map { $0.text + "\u{1F}" + String($0.score) }.joined(separator: "\u{1E}")
    }

    /// The keyphrases of an `articles.keyphrases` column.
    static func unpacked(_ column: String) -> [ArticleKeyphrase] {
        column.split(separator: "\u{1E}", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            return ArticleKeyphrase(text: String(parts[0]), score: parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
        }
    }

    /// A score as the JSON writer rounds it (`JSONWriter.double(_:digits: 4)`), in ten-thousandths.
    static func tenThousandths(_ value: Double) -> Int {
        let scaled = Int((abs(value) * 10_000).rounded())
        return value < 0 ? -scaled : scaled
    }
}

extension IndexedArticle {
    /// The record of an analysis about to be written as `result` (set `result` and `duplicates`
    /// before recording when they are not known yet).
    public init(_ analysis: Analysis, result: String = "") {
        self.result = result
        name = analysis.source.name
        sha256 = analysis.source.sha256
        title = analysis.title
        published = analysis.dateline?.date
        received = analysis.source.received
        language = analysis.language.code
        text = analysis.text.string
        entities = analysis.entities.map {
            ArticleEntity(localID: $0.id, type: $0.type.rawValue, name: $0.name, aliases: $0.aliases, mentionCount: $0.mentions.count)
        }
        quotes = analysis.quotes.map {
            ArticleQuote(kind: $0.kind.rawValue, text: $0.text, speakerEntity: $0.speaker?.entity, speakerName: $0.speaker?.name, cue: $0.cue?.text)
        }
        keyphrases = analysis.keyphrases.map { ArticleKeyphrase(text: $0.text, score: Self.tenThousandths($0.score)) }
        duplicates = analysis.duplicates.map { ArticleDuplicate(name: $0.name, similarity: Self.tenThousandths($0.similarity)) }
        signature = MinHashSignature(of: analysis.text.scalars)
    }
}
