@testable import ArticleAnalysis
@testable import ArticleAnalysisTools
import XCTest

/// Training and its input: the CoNLL reader and the trainer's determinism.
final class NERTrainerTests: XCTestCase {
    func testCoNLLReaderReadsIOB1Spans() {
        let file = """
        -DOCSTART- -X- O O

        EU NNP I-NP I-ORG
        rejects VBZ I-VP O
        German JJ I-NP I-MISC
        call NN I-NP O
        Peter NNP I-NP I-PER
        Blackburn NNP I-NP I-PER
        Jim NNP I-NP B-PER

        """
        let docs = CoNLLCorpus.parse(Array(file.utf8))
        XCTAssertEqual(docs.count, 1)
        XCTAssertEqual(docs[0].entities.map { $0.range }, [0..<1, 2..<3, 4..<6, 6..<7])
        XCTAssertEqual(docs[0].entities.map { $0.type }, ["ORG", "MISC", "PER", "PER"])
        let (text, spans) = docs[0].articleText()
        XCTAssertEqual(ScalarText(text)[spans[5]], "Blackburn")
    }

    func testTrainingIsDeterministicAndLearns() {
        // A tiny synthetic corpus: capitalised words after "Mr" are people, after "in" places.
        var lines = ["-DOCSTART- -X- O O", ""]
        let people = ["Smith", "Jones", "Brown", "Green"], places = ["Paris", "Berlin", "Madrid", "Rome"]
        for i in 0..<40 {
            lines += ["Mr x x O", "\(people[i % 4]) x x I-PER", "went x x O", "to x x O", "\(places[(i / 4) % 4]) x x I-LOC", ". x x O", ""]
        }
        let docs = CoNLLCorpus.parse(Array(lines.joined(separator: "\n").utf8))
        let trainer = NERTrainer(epochs: 3, seed: 7, rowBits: 12)
        let a = trainer.train(docs, dev: []) { _ in }
        let b = trainer.train(docs, dev: []) { _ in }
        XCTAssertEqual(a.serialized(), b.serialized())
        let score = NERTrainer.evaluate(a, docs)
        XCTAssertEqual(score.prf(["PER", "LOC"]).f1, 1, accuracy: 0.001)
    }
}
