@testable import ArticleAnalysis
import XCTest

/// What makes the tagger read text beyond its 1996 Reuters training data: two-column files
/// (wikigold), names from outside the training data, cross-validation, and the form rules of
/// `MentionShape`.
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

    /// Shapes hand-made mentions over space-separated words; `gazetteer` gives per word the
    /// gazetteer bits (`NERDocument.gazetteerBits`).
    private func shaped(_ words: [String], _ mentions: [(Range<Int>, EntityType)], gazetteer: [Int: UInt16] = [:])
        -> [(String, EntityType)] {
        let text = ScalarText(words.joined(separator: " "))
        var tokens: [TextSpan] = []
        var offset = 0
        for word in words {
            tokens.append(TextSpan(start: offset, end: offset + word.unicodeScalars.count))
            offset += word.unicodeScalars.count + 1
        }
        let tagged = TaggedText(text: text, tokens: tokens, lexemes: tokens.map { NERLexeme(text.scalars[$0.start..<$0.end]) },
                                sentences: [0..<words.count], context: [UInt8](repeating: 0, count: words.count),
                                paragraphs: [TextSpan(start: 0, end: text.count)],
                                mentions: mentions.map { TaggedMention(tokens: $0.0, type: $0.1, sentence: 0) },
                                gazetteer: words.indices.map { gazetteer[$0] ?? 0 })
        return MentionShape.adjusted(tagged.mentions, tagged).map { m in
            (m.tokens.map { words[$0] }.joined(separator: " "), m.type)
        }
    }

    static let firstName: UInt16 = 1 << 3 // PER, U
    static let place: UInt16 = 1 << 11 // LOC, U

    func testTitlesAreCutAndTheNameAfterThemIsAPerson() {
        let r = shaped(["Cardinal", "George", "Pell", "met", "Pope", "Francis", "and", "General", "Motors"],
                       [(0..<3, .organization), (4..<6, .person), (7..<9, .organization)],
                       gazetteer: [1: Self.firstName])
        XCTAssertEqual(r.map(\.0), ["George Pell", "Francis", "General Motors"])
        XCTAssertEqual(r.map(\.1), [.person, .person, .organization])
        let office = shaped(["US", "Ambassador", "spoke"], [(0..<2, .organization)], gazetteer: [0: Self.place])
        XCTAssertEqual(office.map(\.0), ["US"])
        XCTAssertEqual(office.map(\.1), [.location])
    }

    func testPlaceOfficeAndHolderAreAPlaceAndAPerson() {
        let r = shaped(["US", "Secretary", "of", "State", "Mike", "Pompeo", "said"], [(0..<6, .organization)],
                       gazetteer: [0: Self.place, 4: Self.firstName])
        XCTAssertEqual(r.map(\.0), ["US", "Mike Pompeo"])
        XCTAssertEqual(r.map(\.1), [.location, .person])
    }

    func testPersonOfOrganisationIsSplit() {
        let r = shaped(["Ryan", "Cloutier", "of", "the", "Harvard", "Center", "spoke"], [(0..<6, .person)],
                       gazetteer: [0: Self.firstName])
        XCTAssertEqual(r.map(\.0), ["Ryan Cloutier", "Harvard Center"])
        XCTAssertEqual(r.map(\.1), [.person, .organization])
        // No first name before "of": one name ("Bank of England" is not split).
        let bank = shaped(["Federal", "Aviation", "Office", "of", "Germany"], [(0..<5, .organization)])
        XCTAssertEqual(bank.map(\.0), ["Federal Aviation Office of Germany"])
    }

    func testDesignatorsAndPlaceListsPullTheType() {
        let r = shaped(["Mahan", "Air", "flies", "to", "Karl", "Marx", "Avenue", "and", "the", "University", "of", "Essex",
                        "near", "Chelyabinsk", "and", "Jordan"],
                       [(0..<2, .person), (4..<7, .person), (9..<12, .location), (13..<14, .person), (15..<16, .person)],
                       gazetteer: [13: Self.place, 15: Self.place | Self.firstName])
        XCTAssertEqual(r.map(\.1), [.organization, .location, .organization, .location, .person])
    }
}
