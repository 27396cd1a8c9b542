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

            With --through-analyze, each document is also written as a plain-text file the way wire
            copy comes (one sentence a line) and read by the whole analysis, as `articled analyze`
            reads a file (cleaning, structure, language, entities); every mention is mapped back to
            the tokens. Both scores are printed. --fold K --folds N keeps documents K, K+N, K+2N, ...

            Examples:
              articled eval-ner ../shared/data/conll2003/eng.testa
              articled eval-ner ../shared/data/wikigold/wikigold.conll.txt
              articled eval-ner --through-analyze --fold 0 --folds 5 ../shared/data/conll2003/eng.train
            """
    )

    @Argument(help: ArgumentHelp("The CoNLL file to score: `token POS chunk tag` (CoNLL-2003) or `token tag` (wikigold) lines.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Use this model file instead of the shipped one.", valueName: "path"))
    var model: String?

    @Flag(help: "Leave out the form rules (titles, designators, place lists: docs/ner.md), to measure what they do.")
    var withoutFormRules = false

    @Flag(help: "Also score the documents through the whole analysis, as files written one sentence a line.")
    var throughAnalyze = false

    @Option(help: ArgumentHelp("Score only the documents whose index modulo --folds is this.", valueName: "k"))
    var fold: Int?

    @Option(help: ArgumentHelp("Number of folds for --fold.", valueName: "n"))
    var folds: Int = 5

    func run() throws {
        var pipeline = try AnalysisPipeline.bundled()
        if let model {
            pipeline.entityRecognizer = EntityRecognizer(model: try NERModel(bytes: try readBytes(model)))
        }
        if withoutFormRules { pipeline.entityRecognizer.resolver.shapesMentions = false }
        var documents = CoNLLCorpus.parse(try readBytes(file))
        if let fold { documents = documents.enumerated().filter { $0.offset % folds == fold }.map(\.element) }
        let start = Date()
        let score = NERScore.endToEnd(documents, segmenter: pipeline.segmenter, recognizer: pipeline.entityRecognizer)
        let seconds = Date().timeIntervalSince(start)
        let tokens = documents.reduce(0) { $0 + $1.tokens.count }
        print("\(file): \(documents.count) documents, \(tokens) tokens, \(String(format: "%.2f", seconds)) s end to end")
        print(score.report)
        if throughAnalyze {
            let start = Date()
            let (through, lost) = NERScore.throughAnalysis(documents, pipeline: pipeline)
            let seconds = Date().timeIntervalSince(start)
            print("through analyze: \(lost) tokens not in the text (title or removed), \(String(format: "%.2f", seconds)) s")
            print(through.report)
        }
    }
}
