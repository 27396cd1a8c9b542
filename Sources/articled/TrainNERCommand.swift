import ArgumentParser
import ArticleAnalysis
import ArticleAnalysisTools
import Foundation

/// `articled train-ner`: trains the entity tagger on CoNLL-2003 style files and writes the model.
struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train the named-entity tagger and write its model file.",
        discussion: """
            Trains an averaged perceptron (BILOU labels, hashed features, prediction history) on a
            CoNLL-2003 style file and prints precision, recall and F1 per type on the dev file after
            each epoch. The same files, seed and options always give the same model bytes.
            The shipped model lives in Sources/ArticleModels/Resources/ner.model.

            With --folds N it cross-validates instead: the training documents are cut into N
            blocks, each held out once, and the micro F1 over PER/ORG/LOC pooled over the folds is
            printed for every epoch (no model is written). Choose settings there, not on --dev.

            Example:
              articled train-ner --train ../shared/data/conll2003/eng.train \\
                --gazetteer Training/ner/gazetteer.tsv --out Sources/ArticleModels/Resources/ner.model
              articled train-ner --train ../shared/data/conll2003/eng.train --folds 5 --epochs 12
            """
    )

    @Option(help: ArgumentHelp("Training file (CoNLL-2003 format).", valueName: "path"))
    var train: String

    @Option(help: ArgumentHelp("Development file, scored after each epoch.", valueName: "path"))
    var dev: String?

    @Option(help: ArgumentHelp("Where to write the model.", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("More training documents (CoNLL, four or two columns); may be repeated. Never held out by --folds.", valueName: "path"))
    var alsoTrain: [String] = []

    @Option(help: ArgumentHelp("Names from outside the training data, `TYPE<TAB>name` a line (scripts/build-ner-gazetteer.py).", valueName: "path"))
    var gazetteer: String?

    @Option(help: "Cross-validate over this many blocks of the training documents instead of writing a model.")
    var folds: Int = 0

    @Option(help: "Passes over the training data.")
    var epochs: Int = 10

    @Option(help: "Seed of the document order shuffle.")
    var seed: UInt64 = 1

    @Option(help: "log2 of the number of hashed feature rows.")
    var rowBits: Int = 18

    @Option(help: ArgumentHelp(
        "How many of the training text's most frequent words the model lists.",
        discussion: "Their scores are worked out once when the model loads, so articles read the weight table less often. A speed setting: labels are the same for any value."))
    var frequentWords: Int = 4000

    func validate() throws {
        guard folds == 0 || (2...20).contains(folds) else { throw ValidationError("--folds must be between 2 and 20.") }
        guard folds > 0 || out != nil else { throw ValidationError("--out is required unless --folds is given.") }
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1.") }
        guard (10...22).contains(rowBits) else { throw ValidationError("--row-bits must be between 10 and 22.") }
        guard (0...60000).contains(frequentWords) else { throw ValidationError("--frequent-words must be between 0 and 60000.") }
    }

    func run() throws {
        let start = Date()
        let trainDocs = CoNLLCorpus.parse(try readBytes(train))
        let devDocs = try dev.map { CoNLLCorpus.parse(try readBytes($0)) } ?? []
        let extraDocs = try alsoTrain.flatMap { CoNLLCorpus.parse(try readBytes($0)) }
        var trainer = NERTrainer(epochs: epochs, seed: seed, rowBits: rowBits, frequentForms: frequentWords)
        if let gazetteer { trainer.externalNames = NERTrainer.parseNames(try readBytes(gazetteer)) }
        if folds > 0 {
            let perEpoch = trainer.crossValidate(trainDocs, folds: folds, extra: extraDocs) { line in print(line) }
            print("cross-validation, \(folds) folds of \(trainDocs.count) documents (+\(extraDocs.count) never held out), pooled:")
            for (index, score) in perEpoch.enumerated() {
                let s = score.prf(["PER", "ORG", "LOC"])
                let all = score.prf(["PER", "ORG", "LOC", "MISC"]).f1
                print("epoch \(index + 1): PER/ORG/LOC P \(bp(s.precision)) R \(bp(s.recall)) F1 \(bp(s.f1)); all four F1 \(bp(all))")
            }
            print("last epoch:\n" + (perEpoch.last?.report ?? ""))
            return
        }
        guard let out else { return }
        let model = trainer.train(trainDocs + extraDocs, dev: devDocs) { line in print(line) }
        let bytes = model.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        let seconds = Date().timeIntervalSince(start)
        print("wrote \(out): \(bytes.count) bytes, \(model.nonEmptyRows) non-empty rows; \(Int(seconds)) s")
    }
}

/// A fraction as a percentage with two decimals.
private func bp(_ x: Double) -> String { String(format: "%.2f", 100 * x) }

/// The bytes of a file, with the path in the error when it cannot be read.
func readBytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read \(path)")
    }
    return [UInt8](data)
}
