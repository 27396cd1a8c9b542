@testable import ArticleAnalysis
import ArticleModels
import XCTest

/// The tagger's pieces: labels, tokeniser, model file format, resolution (training: NERTrainerTests).
final class NERModelTests: XCTestCase {
    func testBILOUConstraints() {
        let bPer = NERLabel.make(type: 0, .begin), iPer = NERLabel.make(type: 0, .inside)
        let lPer = NERLabel.make(type: 0, .last), uOrg = NERLabel.make(type: 1, .unit), lOrg = NERLabel.make(type: 1, .last)
        XCTAssertTrue(NERLabel.allowed(bPer, after: 0, isLast: false))
        XCTAssertFalse(NERLabel.allowed(bPer, after: 0, isLast: true))
        XCTAssertTrue(NERLabel.allowed(lPer, after: bPer, isLast: true))
        XCTAssertFalse(NERLabel.allowed(lOrg, after: bPer, isLast: false))
        XCTAssertFalse(NERLabel.allowed(0, after: iPer, isLast: false))
        XCTAssertTrue(NERLabel.allowed(uOrg, after: lPer, isLast: false))
        let labels = NERLabel.labels(count: 5, spans: [(0..<3, 0), (4..<5, 1)])
        XCTAssertEqual(labels, [bPer, iPer, lPer, 0, uOrg])
        XCTAssertEqual(NERLabel.spans(labels[...]).map { $0.range }, [0..<3, 4..<5])
    }

    func testGreedyRepairClosesANameInsteadOfRunningOn() {
        // Previous label I-PER; O scores best among the allowed labels: the name ends before.
        var scores = [Int32](repeating: -10, count: NERLabel.count)
        scores[0] = 5
        scores[Int(NERLabel.make(type: 1, .inside))] = 50   // forbidden after I-PER: ignored
        let iPer = NERLabel.make(type: 0, .inside)
        let choice = scores.withUnsafeMutableBufferPointer { NERLabel.choose($0.baseAddress!, after: iPer, isLast: false) }
        XCTAssertEqual(choice.label, 0)
        XCTAssertEqual(choice.previous, NERLabel.make(type: 0, .last))
    }

    private func tokens(_ string: String) -> [String] {
        let text = ScalarText(string)
        let result = NERTokenizer().tokenize(text, Segmenter().segment(text))
        return result.spans.map { text[$0] }
    }

    func testTokenizerFollowsCoNLLConventions() {
        XCTAssertEqual(tokens("al-Qaeda’s offshoot in Syria."), ["al-Qaeda", "’s", "offshoot", "in", "Syria", "."])
        XCTAssertEqual(tokens("“Al-Nusra Front doesn’t plan,” he said."),
                       ["“", "Al-Nusra", "Front", "does", "n’t", "plan", ",", "”", "he", "said", "."])
        XCTAssertEqual(tokens("The U.S. and Mr. Smith (Reuters) met on 1996-08-22 -- twice"),
                       ["The", "U.S.", "and", "Mr.", "Smith", "(", "Reuters", ")", "met", "on", "1996-08-22", "--", "twice"])
        XCTAssertEqual(tokens("the rebels’ base"), ["the", "rebels", "’", "base"])
    }

    func testTokenizerSentencesCoverEveryToken() {
        let text = ScalarText("First one here. Second one.\n\nA new paragraph without a stop")
        let result = NERTokenizer().tokenize(text, Segmenter().segment(text))
        XCTAssertEqual(result.sentences.first?.lowerBound, 0)
        XCTAssertEqual(result.sentences.last?.upperBound, result.spans.count)
        for (a, b) in zip(result.sentences, result.sentences.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
        XCTAssertGreaterThanOrEqual(result.sentences.count, 3)
    }

    func testNormalisedFormsMatchTypographicOnes() {
        let typographic = NERLexeme("’s".unicodeScalars), ascii = NERLexeme("'s".unicodeScalars)
        XCTAssertEqual(typographic.word, ascii.word)
        let name = NERLexeme("al-Nusrah".unicodeScalars)
        XCTAssertTrue(name.flags.contains(.particle))
        XCTAssertTrue(name.flags.contains(.hasCapital))
        XCTAssertTrue(NERLexeme("US".unicodeScalars).flags.contains(.allCapitals))
    }

    func testFoldingMatchesSpellingVariants() {
        XCTAssertEqual(EntityResolver.fold("al-Nusrah".unicodeScalars), EntityResolver.fold("Al-Nusra".unicodeScalars))
        XCTAssertEqual(EntityResolver.fold("Mohammed".unicodeScalars), EntityResolver.fold("Mohamed".unicodeScalars))
        XCTAssertEqual(EntityResolver.fold("U.S.".unicodeScalars), "us")
        XCTAssertNotEqual(EntityResolver.fold("Syria".unicodeScalars), EntityResolver.fold("Syrian".unicodeScalars))
    }

    func testModelFileRoundTrips() throws {
        var weights = [Int16](repeating: 0, count: (1 << 10) * NERLabel.count)
        weights[5] = 7; weights[17 * 300 + 16] = -32000; weights[17 * 1023] = 1
        let model = NERModel(rowBits: 10, weights: weights, scale: 2.5)
        let bytes = model.serialized()
        let read = try NERModel(bytes: bytes)
        XCTAssertEqual(read.weights, weights)
        XCTAssertEqual(read.rowBits, 10)
        XCTAssertEqual(read.nonEmptyRows, 3)
        XCTAssertThrowsError(try NERModel(bytes: Array(bytes.dropLast())))
        XCTAssertThrowsError(try NERModel(bytes: [0x41, 0x42, 0x43, 0x44]))
    }

    func testFrequentFormsRoundTripAndVersionTwoFilesStillLoad() throws {
        var weights = [Int16](repeating: 0, count: (1 << 10) * NERLabel.count)
        weights[40] = 9
        let model = NERModel(rowBits: 10, weights: weights, scale: 1, frequentForms: ["the", "said", "Mr.", "Zürich"])
        let bytes = model.serialized()
        let read = try NERModel(bytes: bytes)
        XCTAssertEqual(read.frequentForms, ["the", "said", "Mr.", "Zürich"])
        XCTAssertEqual(read.weights, weights)
        // A version 2 file is the same bytes without the list at the end.
        let listBytes = 4 + model.frequentForms.reduce(0) { $0 + 1 + $1.utf8.count }
        var versionTwo = Array(bytes.dropLast(listBytes))
        versionTwo[4] = 2
        let old = try NERModel(bytes: versionTwo)
        XCTAssertEqual(old.frequentForms, [])
        XCTAssertEqual(old.weights, weights)
    }

    func testFrequentFormsChangeNoEntity() throws {
        // The listed words' scores are worked out at load instead of per document: the same sums.
        let shipped = try BundledModels.nerModel()
        XCTAssertGreaterThan(shipped.frequentForms.count, 1000)
        let bare = NERModel(rowBits: shipped.rowBits, weights: shipped.weights, scale: shipped.scale, gazetteer: shipped.gazetteer)
        let text = ScalarText("""
        The United Nations said on Tuesday that talks between the government and rebel groups in \
        Yemen would resume next week in Geneva. "We are hopeful," said Martin Griffiths, the UN \
        envoy, who met President Abed Rabbo Mansour Hadi in Riyadh. Saudi Arabia and the United \
        Arab Emirates back the government; Iran is accused of arming the Houthi movement.

        Police in New York arrested two men after a fire at a Brooklyn warehouse owned by Amazon.
        """)
        let segmentation = Segmenter().segment(text)
        let withForms = EntityRecognizer(model: shipped).recognize(text, segmentation)
        XCTAssertEqual(EntityRecognizer(model: bare).recognize(text, segmentation), withForms)
        XCTAssertGreaterThan(withForms.count, 8)
    }

    func testGazetteerMarksNamesOfUpToFourTokensWithinTheirSentence() {
        func names(_ text: String) -> ArraySlice<NERLexeme> {
            ArraySlice(text.split(separator: " ").map { NERLexeme(String($0).unicodeScalars) })
        }
        var gazetteer = NERGazetteer()
        gazetteer.add(names("Bosnia and Herzegovina Republic"), type: 2)
        gazetteer.add(names("Paris"), type: 2)
        gazetteer.add(names("Paris"), type: 3)
        gazetteer.add(names("New York"), type: 1)
        // Sentences 0..<8 and 8..<10: "New" ends the first, "York" starts the second.
        let words = ["In", "Bosnia", "and", "Herzegovina", "Republic", ".", "Paris", "New", "York", "Times"]
        let document = NERDocument(lexemes: words.map { NERLexeme($0.unicodeScalars) }, sentences: [0..<8, 8..<10],
                                   gazetteer: gazetteer)
        let loc = 2, misc = 3  // bits 4 * type + 0 B, 1 I, 2 L, 3 U
        XCTAssertEqual(document.gazetteerBits, [0, 1 << (4 * loc), 1 << (4 * loc + 1), 1 << (4 * loc + 1), 1 << (4 * loc + 2), 0,
                                                1 << (4 * loc + 3) | 1 << (4 * misc + 3), 0, 0, 0])
    }

    func testEmptyRecognizerFindsNothing() {
        let text = ScalarText("Barack Obama visited Paris.")
        XCTAssertTrue(EntityRecognizer().recognize(text, Segmenter().segment(text)).isEmpty)
    }

    func testBundledModelLoadsAndTagsNames() throws {
        let recognizer = try BundledModels.entityRecognizer()
        let text = ScalarText("German Chancellor Helmut Kohl met officials of the European Commission in Brussels on Monday. Kohl said the talks went well.")
        let entities = recognizer.recognize(text, Segmenter().segment(text))
        let byName = Dictionary(entities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byName["Helmut Kohl"]?.type, .person)
        XCTAssertEqual(byName["Helmut Kohl"]?.aliases, ["Kohl"])
        XCTAssertEqual(byName["Brussels"]?.type, .location)
        XCTAssertEqual(byName["European Commission"]?.type, .organization)
    }

    func testAllCapitalHeadlineAndSentenceInitialCapitals() throws {
        let recognizer = try BundledModels.entityRecognizer()
        let text = ScalarText("RUSSIA SAYS TALKS WITH NATO WILL CONTINUE\n\nMoscow said on Tuesday that talks with NATO would go on. Then officials left.")
        let entities = recognizer.recognize(text, Segmenter().segment(text))
        XCTAssertTrue(entities.contains { $0.name == "Moscow" && $0.type == .location })
        XCTAssertTrue(entities.contains { ($0.name == "NATO" || $0.aliases.contains("NATO")) && $0.type == .organization })
        XCTAssertFalse(entities.contains { $0.name == "Then" })
        XCTAssertFalse(entities.contains { $0.name == "Tuesday" })
    }
}
