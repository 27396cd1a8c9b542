import ArticleAnalysis

// Owned by the entities stage: loads the NER model file from Resources/.
extension BundledModels {
    public static func entityRecognizer() throws -> EntityRecognizer {
        EntityRecognizer()
    }
}
