/// Chains the analysis stages: bytes in, `Analysis` out.
///
/// Each stage is a value with one job, in its own folder with its own tests; this type only
/// decides their order and what each one sees. It holds loaded models, so build it once and
/// share it between workers (it is immutable and `Sendable`).
public struct AnalysisPipeline: Sendable {
    public var decoder = ArticleDecoder()
    public var cleaner = ArticleCleaner()
    public var segmenter = Segmenter()
    public var languageDetector = LanguageDetector()
    public var entityRecognizer: EntityRecognizer
    public var quoteFinder = QuoteFinder()
    public var keyphraseExtractor = KeyphraseExtractor()
    public var summarizer = Summarizer()
    public var toneScorer = ToneScorer()
    public var dateFinder = DateFinder()

    public init(entityRecognizer: EntityRecognizer) {
        self.entityRecognizer = entityRecognizer
    }

    public func analyze(_ input: ArticleInput, clock: (any StageClock)? = nil) throws(AnalysisError) -> Analysis {
        var stages = StageRecorder(clock: clock)
        let decoded = try stages.run("decode") { () throws(AnalysisError) in try decoder.decode(input.bytes) }
        let cleaned = stages.run("clean") { cleaner.clean(decoded.text) }
        let source = SourceInfo(
            name: input.name, bytes: input.bytes.count, sha256: SHA256.hex(input.bytes),
            encoding: decoded.encoding, encodingFallback: decoded.isFallback, format: "text/plain",
            received: input.received)
        return analyze(cleaned, source: source, reference: cleaned.dateline?.date ?? input.received, page: nil, stages: &stages)
    }

    /// The stages after cleaning, shared by plain text (above) and pages whose body was already
    /// extracted (`analyze(extracted:input:clock:)`). `reference` is the date relative dates resolve against.
    func analyze(_ cleaned: CleanedArticle, source: SourceInfo, reference: String?, page: PageMetadata?,
                 stages: inout StageRecorder) -> Analysis {
        let text = ScalarText(cleaned.body)
        let segmentation = stages.run("segment") { segmenter.segment(text) }
        var language = stages.run("language") { languageDetector.detect(text) }
        if let hint = page?.languageHint(for: language, known: languageDetector.profiles?.codes) { language = hint }

        var analysis = Analysis(
            source: source,
            title: cleaned.title, dateline: cleaned.dateline, text: text, removed: cleaned.removed,
            segmentation: segmentation, language: language, skipped: [],
            entities: [], quotes: [], keyphrases: [], summary: [], tone: nil, dates: [], timings: StageTimings())
        analysis.page = page

        // The paragraphs' words are scanned once, for dates and for the reader word pass below.
        let (paragraphWords, dates) = stages.run("dates") {
            let scanned = ParagraphTokens(text.scalars, segmentation)
            return (scanned, dateFinder.find(text, scanned, reference: reference))
        }
        analysis.dates = dates
        if language.code == "en" {
            analysis.entities = stages.run("entities") { entityRecognizer.recognize(text, segmentation) }
            analysis.quotes = stages.run("quotes") { quoteFinder.find(text, segmentation, analysis.entities) }
            // Keyphrases, summary and tone share one scan of the words (timed with keyphrases).
            // The word pass takes the paragraphs' words over (this is the only copy).
            var scanned: ParagraphTokens? = consume paragraphWords
            let (readerWords, keyphrases) = stages.run("keyphrases") {
                let words = ReaderWords(text.scalars, segmentation, scanned: scanned.take())
                return (words, keyphraseExtractor.extract(text, words, analysis.entities))
            }
            analysis.keyphrases = keyphrases
            analysis.summary = stages.run("summary") { summarizer.summarize(text, segmentation, readerWords, analysis.entities) }
            analysis.tone = stages.run("tone") { toneScorer.score(text, segmentation, readerWords) }
        } else {
            analysis.skipped = ["entities", "quotes", "keyphrases", "summary", "tone"]
        }
        analysis.timings = stages.timings
        return analysis
    }
}
