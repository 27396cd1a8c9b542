/// What articled knows about one article: the value the pipeline returns and the outbox JSON holds.
///
/// Every offset in it is a Unicode code-point offset into `text` (see `TextSpan`).
public struct Analysis: Sendable {
    /// Version of the JSON document; bump when a field changes meaning. See docs/analysis.schema.json.
    public static let schemaVersion = "articled.analysis/2"

    public var source: SourceInfo
    /// The headline, when the article starts with one; never part of `text`.
    public var title: String?
    /// The dateline ("Friday, January 4, 2019") when the article has one; never part of `text`.
    public var dateline: Dateline?
    /// The cleaned body: paragraphs separated by a blank line, furniture removed.
    public var text: ScalarText
    /// Lines taken out of the body as page furniture, with the rule that removed each.
    public var removed: [RemovedLine]
    public var segmentation: Segmentation
    public var language: LanguageGuess
    /// Stages skipped for this article (for example English-only stages on a French text).
    public var skipped: [String]
    public var entities: [Entity]
    public var quotes: [Quote]
    public var keyphrases: [Keyphrase]
    public var summary: [SummarySentence]
    public var tone: Tone?
    public var dates: [DateMention]
    public var timings: StageTimings
    /// Earlier articles this one nearly repeats; filled by the daemon from the article index.
    public var duplicates: [DuplicateArticle] = []
    /// What a web page said about the article (HTML input only; nil for plain text).
    public var page: PageMetadata? = nil
}

/// Where the bytes came from and how they were read.
public struct SourceInfo: Sendable, Equatable {
    public var name: String
    public var bytes: Int
    public var sha256: String
    public var encoding: SourceEncoding
    /// True when the bytes were not valid in any encoding with a marker and were read as Windows-1252.
    public var encodingFallback: Bool
    /// The format the text was read as: "text/plain", or "text/html" for a web page.
    public var format: String
    /// When the article was received (ISO 8601, from the caller; the library reads no clock).
    public var received: String?
}

/// The input to the pipeline: bytes plus what the caller knows about them.
public struct ArticleInput: Sendable {
    public var bytes: [UInt8]
    public var name: String
    /// ISO 8601 timestamp, e.g. "2026-11-25T12:04:00Z"; used for `source.received` and to resolve
    /// weekday references when the article has no dateline.
    public var received: String?

    public init(bytes: [UInt8], name: String, received: String? = nil) {
        self.bytes = bytes
        self.name = name
        self.received = received
    }
}

/// Why an input could not be analysed. The daemon writes these into `failed/<name>.error.json`.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case binary(String)
    case undecodable(String)
    /// Compressed input (gzip) that inflates past the size limit: refused at the cap (a gzip bomb).
    case inflatesTooLarge(limit: Int)
    /// Compressed input (gzip) that cannot be inflated.
    case badCompression(String)
    /// A web page in which no article text was found (an empty `<body>`, only furniture).
    case noArticleText

    /// A stable machine-readable code for the error record.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .tooLarge: "too_large"
        case .binary: "binary"
        case .undecodable: "undecodable"
        case .inflatesTooLarge: "too_large"
        case .badCompression: "bad_compression"
        case .noArticleText: "no_article_text"
        }
    }

    public var description: String {
        switch self {
        case .empty: "the file is empty or holds only white space"
        case .tooLarge(let bytes, let limit): "the file is \(bytes) bytes, over the limit of \(limit) bytes"
        case .binary(let why): "the file is not text: \(why)"
        case .undecodable(let why): "the text cannot be decoded: \(why)"
        case .inflatesTooLarge(let limit): "the compressed file inflates past the limit of \(limit) bytes; refused at the cap"
        case .badCompression(let why): "the compressed file cannot be read: \(why)"
        case .noArticleText: "the web page holds no article text (only site furniture, or an empty body)"
        }
    }
}
