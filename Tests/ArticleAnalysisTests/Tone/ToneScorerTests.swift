@testable import ArticleAnalysis
import ArticleModels
import XCTest

final class ToneScorerTests: XCTestCase {
    static let lexicon: Result<ToneLexicon, any Error> = Result { try BundledModels.toneLexicon() }

    func scorer() throws -> ToneScorer { ToneScorer(lexicon: try Self.lexicon.get()) }

    /// VADER's compound score of one sentence.
    func compound(_ sentence: String) throws -> Double {
        let text = ScalarText(sentence)
        var tokens: [ReaderToken] = [], words: [ToneScorer.SentenceWord] = []
        return try scorer().compound(text.scalars, TextSpan(start: 0, end: text.count), &tokens, &words)
    }

    func testLexiconIsVADERs() throws {
        let lexicon = try Self.lexicon.get()
        XCTAssertGreaterThan(lexicon.valences.count, 7000)
        XCTAssertEqual(lexicon.valences["good"], 1.9)
        XCTAssertEqual(lexicon.valences["terrorist"], -3.7)
        XCTAssertEqual(lexicon.boosters["very"], 0.293)
        XCTAssertEqual(lexicon.boosters["barely"], -0.293)
        XCTAssert(lexicon.negations.contains("never"))
        XCTAssertThrowsError(try ToneLexicon(tsv: Array("v\tgood\n".utf8)))
    }

    /// The compound scores vaderSentiment 3.3.2 gives these sentences (its own examples and a few
    /// more), to four decimals.
    func testSentenceScoresMatchVADER() throws {
        let expected: [(String, Double)] = [
            ("VADER is smart, handsome, and funny.", 0.8316),
            ("VADER is very smart, handsome, and funny.", 0.8545),
            ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
            ("VADER is not smart, handsome, nor funny.", -0.7424),
            ("The book was good.", 0.4404),
            ("At least it isn't a horrible book.", 0.431),
            ("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042),
            ("The attack was not a disaster.", 0.05),
            ("It was a kind of good day.", 0.3832),
            ("The book was extremely good!", 0.54),
            ("The militants killed dozens of people in a terrorist attack.", -0.9231),
        ]
        for (sentence, score) in expected {
            XCTAssertEqual(try compound(sentence), score, accuracy: 0.00005, sentence)
        }
    }

    func testNegationBoostersAndCapitals() throws {
        XCTAssertLessThan(try compound("The plan is not good."), 0)
        XCTAssertGreaterThan(try compound("The plan is very good."), try compound("The plan is good."))
        XCTAssertLessThan(try compound("The plan is barely good."), try compound("The plan is good."))
        XCTAssertGreaterThan(try compound("The plan is GOOD, they said."), try compound("The plan is good, they said."))
        XCTAssertEqual(try compound("The typographic apostrophe: it isn’t good."), try compound("The typographic apostrophe: it isn't good."))
    }

    func testArticleParagraphsAndExtremes() throws {
        let text = ScalarText("The rescue was a wonderful success. Everyone was happy.\n\nThe attack killed ten people. It was a horrible tragedy.\n\nThe meeting is at noon.")
        let segmentation = Segmenter().segment(text)
        let tone = try XCTUnwrap(try scorer().score(text, segmentation))
        XCTAssertEqual(tone.paragraphs.count, 3)
        XCTAssertGreaterThan(tone.paragraphs[0], 0.5)
        XCTAssertLessThan(tone.paragraphs[1], -0.5)
        XCTAssertEqual(tone.paragraphs[2], 0)
        XCTAssertEqual(tone.mostPositive?.text, "The rescue was a wonderful success.")
        XCTAssertEqual(tone.mostNegative?.text, "It was a horrible tragedy.")
        XCTAssertEqual(tone.mostNegative.map { text[$0.span] }, "It was a horrible tragedy.")
    }

    func testNeutralTextHasNoExtremes() throws {
        let text = ScalarText("The meeting is at noon. The building has four floors.")
        let tone = try XCTUnwrap(try scorer().score(text, Segmenter().segment(text)))
        XCTAssertEqual(tone.label, "neutral")
        XCTAssertNil(tone.mostNegative)
        XCTAssertNil(tone.mostPositive)
    }

    func testWithoutLexiconThereIsNoTone() {
        let text = ScalarText("The rescue was a wonderful success.")
        XCTAssertNil(ToneScorer().score(text, Segmenter().segment(text)))
    }

    /// expected.md: negative overall (attacks, terrorist, suicide bombers, bitter rivals).
    func testReferenceArticleIsNegative() throws {
        let analysis = try ReaderFixtures.bundledPipeline().analyze(
            ArticleInput(bytes: try ReaderFixtures.referenceArticle(), name: "al-nusrah-interview.txt"))
        let tone = try XCTUnwrap(analysis.tone)
        XCTAssertEqual(tone.label, "negative")
        XCTAssertLessThan(tone.overall, -0.05)
        XCTAssertEqual(tone.paragraphs.count, analysis.segmentation.paragraphs.count)
        let negative = try XCTUnwrap(tone.mostNegative)
        XCTAssertEqual(analysis.text[negative.span], negative.text)
    }

    /// The rule words' hash constants are their `WordHash`es.
    func testRuleWordConstants() {
        typealias W = ToneScorer.Word
        let expected: [(UInt64, String)] = [
            (W.no, "no"), (W.but, "but"), (W.kind, "kind"), (W.of, "of"), (W.least, "least"), (W.at, "at"),
            (W.very, "very"), (W.never, "never"), (W.so, "so"), (W.this, "this"), (W.without, "without"),
            (W.doubt, "doubt"), (W.or, "or"), (W.nor, "nor"),
        ]
        for (hash, word) in expected { XCTAssertEqual(hash, WordHash.of(word), word) }
    }

    /// Every word of a multi-word special case is marked as a phrase word, so its phrase is looked up.
    func testPhraseWordsCoverEveryPhrase() throws {
        let lexicon = try Self.lexicon.get()
        XCTAssertFalse(lexicon.specialCases.isEmpty)
        for key in lexicon.specialCases.keys where key.contains(" ") {
            for word in key.split(separator: " ") { XCTAssert(lexicon.words[WordHash.of(String(word))].isPhraseWord, key) }
        }
    }

    /// The word table gives each lexicon word the valence, booster value and negation flag of the
    /// lexicon's tables, and nothing to a word outside them.
    func testWordTableMatchesTheLexicon() throws {
        let lexicon = try Self.lexicon.get()
        // Entries that hash alike (":P" and ":p") keep the value of the first in sorted order.
        func byHash(_ table: [String: Double]) -> [UInt64: Double] {
            var values: [UInt64: Double] = [:]
            for (word, value) in table.sorted(by: { $0.key < $1.key }) where values[WordHash.of(word)] == nil {
                values[WordHash.of(word)] = value
            }
            return values
        }
        for (hash, valence) in byHash(lexicon.valences) { XCTAssertEqual(lexicon.words[hash].valence, valence) }
        for (hash, booster) in byHash(lexicon.boosters) { XCTAssertEqual(lexicon.words[hash].booster, booster) }
        for word in lexicon.negations { XCTAssert(lexicon.words[WordHash.of(word)].isNegation, word) }
        XCTAssert(lexicon.words[WordHash.of("good")].valence == 1.9 && !lexicon.words[WordHash.of("good")].isNegation)
        for word in ["zzyzx", "qwertyuiop", ""] { XCTAssertEqual(lexicon.words[WordHash.of(word)], ToneWordTable.Entry(), word) }
    }

    /// A small table: hashes that fill their bucket (the rest overflow), hashes that differ only in
    /// the bits the bucket number holds, and a hash listed twice each find their own entry; other
    /// hashes find entry 0.
    func testWordTableLooksUpEveryHashExactly() {
        // Hashes are chosen by their mixed value (`hash &* 0x9E37_79B9_7F4A_7C15`), which picks the bucket.
        var inverse: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<6 { inverse = inverse &* (2 &- 0x9E37_79B9_7F4A_7C15 &* inverse) }
        func hash(mixed: UInt64) -> UInt64 { mixed &* inverse }
        XCTAssertEqual(hash(mixed: 12345) &* 0x9E37_79B9_7F4A_7C15, 12345)
        let a = ToneWordTable.Entry(valence: 1.5, booster: nil, isNegation: false, isPhraseWord: false)
        let b = ToneWordTable.Entry(valence: nil, booster: 0.293, isNegation: true, isPhraseWord: false)
        let c = ToneWordTable.Entry(valence: -2, booster: nil, isNegation: false, isPhraseWord: true)
        var words: [(hash: UInt64, entry: ToneWordTable.Entry)] = []
        for n in 0..<40 { words.append((hash(mixed: 0x0123_4567_0000_0000 | UInt64(n) << 8), [a, b, c][n % 3])) }  // one bucket
        words.append((hash(mixed: 0x8123_4567_0000_0000), b))  // differs from the first only in the top bit
        words.append((hash(mixed: 0x0123_4567_0000_0000), c))  // listed twice: the first entry stays
        let table = ToneWordTable(words)
        for n in 0..<40 { XCTAssertEqual(table[hash(mixed: 0x0123_4567_0000_0000 | UInt64(n) << 8)], [a, b, c][n % 3], "\(n)") }
        XCTAssertEqual(table[hash(mixed: 0x8123_4567_0000_0000)], b)
        XCTAssertEqual(table[hash(mixed: 0x0123_4567_0000_0000 | 40 << 8)], ToneWordTable.Entry())
        XCTAssertEqual(table[hash(mixed: 0x4123_4567_0000_0000)], ToneWordTable.Entry())
        XCTAssertEqual(table[0], ToneWordTable.Entry())
        XCTAssertEqual(ToneWordTable([])[42], ToneWordTable.Entry())
    }
}
