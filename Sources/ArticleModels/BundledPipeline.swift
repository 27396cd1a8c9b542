import ArticleAnalysis

extension AnalysisPipeline {
    /// The pipeline with every shipped model and lexicon loaded. Call once at start-up and share
    /// the value between workers: loading is the slow part, analysing is not.
    public static func bundled() throws -> AnalysisPipeline {
        var pipeline = AnalysisPipeline(entityRecognizer: try BundledModels.entityRecognizer())
        try BundledModels.configureReaderStages(&pipeline)
        pipeline.quoteFinder = QuoteFinder(model: try BundledModels.quoteModel())
        return pipeline
    }
}
