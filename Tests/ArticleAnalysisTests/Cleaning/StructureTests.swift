import XCTest
@testable import ArticleAnalysis

/// Plain text is not only wrapped prose: lines that stand alone keep a paragraph of their own.
/// The texts are written for these tests, in the shapes of wire copy, results and interviews.
final class StructureTests: XCTestCase {
    let cleaner = ArticleCleaner()

    private func paragraphs(_ text: String) -> [String] {
        let body = cleaner.clean(text).body
        return body.isEmpty ? [] : body.components(separatedBy: "\n\n")
    }

    func testResultsRowsAreNotJoinedIntoProse() {
        let text = """
            SOCCER - WELSH LEAGUE RESULTS .
            CARDIFF 2003-04-12
            Results of Welsh league matches played on Saturday :
            Newport 2 Swansea 1
            Wrexham 0 Bangor 0
            Standings ( played , won , drawn , lost , points ) :
            Newport 5 4 1 0 13
            Swansea 5 3 0 2 9
            """
        XCTAssertEqual(paragraphs(text), [
            "SOCCER - WELSH LEAGUE RESULTS .", "CARDIFF 2003-04-12",
            "Results of Welsh league matches played on Saturday :", "Newport 2 Swansea 1", "Wrexham 0 Bangor 0",
            "Standings ( played , won , drawn , lost , points ) :", "Newport 5 4 1 0 13", "Swansea 5 3 0 2 9",
        ])
    }

    func testRankedListsAndBulletsStandAlone() {
        let text = """
            Final standings of the women's 500 metres:
            1. Maria Keller ( Austria ) 39.17
            2. Ilse Moen ( Norway ) 39.40
            • Olga Petrova withdrew
            • Anna Berg was disqualified
            """
        XCTAssertEqual(paragraphs(text), [
            "Final standings of the women's 500 metres:", "1. Maria Keller ( Austria ) 39.17", "2. Ilse Moen ( Norway ) 39.40",
            "• Olga Petrova withdrew", "• Anna Berg was disqualified",
        ])
    }

    func testInterviewLinesStandAloneAndAreNeverRemoved() {
        let text = """
            Wikinews interviewed the candidate by e-mail.

            [Wikinews] Why are you running?
            [Jane Smith] Because the town needs a library
            Q: When will you decide?
            A: In May
            Smith: Thank you
            """
        let cleaned = cleaner.clean(text)
        XCTAssertEqual(cleaned.removed, [])
        XCTAssertEqual(paragraphs(text), [
            "Wikinews interviewed the candidate by e-mail.", "[Wikinews] Why are you running?",
            "[Jane Smith] Because the town needs a library", "Q: When will you decide?", "A: In May", "Smith: Thank you",
        ])
    }

    func testHardWrappedProseIsStillJoined() {
        let text = """
            The minister said on Tuesday that the talks would resume next week in
            Geneva, after a pause of several months. Officials from both countries
            declined to comment on the details.

            Results
            """
        XCTAssertEqual(paragraphs(text).first, "The minister said on Tuesday that the talks would resume next week in Geneva, after a pause of several months. Officials from both countries declined to comment on the details.")
    }

    func testWrappedProseWithNumbersIsJoined() {
        let text = """
            The building collapsed on 31 December 2018 and again in
            2019, when 34 people died and the council said that the
            site would be cleared within 12 months of the inquiry.
            """
        XCTAssertEqual(paragraphs(text).count, 1)
    }

    func testAHeadingAboveProseInOneBlockKeepsItsOwnParagraph() {
        let text = "Background\nThe dispute over the border goes back to a treaty signed in the nineteenth century."
        XCTAssertEqual(paragraphs(text), ["Background", "The dispute over the border goes back to a treaty signed in the nineteenth century."])
    }

    func testBylineIsKeptAndReported() {
        let cleaned = cleaner.clean("Storm closes ports\n\nBy Jane Smith and Ahmed Khan, Reuters\n\nThe storm closed three ports on the coast on Monday, officials said.")
        XCTAssertEqual(cleaned.title, "Storm closes ports")
        XCTAssertEqual(cleaned.byline, Byline(text: "By Jane Smith and Ahmed Khan, Reuters", span: TextSpan(start: 0, end: 37)))
        XCTAssertTrue(cleaned.body.hasPrefix("By Jane Smith and Ahmed Khan, Reuters\n\nThe storm"))
    }

    func testDatelineWithAPlaceStaysInTheTextWithThePlaceSpan() throws {
        let cleaned = cleaner.clean("TENNIS - KELLER WINS IN VIENNA .\nVIENNA 1996-08-30\nMaria Keller won the final on Friday .")
        let dateline = try XCTUnwrap(cleaned.dateline)
        XCTAssertEqual(dateline.text, "VIENNA 1996-08-30")
        XCTAssertEqual(dateline.date, "1996-08-30")
        let place = try XCTUnwrap(dateline.place)
        XCTAssertEqual(ScalarText(cleaned.body)[place], "VIENNA")
        // Several words, and a date written out.
        XCTAssertEqual(DatelineParser.parse(TextLine.split("NEW YORK, Jan 4, 2019")[0])?.placeInLine, 0..<8)
        XCTAssertNil(DatelineParser.parse(TextLine.split("Police said 2019-01-04")[0]))
    }

    func testLineShapes() {
        func shape(_ line: String) -> LineShape? { LineShape.of(TextLine.split(line)[0]) }
        XCTAssertEqual(shape("DALLAS 16 10 1 77 66 33"), .tableRow)
        XCTAssertEqual(shape("Chelsea 2 Everton 2"), .tableRow)
        XCTAssertEqual(shape("3) Berlin"), .listItem)
        XCTAssertEqual(shape("- Paris"), .listItem)
        XCTAssertEqual(shape("Q: Why?"), .speakerLine)
        XCTAssertEqual(shape("[John Smith] Yes."), .speakerLine)
        XCTAssertEqual(shape("By Jane Smith"), .byline)
        XCTAssertNil(shape("On 12 March 2019, 34 people died in the fire."))
        XCTAssertNil(shape("2019, when 34 people died and the council said that the"))
        XCTAssertEqual(shape("Bragantino 1 Vasco da Gama 2"), .tableRow)
        XCTAssertNil(shape("He continued:"))
        XCTAssertNil(shape("Officials said: the talks will resume."))
    }
}
