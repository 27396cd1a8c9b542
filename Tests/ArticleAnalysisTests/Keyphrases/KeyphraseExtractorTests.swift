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

    /// The shared word pass hashes stems and notes capitals in place; it must agree with the
    /// reference functions (`EnglishWords.stem`, `WordHash.of`, `WordScanner.containsUppercase`,
    /// `WordScanner.isAllCaps`) on every word of the corpus and on awkward forms.
    func testReaderWordsAgreeWithReferenceFunctions() throws {
        var texts = try ReaderFixtures.wikinews().map { String(decoding: $0.bytes, as: UTF8.self) }
        texts.append("""
            Cities’ bosses say the Dutchess of Kent's KELVIN-SCALE \u{212A}elvins, crashes, wishes, boxes, \
            passes, dressing, speed, hundred, rally, basically, supply, isn’t, A's, x's, ÉTATS-UNIS, Ürümqi, \
            UN’s, FSB’S, A1'S, U.S. e.g. 2019-01-05 116th ЗИНИЧЕВ Зиничев ies sses ing ed.
            """)
        var buffer: [UInt32] = []
        for string in texts {
            let text = ScalarText(string)
            let s = text.scalars
            let words = ReaderWords(s, Segmenter().segment(text))
            var tokens: [ReaderToken] = []
            for k in words.spans.indices {
                let span = words.spans[k]
                let before = tokens.count
                WordScanner.scan(s, span.start..<span.end, into: &tokens)
                XCTAssertEqual(tokens.count - before, words.range(k).count)
            }
            XCTAssertEqual(tokens.count, words.words.count)
            for (word, token) in zip(words.words, tokens) {
                XCTAssertEqual(word.token.start, token.start)
                XCTAssertEqual(word.token.end, token.end)
                XCTAssertEqual(word.token.kind, token.kind)
                XCTAssertEqual(word.token.spaceBefore, token.spaceBefore)
                let surface = String(String.UnicodeScalarView(s[token.start..<token.end]))
                switch token.kind {
                case .punctuation:
                    XCTAssertEqual(word.hash, 0)
                case .number:
                    XCTAssertEqual(word.hash, WordHash.of(surface))
                case .word:
                    let end = WordScanner.endWithoutPossessive(s, token)
                    XCTAssertEqual(word.strippedEnd, end)
                    XCTAssertEqual(word.hash, WordHash.of(surface), surface)
                    XCTAssertEqual(word.strippedHash, WordHash.of(s, token.start, end), surface)
                    let content = EnglishWords.contentStemHash(s, token.start, end, &buffer)
                    XCTAssertEqual(word.isContent, content != nil, surface)
                    XCTAssertEqual(word.stemHash, content ?? 0, surface)
                    XCTAssertEqual(word.hasUppercase, WordScanner.containsUppercase(s, token.start, end), surface)
                    XCTAssertEqual(word.isAllCaps, WordScanner.isAllCaps(s, token.start, end), surface)
                    XCTAssertEqual(word.isAllCapsToken, WordScanner.isAllCaps(s, token.start, token.end), surface)
                }
            }
        }
    }

    /// The shared pass numbers the content words' stems 0, 1, 2, ... in order of first occurrence:
    /// words with one stem share a number, other words have none.
    func testReaderWordsNumberStemsInOrderOfFirstOccurrence() throws {
        var texts = try ReaderFixtures.wikinews().prefix(20).map { String(decoding: $0.bytes, as: UTF8.self) }
        texts.append("Attacks on the West. The attack, attacking wests; cities and a city.")
        for string in texts {
            let text = ScalarText(string)
            let words = ReaderWords(text.scalars, Segmenter().segment(text))
            var numbers: [UInt64: Int32] = [:]
            for word in words.words {
                guard word.isContent else {
                    XCTAssertEqual(word.term, -1)
                    continue
                }
                let expected = numbers[word.stemHash] ?? Int32(numbers.count)
                numbers[word.stemHash] = expected
                XCTAssertEqual(word.term, expected)
                XCTAssertEqual(words.termIndex[word.stemHash], expected)
            }
            XCTAssertEqual(words.termCount, numbers.count)
        }
    }

    func testStemsMatchTheStemmer() {
        for word in ["cities", "bosses", "churches", "wishes", "boxes", "passes", "bus", "analysis", "attacks", "boss",
                     "dressing", "sing", "crashed", "bed", "red", "it's", "a's", "ies", "sses", "xes", "ing", "ed", "news",
                     "dutchess's", "\u{212A}ELVINS", "ÉTATS", "İSTANBULS"] {
            let s = Array(word.unicodeScalars)
            let stemmed = EnglishWords.stem(word)
            let hash = s.withUnsafeBufferPointer { EnglishWords.stemHash($0.baseAddress!, 0, s.count) }
            XCTAssertEqual(hash, WordHash.of(stemmed), "\(word) -> \(stemmed)")
        }
    }

    func testEmptyTextHasNoPhrases() {
        XCTAssertEqual(extract(""), [])
        XCTAssertEqual(extract("It is what it is, and they were there."), [])
    }
}
