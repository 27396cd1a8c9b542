import XCTest
@testable import ArticleAnalysis

final class SentenceTests: XCTestCase {
    private func sentences(_ string: String) -> [String] {
        let text = ScalarText(string)
        return Segmenter().segment(text).sentences.map { text[$0.span] }
    }

    func testPlainSentences() {
        XCTAssertEqual(sentences("It rained. Then it stopped! Did it? Yes."), ["It rained.", "Then it stopped!", "Did it?", "Yes."])
    }

    func testTitlesAndInitialsDoNotEndASentence() {
        XCTAssertEqual(sentences("Mr. Smith met Dr. Jones and Gen. Lee. They talked."), ["Mr. Smith met Dr. Jones and Gen. Lee.", "They talked."])
        XCTAssertEqual(sentences("The book by J. R. R. Tolkien sold well. Robert F. Kennedy was shot."),
                       ["The book by J. R. R. Tolkien sold well.", "Robert F. Kennedy was shot."])
    }

    func testUSInsideAndAtTheEndOfASentence() {
        XCTAssertEqual(sentences("The U.S. Congress met. It was sworn in."), ["The U.S. Congress met.", "It was sworn in."])
        XCTAssertEqual(sentences("He moved to the U.S. The move was hard."), ["He moved to the U.S.", "The move was hard."])
        XCTAssertEqual(sentences("Roe v. Wade was decided in 1973."), ["Roe v. Wade was decided in 1973."])
    }

    func testMonthsAndTimes() {
        XCTAssertEqual(sentences("On Jan. 5 the vote was held. It passed."), ["On Jan. 5 the vote was held.", "It passed."])
        XCTAssertEqual(sentences("At 7:49 a.m. UTC it launched. It docked later."), ["At 7:49 a.m. UTC it launched.", "It docked later."])
    }

    func testCompanySuffixesCanEndASentence() {
        XCTAssertEqual(sentences("He works for Acme Inc. His brother does too."), ["He works for Acme Inc.", "His brother does too."])
        XCTAssertEqual(sentences("Apples, pears, etc. Fruit sells well."), ["Apples, pears, etc.", "Fruit sells well."])
    }

    func testDecimalsNumbersAndDomains() {
        XCTAssertEqual(sentences("Growth was 3.5 percent in 2019. Znak.com reported it first."),
                       ["Growth was 3.5 percent in 2019.", "Znak.com reported it first."])
    }

    func testQuotesClosingAfterThePeriod() {
        XCTAssertEqual(sentences("He said “it is over.” She agreed."), ["He said “it is over.”", "She agreed."])
        XCTAssertEqual(sentences("\"We will win.\" He smiled."), ["\"We will win.\"", "He smiled."])
        XCTAssertEqual(sentences("“Stop!” he shouted. Nobody did."), ["“Stop!” he shouted.", "Nobody did."])
        XCTAssertEqual(sentences("He said, 'Let's talk tomorrow.' \""), ["He said, 'Let's talk tomorrow.' \""])
    }

    func testEllipses() {
        XCTAssertEqual(sentences("He paused... and went on. It was late... The end."), ["He paused... and went on.", "It was late...", "The end."])
        XCTAssertEqual(sentences("“Term limits[...] They offer a solution.” He left."), ["“Term limits[...]", "They offer a solution.”", "He left."])
        XCTAssertEqual(sentences("It worked. [...] We won [...] by far."), ["It worked. [...]", "We won [...] by far."])
    }

    func testSentencesNeverCrossParagraphs() {
        let text = ScalarText("First paragraph without a full stop\n\nSecond one. Two sentences.")
        let segmentation = Segmenter().segment(text)
        XCTAssertEqual(segmentation.paragraphs.count, 2)
        XCTAssertEqual(segmentation.sentences.map { text[$0.span] }, ["First paragraph without a full stop", "Second one.", "Two sentences."])
        XCTAssertEqual(segmentation.sentences.map(\.paragraph), [0, 1, 1])
    }

    func testReferenceArticleSentences() throws {
        try CorpusFiles.requireCorpus()
        let decoded = try ArticleDecoder().decode(XCTUnwrap(CorpusFiles.reference()))
        let text = ScalarText(ArticleCleaner().clean(decoded.text).body)
        let segmentation = Segmenter().segment(text)
        let list = segmentation.sentences.map { text[$0.span] }
        XCTAssertEqual(segmentation.paragraphs.count, 10)
        XCTAssertEqual(list.count, 14)
        XCTAssertEqual(list.first, "The leader of Jabhat al-Nusrah, al-Qaeda’s official offshoot in Syria, has ordered his network of Islamic militants not to use Syria as a base from which to launch attacks on the West.")
        XCTAssertTrue(list.contains("Maybe al-Qaeda does that, but not here in Syria.”"))
        XCTAssertTrue(list.contains("Speaking to Ahmed Mansour, al-Julani said:"))
        XCTAssertEqual(segmentation.wordCount, 415)
    }
}
