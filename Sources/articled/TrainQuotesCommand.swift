import ArgumentParser
import ArticleAnalysis
import ArticleAnalysisTools
import ArticleModels
import Foundation

/// `articled train-quotes`: trains the attribution model from PolNeAR train (read where it lies,
/// never copied) and writes `quotes.model`; with `--folds`, prints cross-validation figures.
struct TrainQuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-quotes",
        abstract: "Train the quote attribution model from a PolNeAR split.",
        discussion: "Deterministic: the same split gives the same model file. See docs/quotes.md."
    )

    @Option(help: ArgumentHelp("The PolNeAR training split (text/ and attributions/).", valueName: "dir"))
    var polnear = "../shared/data/polnear/train"

    @Option(help: ArgumentHelp("Where to write the model.", valueName: "path"))
    var output = "Sources/ArticleModels/Resources/quotes.model"

    @Option(help: "Cross-validate over this many folds instead of writing a model (0: train only).")
    var folds = 0

    @Option(help: "Perceptron epochs (default: the cross-validated choice).")
    var epochs = QuoteTrainer().epochs

    @Option(help: "Times a word must be a gold cue in training to be in the cue vocabulary.")
    var cueMinCount = QuoteTrainer().cueMinCount

    @Option(help: "Share of its occurrences a word must be a gold cue in to be in the cue vocabulary.")
    var cueMinRate = QuoteTrainer().cueMinRate

    @Option(help: "Share of its occurrences a cue word must be a gold cue in to be scored alone (else only next to a cue).")
    var cueAloneRate = QuoteTrainer().cueAloneRate

    @Option(help: "log2 of the weight table's size.")
    var bits = QuoteTrainer().bits

    @Flag(help: "With --folds, list each cross-validation error by article.")
    var verbose = false

    @Option(help: "Threshold per decision (cue,side,source,speech), comma-separated.")
    var thresholds: String?

    func run() throws {
        let articles = try PolNeAREvalRun.articles(in: polnear)
        // Entities from the shipped NER model; the quotes stage itself without a model.
        let pipeline = AnalysisPipeline(entityRecognizer: try BundledModels.entityRecognizer())
        var samples: [QuoteTrainer.Sample] = []
        for article in articles {
            let bytes = Array(String(String.UnicodeScalarView(article.text)).utf8)
            let analysis = try pipeline.analyze(ArticleInput(bytes: bytes, name: article.name + ".txt"))
            samples.append(QuoteTrainer.Sample(article: article, text: analysis.text, segmentation: analysis.segmentation, entities: analysis.entities))
        }
        var trainer = QuoteTrainer()
        trainer.epochs = epochs
        trainer.cueMinCount = cueMinCount
        trainer.bits = bits
        trainer.cueMinRate = cueMinRate
        trainer.cueAloneRate = cueAloneRate
        var limits = QuoteTrainer.defaultThresholds
        if let thresholds {
            for (i, value) in thresholds.split(separator: ",").enumerated() where i < limits.count { limits[i] = Float(value) ?? 0 }
        }
        if folds > 1 {
            let score = trainer.crossValidate(samples, folds: folds, thresholds: limits) { name, lines in
                guard verbose, !lines.isEmpty else { return }
                print("\(name):")
                for line in lines { print("  \(line)") }
            }
            print("cross-validation, \(folds) folds over \(polnear):")
            PolNeAREvalRun.report(score, articles: samples.count)
            return
        }
        let model = trainer.train(samples, thresholds: limits)
        try Data(model.serialized()).write(to: URL(fileURLWithPath: output))
        print("wrote \(output)")
    }
}
