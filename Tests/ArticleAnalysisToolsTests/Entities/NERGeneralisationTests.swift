@testable import ArticleAnalysis
@testable import ArticleAnalysisTools
import XCTest

/// Training beyond 1996 Reuters: two-column files (wikigold), names from outside the training
/// data, cross-validation.
final class NERGeneralisationTests: XCTestCase {
    func testCoNLLReaderReadsTwoColumnFiles() {
        // wikigold's format: `token tag`, "-DOCSTART- O" between documents.
        let file = """
        -DOCSTART- O

        The O
        University I-ORG
        of I-ORG
        Geneva I-ORG
        hired O
        Michel I-PER
        Mayor I-PER
        . O

        -DOCSTART- O

        Geneva I-LOC

        """
        let docs = CoNLLCorpus.parse(Array(file.utf8))
        XCTAssertEqual(docs.count, 2)
        XCTAssertEqual(docs[0].entities.map { $0.range }, [1..<4, 5..<7])
        XCTAssertEqual(docs[0].entities.map { $0.type }, ["ORG", "PER"])
        XCTAssertEqual(docs[1].entities.map { $0.type }, ["LOC"])
    }

    func testGazetteerFileNamesReachTheModel() {
        let names = NERTrainer.parseNames(Array("LOC\tChelyabinsk\nPER\tVeronika\nbad line\nXYZ\tNothing\nLOC\tNew Orleans\n".utf8))
        XCTAssertEqual(names.map(\.name), ["Chelyabinsk", "Veronika", "New Orleans"])
        var lines = ["-DOCSTART- -X- O O", ""]
        for _ in 0..<10 { lines += ["Paris x x I-LOC", "is x x O", "big x x O", ". x x O", ""] }
        let docs = CoNLLCorpus.parse(Array(lines.joined(separator: "\n").utf8))
        var trainer = NERTrainer(epochs: 1, seed: 1, rowBits: 12)
        trainer.externalNames = names
        let model = trainer.train(docs, dev: []) { _ in }
        let words = ["Rain", "in", "New", "Orleans", "and", "Chelyabinsk"]
        let document = NERDocument(lexemes: words.map { NERLexeme($0.unicodeScalars) }, sentences: [0..<6],
                                   gazetteer: model.gazetteer)
        let loc = 2 // LOC is type 2: bits 8 B, 9 I, 10 L, 11 U
        XCTAssertEqual(document.gazetteerBits[2] & (1 << (4 * loc)), 1 << (4 * loc), "New: first word of a place")
        XCTAssertEqual(document.gazetteerBits[3] & (1 << (4 * loc + 2)), 1 << (4 * loc + 2), "Orleans: last word")
        XCTAssertEqual(document.gazetteerBits[5] & (1 << (4 * loc + 3)), 1 << (4 * loc + 3), "Chelyabinsk: a whole place")
        XCTAssertEqual(document.gazetteerBits[0], 0)
        // Still one file: the names travel inside the model's bytes.
        let reread = try? NERModel(bytes: model.serialized())
        XCTAssertEqual(reread?.gazetteer.count, model.gazetteer.count)
    }

    func testCrossValidationHoldsOutEveryDocumentOnce() {
        var lines: [String] = []
        let people = ["Smith", "Jones", "Brown", "Green"], places = ["Paris", "Berlin", "Madrid", "Rome"]
        for i in 0..<20 {
            lines += ["-DOCSTART- -X- O O", "", "Mr x x O", "\(people[i % 4]) x x I-PER", "went x x O", "to x x O",
                      "\(places[i % 4]) x x I-LOC", ". x x O", ""]
        }
        let docs = CoNLLCorpus.parse(Array(lines.joined(separator: "\n").utf8))
        XCTAssertEqual(docs.count, 20)
        let perEpoch = NERTrainer(epochs: 2, seed: 3, rowBits: 12).crossValidate(docs, folds: 5) { _ in }
        XCTAssertEqual(perEpoch.count, 2)
        // Every document is scored once per epoch: 20 people and 20 places in gold.
        XCTAssertEqual(perEpoch[1].byType["PER"]?.gold, 20)
        XCTAssertEqual(perEpoch[1].byType["LOC"]?.gold, 20)
    }
}
