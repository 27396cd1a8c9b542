/// An article already taken out of a richer format (a web page, by the ArticleHTML target): its
/// body as paragraphs and what the page said about it. The pipeline analyses it like cleaned text.
public struct ExtractedArticle: Sendable {
    /// The MIME type of the input, e.g. "text/html".
    public var format: String
    public var encoding: SourceEncoding
    /// True when the bytes were not valid in the declared (or default) encoding and were read as Windows-1252.
    public var encodingFallback: Bool
    /// The body, one element a segment: paragraphs, headings, list items, block quotes, table rows.
    /// White space inside each is already collapsed to single spaces; none is empty.
    public var paragraphs: [String]
    public var page: PageMetadata
    /// Time spent reading the page (decompressing, parsing, extracting), reported before the pipeline's stages.
    public var timings = StageTimings()

    public init(format: String, encoding: SourceEncoding, encodingFallback: Bool, paragraphs: [String], page: PageMetadata) {
        self.format = format
        self.encoding = encoding
        self.encodingFallback = encodingFallback
        self.paragraphs = paragraphs
        self.page = page
    }

    /// The body as the pipeline's `text`: the paragraphs joined by a blank line.
    public var body: String { paragraphs.joined(separator: "\n\n") }
}

/// What a web page declares about its article (JSON-LD, Open Graph, `<meta>`, `<time>`, `<link rel=canonical>`).
public struct PageMetadata: Sendable, Equatable {
    /// The headline, without the site's name.
    public var title: String?
    /// The byline as the page shows it ("By Jane Doe and John Roe").
    public var byline: String?
    public var authors: [String] = []
    /// ISO 8601 timestamps as the page gives them ("2019-01-04" or "2019-01-04T10:00:00Z").
    public var published: String?
    public var modified: String?
    /// The canonical URL (`<link rel=canonical>`, else `og:url`).
    public var url: String?
    /// The site's name (`og:site_name`, JSON-LD publisher).
    public var site: String?
    /// The declared language (`<html lang>`, `content-language`), lower-cased primary subtag ("en").
    public var language: String?

    public init() {}

    /// The date part of `published` ("2019-01-04"), when it starts with one.
    public var publishedDate: String? {
        guard let published, published.utf8.count >= 10, CivilDate(iso: String(published.prefix(10))) != nil else { return nil }
        return String(published.prefix(10))
    }

    /// The declared language, when the detector could not tell (undetermined or unsure) and the
    /// profiles know it. The declaration is only a hint: a confident detection wins over it.
    func languageHint(for guess: LanguageGuess, known: [String]?) -> LanguageGuess? {
        guard let language, guess.code != language, guess.code == "und" || guess.confidence < 0.5 else { return nil }
        guard let known, known.contains(language) else { return nil }
        return LanguageGuess(code: language, confidence: guess.confidence)
    }
}

extension AnalysisPipeline {
    /// Analyses a page whose body was already extracted. Relative dates resolve against the
    /// page's `published` date when it has one, else against `input.received`.
    ///
    /// Issue 14 adds a general way to pass a published date into the pipeline; when it lands,
    /// this entry point should hand `extracted.page.publishedDate` to it instead of choosing the
    /// reference itself.
    public func analyze(extracted: ExtractedArticle, input: ArticleInput, clock: (any StageClock)? = nil) -> Analysis {
        var stages = StageRecorder(clock: clock)
        let body = stages.run("clean") { extracted.body }
        let cleaned = CleanedArticle(title: extracted.page.title, dateline: nil, body: body, removed: [])
        let source = SourceInfo(
            name: input.name, bytes: input.bytes.count, sha256: SHA256.hex(input.bytes),
            encoding: extracted.encoding, encodingFallback: extracted.encodingFallback, format: extracted.format,
            received: input.received)
        var analysis = analyze(cleaned, source: source, reference: extracted.page.publishedDate ?? input.received,
                               page: extracted.page, stages: &stages)
        analysis.timings.stages.insert(contentsOf: extracted.timings.stages, at: 0)
        return analysis
    }
}
