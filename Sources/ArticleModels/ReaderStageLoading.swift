import ArticleAnalysis

// Owned by the reader stages (keyphrases, summary, tone, dates, language): loads their lexicons
// and profiles from Resources/ into the pipeline.
extension BundledModels {
    public static func configureReaderStages(_ pipeline: inout AnalysisPipeline) throws {
    }
}
