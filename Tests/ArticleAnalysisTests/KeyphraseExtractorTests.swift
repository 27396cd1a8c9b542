@testable import ArticleAnalysis
import XCTest

final class KeyphraseExtractorTests: XCTestCase {
    func extract(_ string: String, entities: [Entity] = []) -> [Keyphrase] {
        let text = ScalarText(string)
        return KeyphraseExtractor().extract(text, Segmenter().segment(text), entities)
    }

    /// expected.md: good keyphrases include al-Nusrah, al-Julani, attacks on the West, Khorasan
    /// Group, Islamic State, Assad regime. At least three of them must be among the ten.
    func testReferenceArticleFindsExpectedPhrases() throws {
        let analysis = try ReaderFixtures.bundledPipeline().analyze(
            ArticleInput(bytes: try ReaderFixtures.referenceArticle(), name: "al-nusrah-interview.txt"))
        let phrases = analysis.keyphrases.map { $0.text.lowercased() }
        XCTAssertEqual(phrases.count, 10)
        let expected = ["al-nusrah", "al-julani", "attacks on the west", "khorasan group", "islamic state", "assad regime"]
        let found = expected.filter { phrases.contains($0) }
        XCTAssertGreaterThanOrEqual(found.count, 3, "\(analysis.keyphrases)")
    }

    func testScoresFallAndStopWordsNeverStandAlone() throws {
        for article in try ReaderFixtures.wikinews().prefix(40) {
            let analysis = try ReaderFixtures.bundledPipeline().analyze(ArticleInput(bytes: article.bytes, name: article.file))
            let phrases = analysis.keyphrases
            XCTAssertFalse(phrases.isEmpty, article.file)
            XCTAssertEqual(phrases.first?.score, 1, article.file)
            for (a, b) in zip(phrases, phrases.dropFirst()) { XCTAssertGreaterThanOrEqual(a.score, b.score, article.file) }
            for phrase in phrases {
                let words = phrase.text.lowercased().split(separator: " ").map(String.init)
                XCTAssertFalse(EnglishWords.stopWords.contains(words.first!), "\(article.file): \(phrase.text)")
                XCTAssertFalse(EnglishWords.stopWords.contains(words.last!), "\(article.file): \(phrase.text)")
                XCTAssertTrue(analysis.text.string.contains(phrase.text), "\(article.file): \(phrase.text)")
            }
            // No two phrases with the same stemmed content words.
            let keys = phrases.map { phrase in
                phrase.text.lowercased().split(separator: " ").map { EnglishWords.stem(String($0)) }
                    .filter { !EnglishWords.stopWords.contains($0) }.sorted()
            }
            XCTAssertEqual(Set(keys).count, keys.count, "\(article.file): \(phrases.map(\.text))")
        }
    }

    func testNearDuplicatesFold() {
        let phrases = extract("""
            The group plans attacks on the West. Officials fear attacks on the West. \
            The leader said he would not attack the West. Attacks on the West are not planned, he said.
            """).map(\.text)
        XCTAssert(phrases.contains("attacks on the West"), "\(phrases)")
        XCTAssertFalse(phrases.contains("attack the West"), "\(phrases)")
        XCTAssertFalse(phrases.contains("Attacks on the West"), "\(phrases)")
    }

    func testPartsOfPhrasesAndNamesFold() {
        let phrases = extract("""
            US intelligence tracked the Khorasan Group for months. The Khorasan Group was tasked with plotting. \
            Officials said the Khorasan Group is small. Jamal Khashoggi wrote columns. Khashoggi was killed.
            """).map(\.text)
        XCTAssert(phrases.contains("Khorasan Group"), "\(phrases)")
        XCTAssertFalse(phrases.contains("Khorasan"), "\(phrases)")
        XCTAssertEqual(phrases.filter { $0.contains("Khashoggi") }.count, 1, "\(phrases)")
    }

    func testPhrasesDoNotCutNamesOrEndInVerbs() {
        let phrases = extract("""
            The leader of Jabhat al-Nusrah spoke. Jabhat al-Nusrah is an offshoot. \
            A plane in Nevada, United States crashed. Ford voluntarily disclosed the matter.
            """).map(\.text)
        XCTAssertFalse(phrases.contains("leader of Jabhat"), "\(phrases)")
        XCTAssertFalse(phrases.contains("Jabhat"), "\(phrases)")
        XCTAssert(phrases.contains("Jabhat al-Nusrah"), "\(phrases)")
        XCTAssertFalse(phrases.contains { $0.hasSuffix("crashed") || $0.contains("voluntarily") }, "\(phrases)")
    }

    func testSalientEntitiesAreBoosted() {
        let string = "Rescuers searched the rubble in Magnitogorsk. Rescuers found a boy. The rubble was cleared by rescuers."
        let plain = extract(string).map(\.text)
        XCTAssertNotEqual(plain.first, "Magnitogorsk")
        let span = TextSpan(start: 32, end: 44)
        XCTAssertEqual(ScalarText(string)[span], "Magnitogorsk")
        let city = Entity(id: "e1", type: .location, name: "Magnitogorsk", aliases: [], salience: 1,
                          mentions: [Mention(span: span, text: "Magnitogorsk")])
        XCTAssertEqual(extract(string, entities: [city]).first?.text, "Magnitogorsk")
    }

    func testEmptyTextHasNoPhrases() {
        XCTAssertEqual(extract(""), [])
        XCTAssertEqual(extract("It is what it is, and they were there."), [])
    }
}
