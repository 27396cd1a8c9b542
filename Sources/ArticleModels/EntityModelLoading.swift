import ArticleAnalysis

// Owned by the entities stage: loads the NER model file from Resources/.
extension BundledModels {
    /// The entity recognizer with the shipped tagger model (`Resources/ner.model`, written by
    /// `articled train-ner`). A missing or malformed model file is an error: analysing without
    /// entities would silently produce poorer results.
    public static func entityRecognizer() throws -> EntityRecognizer {
        EntityRecognizer(model: try nerModel())
    }

    /// The shipped tagger model.
    public static func nerModel() throws -> NERModel {
        try NERModel(bytes: try bytes(of: NERModel.fileName))
    }
}
