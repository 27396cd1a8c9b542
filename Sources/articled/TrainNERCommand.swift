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

            Example:
              articled train-ner --train ../shared/data/conll2003/eng.train \\
                --dev ../shared/data/conll2003/eng.testa --out Sources/ArticleModels/Resources/ner.model
            """
    )

    @Option(help: ArgumentHelp("Training file (CoNLL-2003 format).", valueName: "path"))
    var train: String

    @Option(help: ArgumentHelp("Development file, scored after each epoch.", valueName: "path"))
    var dev: String?

    @Option(help: ArgumentHelp("Where to write the model.", valueName: "path"))
    var out: String

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
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1.") }
        guard (10...22).contains(rowBits) else { throw ValidationError("--row-bits must be between 10 and 22.") }
        guard (0...60000).contains(frequentWords) else { throw ValidationError("--frequent-words must be between 0 and 60000.") }
    }

    func run() throws {
        let start = Date()
        let trainDocs = CoNLLCorpus.parse(try readBytes(train))
        let devDocs = try dev.map { CoNLLCorpus.parse(try readBytes($0)) } ?? []
        let trainer = NERTrainer(epochs: epochs, seed: seed, rowBits: rowBits, frequentForms: frequentWords)
        let model = trainer.train(trainDocs, dev: devDocs) { line in print(line) }
        let bytes = model.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        let seconds = Date().timeIntervalSince(start)
        print("wrote \(out): \(bytes.count) bytes, \(model.nonEmptyRows) non-empty rows; \(Int(seconds)) s")
    }
}

/// The bytes of a file, with the path in the error when it cannot be read.
func readBytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read \(path)")
    }
    return [UInt8](data)
}
