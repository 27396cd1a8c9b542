import Foundation
import XCTest
@testable import ArticleAnalysis

final class CleaningTests: XCTestCase {
    let cleaner = ArticleCleaner()

    private func paragraphs(_ cleaned: CleanedArticle) -> [String] {
        cleaned.body.isEmpty ? [] : cleaned.body.components(separatedBy: "\n\n")
    }

    private func rules(_ cleaned: CleanedArticle) -> [String: String] {
        Dictionary(cleaned.removed.map { ($0.text, $0.rule) }, uniquingKeysWith: { a, _ in a })
    }

    let prose = "The minister said on Tuesday that the talks would resume next week in Geneva."
    let prose2 = "Officials from both countries declined to comment on the details of the agreement."

    // MARK: The reference article

    func testReferenceArticleHasTenParagraphsNoTitleAndFourFurnitureLines() throws {
        try CorpusFiles.requireCorpus()
        let decoded = try ArticleDecoder().decode(XCTUnwrap(CorpusFiles.reference()))
        let cleaned = cleaner.clean(decoded.text)
        XCTAssertNil(cleaned.title, "the first line is the lede, not a title")
        XCTAssertNil(cleaned.dateline)
        XCTAssertEqual(paragraphs(cleaned).count, 10)
        XCTAssertEqual(cleaned.removed.map(\.text), ["Share.", "Disclosure:", "Location", "Comments are closed."])
        XCTAssertEqual(cleaned.removed.map(\.rule), ["share", "label", "short-line", "comments"])
        XCTAssertTrue(cleaned.body.hasPrefix("The leader of Jabhat al-Nusrah, al-Qaeda’s official offshoot in Syria"))
        XCTAssertTrue(cleaned.body.hasSuffix("to oust Assad."))
        // Typographic quotes are kept as written.
        XCTAssertTrue(cleaned.body.contains("“We are only here"))
        XCTAssertTrue(cleaned.body.contains("doesn’t"))
        XCTAssertTrue(cleaned.body.contains("“Khorasan Group”"))
        XCTAssertTrue(paragraphs(cleaned).contains("Speaking to Ahmed Mansour, al-Julani said:"))
        for line in ["Share.", "Disclosure:", "Location", "Comments are closed."] {
            XCTAssertFalse(cleaned.body.contains(line), line)
        }
    }

    // MARK: Paragraphs and white space

    func testParagraphsAreBlankLineSeparatedAndWrappedLinesJoined() {
        let text = "  The minister said on Tuesday\nthat the talks would   resume.\n\n\n\t\(prose2)  \n"
        let cleaned = cleaner.clean(text)
        XCTAssertEqual(paragraphs(cleaned), ["The minister said on Tuesday that the talks would resume.", prose2])
        XCTAssertTrue(cleaned.removed.isEmpty)
    }

    func testLongLinesInOneBlockAreSeparateParagraphs() {
        let long1 = String(repeating: "The committee heard evidence from many witnesses over the course of the week. ", count: 2)
        let long2 = String(repeating: "Its report is expected to be published before the end of the year, officials said. ", count: 2)
        let cleaned = cleaner.clean(long1 + "\n" + long2)
        XCTAssertEqual(paragraphs(cleaned).count, 2)
    }

    func testOneParagraphPerLineWithoutBlankLines() {
        let cleaned = cleaner.clean("Talks resume in Geneva\nFriday, January 4, 2019\n\(prose)\n\(prose2)\nThe next round is planned for March.")
        XCTAssertEqual(cleaned.title, "Talks resume in Geneva")
        XCTAssertEqual(cleaned.dateline?.date, "2019-01-04")
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2, "The next round is planned for March."])
    }

    func testCarriageReturnsAndTabsAreNormalised() {
        let cleaned = cleaner.clean("\(prose)\r\n\r\n\(prose2)\r\n")
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        XCTAssertFalse(cleaned.body.contains("\r"))
    }

    func testShortLeadInWithColonJoinsTheParagraphItIntroduces() {
        let cleaned = cleaner.clean("\(prose)\n\nHe continued:\n\n“We will not stop until the work is done,” he told reporters on Monday.")
        XCTAssertEqual(paragraphs(cleaned).count, 2)
        XCTAssertTrue(paragraphs(cleaned)[1].hasPrefix("He continued: “We will"))
    }

    // MARK: Title and dateline

    func testTitleAndDatelineAreDetectedAndKeptOutOfTheBody() {
        let text = "Escape room fire kills five teen girls in Koszalin, Poland\n\nSaturday, January 5, 2019 \n\n\n\(prose)\n\n\(prose2)"
        let cleaned = cleaner.clean(text)
        XCTAssertEqual(cleaned.title, "Escape room fire kills five teen girls in Koszalin, Poland")
        XCTAssertEqual(cleaned.dateline, Dateline(text: "Saturday, January 5, 2019", date: "2019-01-05"))
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
    }

    func testFirstLineEndingLikeASentenceIsNotATitle() {
        let cleaned = cleaner.clean("\(prose)\n\n\(prose2)")
        XCTAssertNil(cleaned.title)
    }

    func testTitleNeedsProseAfterIt() {
        let cleaned = cleaner.clean("Just a heading\n\nAnother short line")
        XCTAssertNil(cleaned.title)
        XCTAssertFalse(cleaned.body.isEmpty, "a text the rules would empty is kept whole")
    }

    func testTitleWithoutABlankLineAfterItIsNotATitle() {
        let cleaned = cleaner.clean("Talks to resume\n\(prose)")
        XCTAssertNil(cleaned.title)
    }

    func testDatelineShapes() {
        let cases: [(String, String)] = [
            ("Friday, January 4, 2019", "2019-01-04"),
            ("Jan. 4, 2019", "2019-01-04"),
            ("4 January 2019", "2019-01-04"),
            ("Friday 4th January 2019", "2019-01-04"),
            ("2019-01-04", "2019-01-04"),
            ("Published: February 29, 2020", "2020-02-29"),
            ("Updated March 3, 2021 10:32 a.m. ET", "2021-03-03"),
            ("Posted on Sept. 30, 2018 at 14:05 UTC", "2018-09-30"),
            ("10:32 AM ET, Fri January 4, 2019", "2019-01-04"),
        ]
        for (line, iso) in cases {
            let cleaned = cleaner.clean("Headline about the talks\n\n\(line)\n\n\(prose)")
            XCTAssertEqual(cleaned.dateline?.date, iso, line)
            XCTAssertEqual(cleaned.dateline?.text, line)
            XCTAssertEqual(cleaned.title, "Headline about the talks", line)
        }
    }

    func testACopiedNewsPageLosesItsChrome() {
        let page = """
        Skip to main content
        Home | News | World | Middle East

        Syria rebels vow not to attack the West

        By Jane Doe, Reuters
        Published: 10:32 AM ET, Fri January 4, 2019

        Share this article
        Facebook
        Twitter
        Email

        \(prose)

        Advertisement

        \(prose2)

        Related articles
        - Syria war: what we know
        - Who are al-Nusrah?

        Tags: Syria, al-Qaeda, Middle East
        Comments (12)
        © 2019 Example News. All rights reserved.
        """
        let cleaned = cleaner.clean(page)
        XCTAssertEqual(cleaned.title, "Syria rebels vow not to attack the West")
        XCTAssertEqual(cleaned.dateline?.date, "2019-01-04")
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        XCTAssertEqual(cleaned.removed.count, 14, "\(cleaned.removed)")
        let r = rules(cleaned)
        XCTAssertEqual(r["Skip to main content"], "boilerplate")
        XCTAssertEqual(r["By Jane Doe, Reuters"], "byline")
        XCTAssertEqual(r["Share this article"], "share")
        XCTAssertEqual(r["Related articles"], "section-heading")
        XCTAssertEqual(r["Comments (12)"], "comments")
    }

    func testNotADateline() {
        for line in ["February 30, 2019", "Friday", "January 2019 was cold.", "On Friday, January 4, 2019 the talks ended."] {
            let cleaned = cleaner.clean("Headline about the talks\n\n\(line)\n\n\(prose)")
            XCTAssertNil(cleaned.dateline, line)
        }
    }

    func testDatelineWithoutTitle() {
        let cleaned = cleaner.clean("Monday, October 7, 2019\n\n\(prose)")
        XCTAssertEqual(cleaned.dateline?.date, "2019-10-07")
        XCTAssertNil(cleaned.title)
        XCTAssertEqual(paragraphs(cleaned), [prose])
    }

    // MARK: Furniture rules

    func testShareAndSocialButtons() {
        let lines = ["Share.", "Share this:", "Tweet", "Facebook Twitter Email", "Share on Facebook", "Print | Email", "WhatsApp"]
        let cleaned = cleaner.clean(([prose] + lines + [prose2]).joined(separator: "\n\n"))
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        for line in lines { XCTAssertEqual(rules(cleaned)[line], "share", line) }
    }

    func testCommentChrome() {
        let lines = ["Comments are closed.", "Leave a Reply", "12 Comments", "Be the first to comment"]
        let cleaned = cleaner.clean(([prose, prose2] + lines).joined(separator: "\n\n"))
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        for line in lines { XCTAssertEqual(rules(cleaned)[line], "comments", line) }
    }

    func testLabelsButNotLeadIns() {
        let cleaned = cleaner.clean("\(prose)\n\nDisclosure:\n\nFiled Under:\n\nHe continued:\n\n“The work goes on,” the minister told reporters on the steps of parliament.")
        XCTAssertEqual(rules(cleaned)["Disclosure:"], "label")
        XCTAssertEqual(rules(cleaned)["Filed Under:"], "label")
        XCTAssertTrue(cleaned.body.contains("He continued:"))
    }

    func testPhotoCaptionsAndCredits() {
        let lines = [
            "Fire in the frame of Notre Dame. Image: LeLaisserPasserA38.",
            "Sirhan in 1969  (Image: CDCR)",
            "Photo: Reuters",
            "Black, white, and grey fursuiters Image: Nicholas Moreau.",
        ]
        let cleaned = cleaner.clean(([prose] + lines + [prose2]).joined(separator: "\n\n"))
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        XCTAssertEqual(rules(cleaned)["Sirhan in 1969 (Image: CDCR)"], "caption")
        XCTAssertEqual(rules(cleaned)["Photo: Reuters"], "caption")
    }

    func testPullQuoteAttributions() {
        let cleaned = cleaner.clean("\(prose)\n\n—Troy Roberts\n\n – USCG dispatcher, CNN\n\n\(prose2)")
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        XCTAssertEqual(rules(cleaned)["—Troy Roberts"], "attribution")
        XCTAssertEqual(rules(cleaned)["– USCG dispatcher, CNN"], "attribution")
    }

    func testBylines() {
        let cleaned = cleaner.clean("Talks resume in Geneva\n\nBy Jane Smith and John Doe, Reuters\n\nFriday, January 4, 2019\n\n\(prose)\n\nBy the end of the day the talks had stalled, officials said.")
        XCTAssertEqual(cleaned.title, "Talks resume in Geneva")
        XCTAssertEqual(cleaned.dateline?.date, "2019-01-04")
        XCTAssertEqual(rules(cleaned)["By Jane Smith and John Doe, Reuters"], "byline")
        XCTAssertTrue(cleaned.body.hasSuffix("By the end of the day the talks had stalled, officials said."))
    }

    func testLegendsNavigationAndBoilerplate() {
        let lines = ["██ Syrian Democratic Forces", "Home | World | Europe", "News › Politics › Elections", "Advertisement", "Skip to content", "© 2019 Example News Ltd. All rights reserved."]
        let cleaned = cleaner.clean((lines + [prose, prose2]).joined(separator: "\n\n"))
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        XCTAssertEqual(rules(cleaned)["██ Syrian Democratic Forces"], "legend")
        XCTAssertEqual(rules(cleaned)["Home | World | Europe"], "navigation")
        XCTAssertEqual(rules(cleaned)["Advertisement"], "boilerplate")
    }

    func testTrailingSourcesRelatedNewsAndExternalLinksSections() {
        let text = """
        Talks resume in Geneva

        Friday, January 4, 2019

        \(prose)

        \(prose2)

        Related news
        Earlier talks collapse in Vienna

        Sources
        Jane Smith (January 3, 2019) "Talks to resume" — Example Post
        "Ministers agree to meet" — The Daily Example, January 2, 2019

        External links
        Official site of the ministry
        """
        let cleaned = cleaner.clean(text)
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        let r = rules(cleaned)
        XCTAssertEqual(r["Related news"], "section-heading")
        XCTAssertEqual(r["Sources"], "section-heading")
        XCTAssertEqual(r["External links"], "section-heading")
        XCTAssertEqual(r["Earlier talks collapse in Vienna"], "section-content")
        XCTAssertEqual(r["Jane Smith (January 3, 2019) \"Talks to resume\" — Example Post"], "section-content")
        XCTAssertEqual(cleaned.removed.count, 7)
    }

    func testSectionWordFollowedByShortProseIsNotASection() {
        let text = "\(prose)\n\nNotes\n\nThe talks resumed on Friday in Geneva after a long pause.\n\nBoth sides welcomed the progress."
        let cleaned = cleaner.clean(text)
        XCTAssertTrue(cleaned.body.hasSuffix("The talks resumed on Friday in Geneva after a long pause.\n\nBoth sides welcomed the progress."))
        XCTAssertEqual(cleaned.removed, [RemovedLine(text: "Notes", rule: "short-line")])
    }

    func testCitationsAtTheEndWithoutAHeading() {
        let text = "\(prose)\n\n\(prose2)\n\nJane Smith (January 3, 2019) \"Talks to resume\" — Example Post\n“Ministers agree to meet” – The Daily Example"
        let cleaned = cleaner.clean(text)
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        XCTAssertEqual(Set(cleaned.removed.map(\.rule)), ["citation"])
    }

    func testSectionWordFollowedByProseIsNotASection() {
        let text = "\(prose)\n\nSources\n\n\(prose2) The sources said so, and the ministry confirmed it on Friday."
        let cleaned = cleaner.clean(text)
        XCTAssertTrue(cleaned.body.contains(prose2))
    }

    func testGalleryCaptionsAndHeadingsWithoutPunctuation() {
        let cleaned = cleaner.clean("\(prose)\n\nBackground\n\n\(prose2)\n\nHobbits\n\n501st Legion display\n\nA group of cosplayers perform a choreographed dance.")
        XCTAssertEqual(rules(cleaned)["Background"], "short-line")
        XCTAssertEqual(rules(cleaned)["Hobbits"], "short-line")
        XCTAssertTrue(cleaned.body.hasSuffix("A group of cosplayers perform a choreographed dance."))
    }

    func testNumberedNotesWithoutPunctuation() {
        let cleaned = cleaner.clean("\(prose)\n\n1. Unofficial results\n2. Relative to seats at dissolution\n\n\(prose2)")
        XCTAssertEqual(paragraphs(cleaned), [prose, prose2])
        XCTAssertEqual(rules(cleaned)["1. Unofficial results"], "footnote")
    }

    func testLastLineOfAHardWrappedParagraphIsNotFurniture() {
        let text = "The minister said on Tuesday that the talks would resume next week\nin Geneva"
        let cleaned = cleaner.clean("\(prose)\n\n\(text)")
        XCTAssertTrue(cleaned.body.hasSuffix("next week in Geneva"))
        XCTAssertTrue(cleaned.removed.isEmpty)
    }

    func testRemovedLinesAreReportedInDocumentOrder() {
        let cleaned = cleaner.clean("Advertisement\n\n\(prose)\n\n\(prose2)\n\nShare.\n\nComments are closed.")
        XCTAssertEqual(cleaned.removed.map(\.text), ["Advertisement", "Share.", "Comments are closed."])
    }

    func testEveryRuleNameIsDocumented() throws {
        let doc = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/analysis.md"), encoding: .utf8)
        for rule in FurnitureRule.allCases { XCTAssertTrue(doc.contains("`\(rule.rawValue)`"), rule.rawValue) }
    }
}
