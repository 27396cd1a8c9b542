import ArticleAnalysis

// Owned by the quotes stage: loads the attribution model file from Resources/.
extension BundledModels {
    /// The shipped attribution model (`Resources/quotes.model`, written by `articled train-quotes`).
    public static func quoteModel() throws -> QuoteModel {
        try QuoteModel(bytes: try bytes(of: QuoteModel.fileName))
    }
}
