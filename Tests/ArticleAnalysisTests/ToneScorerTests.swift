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

    /// Every word of a multi-word special case is in `phraseWords`, so its phrase is looked up.
    func testPhraseWordsCoverEveryPhrase() throws {
        let lexicon = try Self.lexicon.get()
        XCTAssertFalse(lexicon.phraseWords.count == 0)
        for key in lexicon.specialCases.keys where key.contains(" ") {
            for word in key.split(separator: " ") { XCTAssert(lexicon.phraseWords.contains(WordHash.of(String(word))), key) }
        }
    }
}
