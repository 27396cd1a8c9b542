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

    @Option(help: "Seed of the training order (default: the shipped model's).")
    var seed = QuoteTrainer().seed

    @Option(help: "Runs of the source ranker whose weights are averaged (default: the cross-validated choice).")
    var rankerRuns = QuoteTrainer().rankerRuns

    @Option(help: "With --folds, repeat the cross-validation with this many seeds (drawn from --seed) and print the mean.")
    var seeds = 1

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
        trainer.seed = seed
        trainer.rankerRuns = rankerRuns
        var limits = QuoteTrainer.defaultThresholds
        if let thresholds {
            for (i, value) in thresholds.split(separator: ",").enumerated() where i < limits.count { limits[i] = Float(value) ?? 0 }
        }
        if folds > 1 && seeds > 1 {
            // Seed noise is the size of most feature effects: compare variants by the mean.
            var sums = (speaker: 0.0, direct: 0.0, reported: 0.0)
            for drawn in QuoteTrainer.seeds(from: seed, count: seeds) {
                trainer.seed = drawn
                let score = trainer.crossValidate(samples, folds: folds, thresholds: limits)
                sums.speaker += score.speakerAccuracy; sums.direct += score.directF1; sums.reported += score.reportedF1
                print(String(format: "seed %016llx: speaker %.4f (%d/%d), direct F1 %.4f, reported F1 %.4f", trainer.seed,
                             score.speakerAccuracy, score.speakerRight, score.speakerScored, score.directF1, score.reportedF1))
            }
            let n = Double(seeds)
            print(String(format: "mean of %d seeds, %d folds: speaker %.4f, direct F1 %.4f, reported F1 %.4f",
                         seeds, folds, sums.speaker / n, sums.direct / n, sums.reported / n))
            return
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
