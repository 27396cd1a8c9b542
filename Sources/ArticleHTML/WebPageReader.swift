import ArticleAnalysis

/// Reads web pages: decides whether an input is a page (by content or by name, gzip or not),
/// settles its charset, parses it (`HTMLTokenizer`), extracts the article body and metadata, and hands
/// the text to the analysis pipeline. Plain-text input goes to the pipeline untouched.
public struct WebPageReader: Sendable {
    /// Most bytes gzip input may inflate to; more is refused at this cap (`.inflatesTooLarge`).
    public var maxInflatedBytes: Int
    /// How the article body is found (its knobs are chosen on the benchmark's development pages).
    public var extractor = ContentExtractor()
    /// The HTML parser: articled's own (`HTMLTokenizer`), or libxml2's, kept as the reference the
    /// first is tested against (`eval-extraction --parser libxml2`).
    public var parser = PageParser.articled

    public enum PageParser: String, Sendable { case articled, libxml2 }

    public init(maxInflatedBytes: Int = 16 << 20) { self.maxInflatedBytes = maxInflatedBytes }

    /// Analyses `input`: a web page (HTML, `.html.gz`) through the extractor, anything else as text.
    public func analyze(_ input: ArticleInput, with pipeline: AnalysisPipeline, clock: (any StageClock)? = nil) throws(AnalysisError) -> Analysis {
        var bytes = input.bytes
        var timings = StageTimings()
        if Gunzip.isGzip(bytes) || input.name.lowercased().hasSuffix(".gz") {
            let start = clock?.nanoseconds() ?? 0
            bytes = try Gunzip.inflate(bytes, limit: maxInflatedBytes)
            if let clock { timings.stages.append(("gunzip", Double(clock.nanoseconds() &- start) / 1_000_000)) }
        } else if !PageSniffer.hasPageName(input.name) && !PageSniffer.looksLikeHTML(bytes) {
            return try pipeline.analyze(input, clock: clock)
        }
        guard PageSniffer.hasPageName(input.name) || PageSniffer.looksLikeHTML(bytes) else {
            // Compressed plain text.
            return try pipeline.analyze(ArticleInput(bytes: bytes, name: input.name, received: input.received), clock: clock)
        }
        var extracted = try extract(bytes, clock: clock)
        extracted.timings.stages.insert(contentsOf: timings.stages, at: 0)
        return pipeline.analyze(extracted: extracted, input: input, clock: clock)
    }

    /// A trace of the extractor's decisions on one (inflated) page, for tuning.
    public func explain(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        guard let decoded = try? ArticleDecoder().decodeUTF8(bytes) else { return ["undecodable"] }
        let document = parse(decoded.utf8)
        let linked = PageMetadataReader.linkedData(document)
        _ = extractor.extract(document, crossCheck: linked.body.map { BodyCrossCheck($0) }, explanation: { lines.append($0) })
        return lines
    }

    func parse(_ utf8: [UInt8]) -> PageDocument {
        switch parser {
        case .articled:
            return utf8.withUnsafeBufferPointer { HTMLTokenizer.parse($0) }
        case .libxml2:
            let stripped = utf8.withUnsafeBufferPointer { ScriptStripper.strip($0) }
            return stripped.withUnsafeBufferPointer { LibXML2Parser.parse($0) }
        }
    }

    /// The article of an (inflated) HTML page. `.noArticleText` when it has none.
    public func extract(_ bytes: [UInt8], clock: (any StageClock)? = nil) throws(AnalysisError) -> ExtractedArticle {
        var timings = StageTimings()
        var start = clock?.nanoseconds() ?? 0
        func lap(_ name: String) {
            guard let clock else { return }
            let now = clock.nanoseconds()
            timings.stages.append((name, Double(now &- start) / 1_000_000))
            start = now
        }
        // The page as UTF-8 bytes: for a valid UTF-8 page, the input itself (no `String` of it).
        let decoded = try ArticleDecoder().decodeUTF8(bytes)
        var fallback = decoded.isFallback
        if fallback, let declared = PageSniffer.declaredCharset(bytes), PageSniffer.isWindows1252(declared) { fallback = false }
        lap("decode")
        let document = parse(decoded.utf8)
        lap("html_parse")
        let linked = PageMetadataReader.linkedData(document)
        let page = PageMetadataReader.read(document, linked)
        let crossCheck = linked.body.map { BodyCrossCheck($0) }
        let segments = extractor.extract(document, crossCheck: crossCheck)
        lap("html_extract")
        let paragraphs = segments.map(\.text).filter { !$0.isEmpty }
        guard !paragraphs.isEmpty else { throw .noArticleText }
        var extracted = ExtractedArticle(format: "text/html", encoding: decoded.encoding, encodingFallback: fallback,
                                         paragraphs: paragraphs, page: page)
        extracted.timings = timings
        return extracted
    }
}
