import ArticleAnalysis

extension AnalysisPipeline {
    /// The pipeline with every shipped model and lexicon loaded. Call once at start-up and share
    /// the value between workers: loading is the slow part, analysing is not.
    ///
    /// Quotes are attributed with the learned model (quotes.model, docs/quotes.md: more speakers
    /// right and far more reported speech found on PolNeAR); `learnedQuotes: false` keeps the
    /// older rules alone (`analyze --rule-quotes`, `[analysis] quotes = rules`).
    public static func bundled(learnedQuotes: Bool = true) throws -> AnalysisPipeline {
        var pipeline = AnalysisPipeline(entityRecognizer: try BundledModels.entityRecognizer())
        try BundledModels.configureReaderStages(&pipeline)
        if learnedQuotes { pipeline.quoteFinder = QuoteFinder(model: try BundledModels.quoteModel()) }
        return pipeline
    }
}
