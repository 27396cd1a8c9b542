import ArticleAnalysis

extension AnalysisPipeline {
    /// The pipeline with every shipped model and lexicon loaded. Call once at start-up and share
    /// the value between workers: loading is the slow part, analysing is not.
    ///
    /// `learnedQuotes` turns on the learned attribution model (quotes.model, docs/quotes.md: more
    /// speakers right and far more reported speech found on PolNeAR; `analyze --learned-quotes`,
    /// `[analysis] quotes = learned`). It costs about 10% of the whole analysis, which measured
    /// articled at 72-82x spaCy end to end, under the 80x floor; until it fits, the rules are the
    /// default and the model is opt-in.
    public static func bundled(learnedQuotes: Bool = false) throws -> AnalysisPipeline {
        var pipeline = AnalysisPipeline(entityRecognizer: try BundledModels.entityRecognizer())
        try BundledModels.configureReaderStages(&pipeline)
        if learnedQuotes { pipeline.quoteFinder = QuoteFinder(model: try BundledModels.quoteModel()) }
        return pipeline
    }
}
