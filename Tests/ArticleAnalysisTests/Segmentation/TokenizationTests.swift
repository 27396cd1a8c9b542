import XCTest
@testable import ArticleAnalysis

final class TokenizationTests: XCTestCase {
    private func tokens(_ string: String) -> [(text: String, kind: Token.Kind, flags: Token.Flags)] {
        let text = ScalarText(string)
        return Segmenter().segment(text).tokens.map { (text[$0.span], $0.kind, $0.flags) }
    }

    private func texts(_ string: String) -> [String] { tokens(string).map(\.text) }

    func testHyphenatedNamesStayWhole() {
        XCTAssertEqual(texts("Jabhat al-Nusrah and the ten-storey, eleven-month-old COVID-19 case"),
                       ["Jabhat", "al-Nusrah", "and", "the", "ten-storey", ",", "eleven-month-old", "COVID-19", "case"])
        XCTAssertTrue(tokens("al-Nusrah")[0].flags.contains(.hyphenated))
    }

    func testPossessiveAndCliticsSplitButNegationsStay() {
        XCTAssertEqual(texts("al-Qaeda’s plan"), ["al-Qaeda", "’s", "plan"])
        XCTAssertEqual(texts("the group's followers"), ["the", "group", "'s", "followers"])
        XCTAssertEqual(texts("Al-Nusra Front doesn’t know"), ["Al-Nusra", "Front", "doesn’t", "know"])
        XCTAssertEqual(texts("We’re sure they'll come, I'm told"), ["We", "’re", "sure", "they", "'ll", "come", ",", "I", "'m", "told"])
        XCTAssertEqual(texts("O'Rourke can't"), ["O'Rourke", "can't"])
        let possessive = tokens("al-Qaeda’s")[1]
        XCTAssertEqual(possessive.kind, .word)
        XCTAssertTrue(possessive.flags.contains(.clitic))
    }

    func testPluralPossessiveApostropheIsPunctuation() {
        XCTAssertEqual(texts("the victims’ families"), ["the", "victims", "’", "families"])
    }

    func testNumbers() {
        let result = tokens("1,000 people, 3.5 m, 19:45 CEST, the 116th Congress, the 1960s, 40% and $10,000; 5,6 and 7")
        let numbers = result.filter { $0.kind == .number }.map(\.text)
        XCTAssertEqual(numbers, ["1,000", "3.5", "19:45", "116th", "1960s", "40", "10,000", "5", "6", "7"])
        XCTAssertEqual(result.first { $0.text == "$" }?.kind, .symbol)
        XCTAssertEqual(result.first { $0.text == "%" }?.kind, .punctuation)
        XCTAssertEqual(texts("in 2019."), ["in", "2019", "."])
    }

    func testAbbreviationsKeepTheirPeriod() {
        XCTAssertEqual(texts("the U.S. Congress"), ["the", "U.S.", "Congress"])
        XCTAssertEqual(texts("Mr. Smith and Dr. Jones met Jan. 5"), ["Mr.", "Smith", "and", "Dr.", "Jones", "met", "Jan.", "5"])
        XCTAssertEqual(texts("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"])
        XCTAssertEqual(texts("e.g. this, i.e. that"), ["e.g.", "this", ",", "i.e.", "that"])
        XCTAssertEqual(texts("No. 5 but no."), ["No.", "5", "but", "no", "."])
        XCTAssertEqual(texts("a U.S.-based firm"), ["a", "U.S.", "-", "based", "firm"])
        XCTAssertTrue(tokens("U.S.")[0].flags.contains(.abbreviation))
        XCTAssertTrue(tokens("U.S.")[0].flags.contains(.allCaps))
        // Not an abbreviation: an ordinary word before a full stop.
        XCTAssertEqual(texts("it ended."), ["it", "ended", "."])
    }

    func testURLsEmailsAndDomains() {
        let result = tokens("See https://en.wikinews.org/wiki/Main_Page. Write to press@example.org, or Znak.com reports (www.example.com).")
        XCTAssertEqual(result.map(\.text), [
            "See", "https://en.wikinews.org/wiki/Main_Page", ".", "Write", "to", "press@example.org", ",", "or",
            "Znak.com", "reports", "(", "www.example.com", ")", ".",
        ])
        XCTAssertTrue(result[1].flags.contains(.url))
        XCTAssertTrue(result[5].flags.contains(.email))
        XCTAssertTrue(result[8].flags.contains(.url))
    }

    func testPunctuationIncludingTypographicQuotesIsSeparate() {
        XCTAssertEqual(texts("said: “We are here.” (Really?) — yes…"),
                       ["said", ":", "“", "We", "are", "here", ".", "”", "(", "Really", "?", ")", "—", "yes", "…"])
        XCTAssertEqual(texts("power[...] Term"), ["power", "[", "...", "]", "Term"])
        XCTAssertEqual(tokens("“")[0].kind, .punctuation)
    }

    func testPathologicalRunsStayLinear() {
        // Each of these would cost quadratic time with an unbounded look-ahead at every token start.
        for unit in ["ab.", "a.", "x-", "1.", "a@", "ab.cd-"] {
            let string = String(repeating: unit, count: 5_000)
            let segmentation = Segmenter().segment(ScalarText(string))
            XCTAssertFalse(segmentation.tokens.isEmpty, unit)
            XCTAssertEqual(segmentation.tokens.last?.span.end, string.unicodeScalars.count, unit)
        }
    }

    func testCapitalisationFlags() {
        let result = tokens("Syria FSB iPhone")
        XCTAssertEqual(result.map { $0.flags.contains(.capitalized) }, [true, true, false])
        XCTAssertEqual(result.map { $0.flags.contains(.allCaps) }, [false, true, false])
    }

    func testNonLatinWordsAndMarks() {
        XCTAssertEqual(texts("Дмитрий Кошелев, Gdańsk and Łukasz"), ["Дмитрий", "Кошелев", ",", "Gdańsk", "and", "Łukasz"])
        XCTAssertEqual(texts("cafe\u{301} ok"), ["cafe\u{301}", "ok"])
    }

    func testInvisibleCharactersAreNotTokens() {
        XCTAssertEqual(texts("Wikinews\u{200D}' Nick"), ["Wikinews", "'", "Nick"])
    }

    func testWordCountSkipsCliticsAndPunctuation() {
        let segmentation = Segmenter().segment(ScalarText("The group’s 1,000 members, he said."))
        XCTAssertEqual(segmentation.wordCount, 6)
    }

    func testTokenSpansNeverHoldWhiteSpaceAndAreOrdered() throws {
        try CorpusFiles.requireCorpus()
        let decoded = try ArticleDecoder().decode(XCTUnwrap(CorpusFiles.reference()))
        let text = ScalarText(ArticleCleaner().clean(decoded.text).body)
        let segmentation = Segmenter().segment(text)
        var previousEnd = 0
        for token in segmentation.tokens {
            XCTAssertFalse(token.span.isEmpty)
            XCTAssertGreaterThanOrEqual(token.span.start, previousEnd)
            previousEnd = token.span.end
            for i in token.span.start..<token.span.end { XCTAssertFalse(text.scalars[i].properties.isWhitespace) }
        }
    }
}
