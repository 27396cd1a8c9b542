@testable import ArticleAnalysis
import XCTest

final class DateFinderTests: XCTestCase {
    func find(_ string: String, reference: String? = "2019-01-05") -> [DateMention] {
        let text = ScalarText(string)
        return DateFinder().find(text, Segmenter().segment(text), reference: reference)
    }

    func values(_ string: String, reference: String? = "2019-01-05") -> [String] {
        find(string, reference: reference).map(\.value)
    }

    func testCivilDateArithmetic() {
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1).dayNumber, 0)
        XCTAssertEqual(CivilDate(year: 2000, month: 3, day: 1).dayNumber, 11_017)
        XCTAssertEqual(CivilDate(dayNumber: 11_017), CivilDate(year: 2000, month: 3, day: 1))
        XCTAssertEqual(CivilDate(year: 2019, month: 1, day: 5).weekday, 6)  // Saturday
        XCTAssertEqual(CivilDate(year: 2019, month: 1, day: 1).adding(days: -1).iso, "2018-12-31")
        XCTAssertEqual(CivilDate(year: 2020, month: 2, day: 28).adding(days: 1).iso, "2020-02-29")
        XCTAssertEqual(CivilDate(year: 1900, month: 2, day: 28).adding(days: 1).iso, "1900-03-01")
        XCTAssertEqual(CivilDate(iso: "2026-11-25T12:04:00Z"), CivilDate(year: 2026, month: 11, day: 25))
        XCTAssertNil(CivilDate(iso: "2019-02-30"))
        XCTAssertNil(CivilDate(iso: "yesterday"))
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            XCTAssertEqual(CivilDate(dayNumber: n).dayNumber, n)
        }
    }

    func testWeekdayIsTheMostRecentOnOrBeforeTheReference() {
        // Saturday, January 5, 2019.
        XCTAssertEqual(values("The ship sank on Thursday."), ["2019-01-03"])
        XCTAssertEqual(values("Voting ends on Saturday."), ["2019-01-05"])
        XCTAssertEqual(values("It began on Sunday."), ["2018-12-30"])
        XCTAssertEqual(values("It began last Saturday."), ["2018-12-29"])
        XCTAssertEqual(values("Talks resume next Friday."), ["2019-01-11"])
        XCTAssertEqual(values("Talks resume next Saturday."), ["2019-01-12"])
        let mention = find("Police said on Thursday that ...")[0]
        XCTAssertEqual(mention.text, "Thursday")
        XCTAssertEqual(find("It began last Monday.")[0].text, "last Monday")
    }

    func testRelativeDays() {
        XCTAssertEqual(values("Officials said yesterday that today is calm, and tomorrow may not be."),
                       ["2019-01-04", "2019-01-05", "2019-01-06"])
        XCTAssertEqual(values("Last year was worse than this year; next month will tell."), ["2018", "2019", "2019-02"])
        XCTAssertEqual(values("It happened yesterday.", reference: "2019-03-01T08:00:00Z"), ["2019-02-28"])
    }

    func testAbsoluteDatesAndYears() {
        XCTAssertEqual(values("The groups split in 2013 and met on January 5, 2019."), ["2013", "2019-01-05"])
        XCTAssertEqual(values("It was signed on 5 January 2019 and on 7 March, 2018."), ["2019-01-05", "2018-03-07"])
        XCTAssertEqual(values("Filed on 2019-01-05 at noon."), ["2019-01-05"])
        XCTAssertEqual(values("By March 2019 the work was done."), ["2019-03"])
        XCTAssertEqual(values("On Friday, January 4, 2019, it rained."), ["2019-01-04"])
        XCTAssertEqual(find("On Friday, January 4, 2019, it rained.")[0].text, "Friday, January 4, 2019")
        XCTAssertEqual(values("The 1973 building collapsed."), ["1973"])
        XCTAssertEqual(values("From 2005–2015 rates fell."), ["2005", "2015"])
    }

    func testDayAndMonthTakeTheNearestYear() {
        XCTAssertEqual(values("The vote on Jan. 5 was close."), ["2019-01-05"])
        XCTAssertEqual(find("The vote on Jan. 5 was close.")[0].text, "Jan. 5")
        XCTAssertEqual(values("It started on December 30."), ["2018-12-30"])
        XCTAssertEqual(values("It started on December 30.", reference: nil), ["--12-30"])
        XCTAssertEqual(values("It is due on the 21st of nothing, on February 21st."), ["2019-02-21"])
    }

    func testAmountsAreNotYears() {
        XCTAssertEqual(values("Over 1,000 people and 2000 troops came; it cost $2013 or 2013% more."), [])
        XCTAssertEqual(values("May God protect them, she said."), [])
    }

    func testWeekdaysNeedAReference() {
        XCTAssertEqual(values("The ship sank on Thursday.", reference: nil), [])
        XCTAssertEqual(values("The ship sank on Thursday.", reference: "not a date"), [])
    }

    func testOffsetsSliceTheText() {
        let string = "Rescue work resumed on Wednesday, in 2019, said Zinichev’s office on 3 January."
        let text = ScalarText(string)
        for mention in find(string, reference: "2019-01-04") {
            XCTAssertEqual(text[mention.span], mention.text)
        }
        XCTAssertEqual(values(string, reference: "2019-01-04"), ["2019-01-02", "2019", "2019-01-03"])
    }

    /// Every weekday in the Wikinews articles resolves to that weekday, within the week up to the
    /// article's dateline (the date in index.json), both from the stage alone and through the
    /// full pipeline with the cleaning stage reading the dateline.
    func testWikinewsWeekdaysResolveAgainstTheDateline() throws {
        let articles = try ReaderFixtures.wikinews()
        XCTAssertGreaterThan(articles.count, 100)
        let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        var resolved = 0
        let pipeline = try ReaderFixtures.bundledPipeline()
        for article in articles {
            let reference = CivilDate(iso: article.date)!
            let analysis = try pipeline.analyze(ArticleInput(bytes: article.bytes, name: article.file, received: article.date + "T12:00:00Z"))
            for mention in analysis.dates {
                let words = mention.text.lowercased().split(separator: " ")
                guard words.count <= 2, let weekday = names.firstIndex(of: String(words.last!)) else { continue }
                guard let date = CivilDate(iso: mention.value) else { return XCTFail("\(article.file): \(mention)") }
                XCTAssertEqual(date.weekday, weekday, "\(article.file): \(mention.text)")
                let back = reference.dayNumber - date.dayNumber
                switch words.first {
                case "next", "coming": XCTAssert((-7...(-1)).contains(back), "\(article.file): \(mention.text) = \(mention.value)")
                case "last", "past", "previous": XCTAssert((1...7).contains(back), "\(article.file): \(mention.text) = \(mention.value)")
                default: XCTAssert((0...6).contains(back), "\(article.file): \(mention.text) = \(mention.value) vs \(article.date)")
                }
                resolved += 1
            }
        }
        XCTAssertGreaterThan(resolved, 100)

        // Magnitogorsk, dated Friday, January 4, 2019.
        let magnitogorsk = try XCTUnwrap(articles.first { $0.file.hasPrefix("000-") })
        let analysis = try pipeline.analyze(ArticleInput(bytes: magnitogorsk.bytes, name: magnitogorsk.file, received: "2019-01-04T12:00:00Z"))
        let values = Dictionary(analysis.dates.map { ($0.text, $0.value) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(values["Monday"], "2018-12-31")
        XCTAssertEqual(values["Tuesday"], "2019-01-01")
        XCTAssertEqual(values["Wednesday"], "2019-01-02")
        XCTAssertEqual(values["yesterday"], "2019-01-03")
        XCTAssertEqual(values["1973"], "1973")
    }

    func testReferenceArticleMentions2013() throws {
        let analysis = try ReaderFixtures.bundledPipeline().analyze(
            ArticleInput(bytes: try ReaderFixtures.referenceArticle(), name: "al-nusrah-interview.txt"))
        XCTAssert(analysis.dates.contains { $0.value == "2013" && $0.text == "2013" }, "\(analysis.dates)")
    }

    /// The dates stage's scan of the paragraphs gives exactly `WordScanner.scan`'s tokens.
    func testDateScanMatchesWordScanner() throws {
        var texts = [
            "U.S. and e.g. Znak.com al-Qaeda’s doesn't 2019-01-05 2005–2015 5th Jan. 5, 2019 $2000 10% 1,000.",
            "Ünïcödé wörds, ЗАГЛАВНЫЕ буквы; digits ٣٤ and a-1 x.y. end.", "", " ", "a", "1-2-3 ...",
        ]
        for article in try ReaderFixtures.wikinews().prefix(40) { texts.append(String(decoding: article.bytes, as: UTF8.self)) }
        for text in texts {
            let s = Array(text.unicodeScalars)
            for range in [0..<s.count, (s.count / 3)..<s.count] {
                var expected: [ReaderToken] = [], actual: [ReaderToken] = []
                WordScanner.scan(s, range, into: &expected)
                let paragraph = TextSpan(start: range.lowerBound, end: range.upperBound)
                actual = ParagraphTokens(s, Segmentation(paragraphs: [paragraph], sentences: [], tokens: [])).words.map(\.token)
                XCTAssertEqual(expected.count, actual.count)
                for (e, a) in zip(expected, actual) {
                    XCTAssert(e.start == a.start && e.end == a.end && e.kind == a.kind && e.spaceBefore == a.spaceBefore)
                }
            }
        }
    }
}
