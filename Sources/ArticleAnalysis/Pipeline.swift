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
    /// The language whose stages run when the detector's guess is not reliable (a short text, a
    /// brief full of names); nil to skip them instead. Configured as `default_language`.
    public var defaultLanguage: String? = "en"
    /// The longest text (in scalars) whose paragraph words, scanned for the dates stage, are kept
    /// for the word pass (keyphrases, summary, tone). Longer texts drop them after the dates stage
    /// and the word pass scans the sentences itself (same words, a second scan): kept, they are
    /// about 12 bytes a scalar and would be held through the entity stage, whose own token tables
    /// make the article's peak. News articles (a few thousand scalars) always keep them.
    /// A text longer than this also lets its segmentation's tokens go once segmented
    /// (`Segmentation.releaseTokens`: no later stage reads them; the word count stays) and calls
    /// `returnFreeMemory` after cleaning.
    public var keptParagraphWordsLimit = 1 << 20
    /// Called after cleaning a long text (see `keptParagraphWordsLimit`), before the stages
    /// that hold its largest arrays: cleaning frees a small array for every line and paragraph,
    /// and an allocator may keep those pages until told to return them (the daemon and the
    /// command line pass glibc's `malloc_trim`). This library does no such thing itself.
    public var returnFreeMemory: (@Sendable () -> Void)? = nil

    public init(entityRecognizer: EntityRecognizer) {
        self.entityRecognizer = entityRecognizer
    }

    public func analyze(_ input: ArticleInput, clock: (any StageClock)? = nil) throws(AnalysisError) -> Analysis {
        var stages = StageRecorder(clock: clock)
        var decoded = try stages.run("decode") { () throws(AnalysisError) in try decoder.decode(input.bytes) }
        let cleaned = stages.run("clean") { cleaner.clean(decoded.text) }
        // The decoded text is not read again: let it go now, not when this call returns (a long
        // article would hold it through every stage).
        decoded.text = ""
        let source = SourceInfo(
            name: input.name, bytes: input.bytes.count, sha256: SHA256.hex(input.bytes),
            encoding: decoded.encoding, encodingFallback: decoded.isFallback, format: "text/plain",
            received: input.received)
        let reference = Self.dateReference(input, cleaned.dateline)
        return analyze(consume cleaned, source: source, reference: reference, page: nil, stages: &stages)
    }

    /// The stages after cleaning, shared by plain text (above) and pages whose body was already
    /// extracted (`analyze(extracted:input:clock:)`). `reference` is the date relative dates resolve against.
    func analyze(_ cleaned: consuming CleanedArticle, source: SourceInfo, reference: (String?, DateBasis), page: PageMetadata?,
                 stages: inout StageRecorder) -> Analysis {
        let text = ScalarText(cleaned.body)
        // From here on the scalars are the text; the string would be held to the end.
        cleaned.body = ""
        let isLong = text.scalars.count > keptParagraphWordsLimit
        if isLong { returnFreeMemory?() }
        var segmentation = stages.run("segment") { segmenter.segment(text) }
        if isLong { segmentation.releaseTokens() }
        var language = stages.run("language") { languageDetector.detect(text) }
        if let hint = page?.languageHint(for: language, known: languageDetector.profiles?.codes) { language = hint }

        var analysis = Analysis(
            source: source,
            title: cleaned.title, dateline: cleaned.dateline, text: text, removed: cleaned.removed,
            segmentation: segmentation, language: language, skipped: [],
            entities: [], quotes: [], keyphrases: [], summary: [], tone: nil, dates: [], timings: StageTimings())
        analysis.page = page

        analysis.byline = cleaned.byline
        let (reference, basis) = reference
        // The paragraphs' words are scanned once, for dates and for the reader word pass below.
        let (paragraphWords, dates) = stages.run("dates") {
            let scanned = ParagraphTokens(text.scalars, segmentation)
            return (scanned, dateFinder.find(text, scanned, reference: reference, basis: basis))
        }
        analysis.dates = dates
        // A long text's words are dropped here, before the entity stage (`keptParagraphWordsLimit`).
        var kept: ParagraphTokens? = consume paragraphWords
        if isLong { kept = nil }
        if language.code == "en" || (!language.reliable && defaultLanguage == "en") {
            analysis.entities = stages.run("entities") {
                var entities = entityRecognizer.recognize(text, segmentation)
                if let place = cleaned.dateline?.place { entities.ensurePlace(place, in: text) }
                return entities
            }
            analysis.quotes = stages.run("quotes") { quoteFinder.find(text, segmentation, analysis.entities) }
            // Keyphrases, summary and tone share one scan of the words (timed with keyphrases).
            // The word pass takes the paragraphs' words over when kept (this is the only copy).
            var scanned: ParagraphTokens? = kept.take()
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

    /// The date relative dates resolve against, and what it is: the publication date the caller
    /// gave, else the article's dateline, else the time the file was received.
    /// A page's own publication date (`pagePublished`) counts as published too.
    static func dateReference(_ input: ArticleInput, _ dateline: Dateline?, pagePublished: String? = nil) -> (String?, DateBasis) {
        if let published = input.published, CivilDate(iso: published) != nil { return (published, .published) }
        if let published = pagePublished, CivilDate(iso: published) != nil { return (published, .published) }
        if let date = dateline?.date { return (date, .dateline) }
        return (input.received, .received)
    }
}
