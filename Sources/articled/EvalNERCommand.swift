import ArgumentParser
import ArticleAnalysis
import ArticleAnalysisTools
import ArticleModels
import Foundation

/// `articled eval-ner`: scores entity recognition on a CoNLL file through the analysis path.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-ner",
        abstract: "Score entity recognition on a CoNLL-2003 style file.",
        discussion: """
            Each document of the file becomes article text (tokens joined by spaces, one sentence a
            paragraph) and goes through the pipeline's segmenter and entity recognizer, exactly as an
            article does, with the shipped model (or --model). Every mention of every entity is then
            compared with the gold spans: exact-span precision, recall and F1 per type as conlleval
            computes them, the four-type total, and the micro average over PER/ORG/LOC.

            The tag is the last column, so CoNLL-2003's four columns and wikigold's two are read alike.

            Example:
              articled eval-ner ../shared/data/conll2003/eng.testa
              articled eval-ner ../shared/data/wikigold/wikigold.conll.txt
            """
    )

    @Argument(help: ArgumentHelp("The CoNLL file to score: `token POS chunk tag` (CoNLL-2003) or `token tag` (wikigold) lines.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Use this model file instead of the shipped one.", valueName: "path"))
    var model: String?

    @Flag(help: "Leave out the form rules (titles, designators, place lists: docs/ner.md), to measure what they do.")
    var withoutFormRules = false

    func run() throws {
        var pipeline = try AnalysisPipeline.bundled()
        if let model {
            pipeline.entityRecognizer = EntityRecognizer(model: try NERModel(bytes: try readBytes(model)))
        }
        if withoutFormRules { pipeline.entityRecognizer.resolver.shapesMentions = false }
        let documents = CoNLLCorpus.parse(try readBytes(file))
        let start = Date()
        let score = NERScore.endToEnd(documents, segmenter: pipeline.segmenter, recognizer: pipeline.entityRecognizer)
        let seconds = Date().timeIntervalSince(start)
        let tokens = documents.reduce(0) { $0 + $1.tokens.count }
        print("\(file): \(documents.count) documents, \(tokens) tokens, \(String(format: "%.2f", seconds)) s end to end")
        print(score.report)
    }
}
