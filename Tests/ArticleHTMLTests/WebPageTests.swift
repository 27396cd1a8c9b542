import ArticleAnalysis
import ArticleHTML
import Foundation
import XCTest

/// Web pages in: detection, extraction and metadata on the example page; plain text untouched.
final class WebPageTests: XCTestCase {
    private let reader = WebPageReader()

    func testTheExamplePageGivesTheArticleAndNothingElse() throws {
        let page = PageFixtures.example("escape-room-fire.html")
        let analysis = try reader.analyze(ArticleInput(bytes: page, name: "escape-room-fire.html"), with: PageFixtures.pipeline)
        XCTAssertEqual(analysis.source.format, "text/html")
        XCTAssertEqual(analysis.segmentation.paragraphs.count, 5)
        let text = analysis.text.string
        XCTAssertTrue(text.hasPrefix("A fire yesterday afternoon killed five girls"), text)
        XCTAssertTrue(text.hasSuffix("has declared tomorrow a day of mourning."), text)
        for furniture in ["cookies", "Share on Facebook", "Koszalin, North Poland. Photo", "Advertisement", "Related stories",
                          "Terrible news", "morning briefing", "All rights reserved", "Tags:", "By Wikinews contributors"] {
            XCTAssertFalse(text.contains(furniture), furniture)
        }
        XCTAssertEqual(analysis.title, "Escape room fire kills five teen girls in Koszalin, Poland")
        let meta = try XCTUnwrap(analysis.page)
        XCTAssertEqual(meta.site, "The Example Courier")
        XCTAssertEqual(meta.url, "https://courier.example/world/2019/01/05/escape-room-fire-koszalin")
        XCTAssertEqual(meta.authors, ["Wikinews contributors"])
        XCTAssertEqual(meta.byline, "By Wikinews contributors")
        XCTAssertEqual(meta.published, "2019-01-05T09:30:00Z")
        XCTAssertEqual(meta.modified, "2019-01-05T14:10:00Z")
        XCTAssertEqual(meta.language, "en")
        // "yesterday" resolves against the page's publication date, not the day it was received.
        XCTAssertEqual(analysis.dates.first { $0.text == "yesterday" }?.value, "2019-01-04")
    }

    func testTheCompressedExampleGivesTheSameText() throws {
        let plain = try reader.analyze(ArticleInput(bytes: PageFixtures.example("escape-room-fire.html"), name: "a.html"), with: PageFixtures.pipeline)
        let packed = PageFixtures.example("escape-room-fire-compressed.html.gz")
        XCTAssertTrue(Gunzip.isGzip(packed))
        let compressed = try reader.analyze(ArticleInput(bytes: packed, name: "a.html.gz"), with: PageFixtures.pipeline)
        XCTAssertEqual(compressed.text.string, plain.text.string)
        // Gzip is recognised by its magic bytes too, and HTML by its content, whatever the name.
        let unnamed = try reader.analyze(ArticleInput(bytes: packed, name: "upload.bin"), with: PageFixtures.pipeline)
        XCTAssertEqual(unnamed.source.format, "text/html")
        XCTAssertEqual(unnamed.text.string, plain.text.string)
    }

    func testHTMLIsDetectedByContentAndByName() {
        XCTAssertTrue(PageSniffer.looksLikeHTML(Array("\u{FEFF}  <!doctype html><html>".utf8)))
        XCTAssertTrue(PageSniffer.looksLikeHTML(Array("<!-- saved page -->\n<html lang=en>".utf8)))
        XCTAssertTrue(PageSniffer.looksLikeHTML(Array("<article><p>text</p></article>".utf8)))
        XCTAssertFalse(PageSniffer.looksLikeHTML(Array("Headline\n\nThe <html> tag starts a page.".utf8)))
        XCTAssertFalse(PageSniffer.looksLikeHTML(Array("<b>not a page</b> just bold text".utf8)))
        XCTAssertTrue(PageSniffer.hasPageName("story.HTML"))
        XCTAssertTrue(PageSniffer.hasPageName("story.htm"))
        XCTAssertTrue(PageSniffer.hasPageName("story.html.gz"))
        XCTAssertFalse(PageSniffer.hasPageName("story.txt"))
    }

    func testPlainTextGoesThroughThePipelineUntouched() throws {
        let text = PageFixtures.example("magnitogorsk-building-collapse.txt")
        let input = ArticleInput(bytes: text, name: "m.txt", received: "2019-01-04T12:00:00Z")
        let direct = try PageFixtures.pipeline.analyze(input)
        let viaReader = try reader.analyze(input, with: PageFixtures.pipeline)
        XCTAssertEqual(viaReader.jsonBytes(), direct.jsonBytes())
        XCTAssertNil(viaReader.page)
        XCTAssertEqual(viaReader.source.format, "text/plain")
    }

    func testTheDeclaredLanguageIsOnlyAHint() throws {
        // An English page that claims to be German is still English.
        let page = PageFixtures.page(paragraphs: 3).replacingOccurrences(of: "lang=\"en\"", with: "lang=\"de-DE\"")
        let analysis = try reader.analyze(ArticleInput(bytes: Array(page.utf8), name: "p.html"), with: PageFixtures.pipeline)
        XCTAssertEqual(analysis.page?.language, "de")
        XCTAssertEqual(analysis.language.code, "en")
    }

    func testSiteChromePhrasesAreKnownAndProseIsNot() {
        for chrome in ["Advertisement", "ADVERTISEMENT", "Share on Facebook", "12 comments", "© 2019 Example Ltd",
                       "Protesters have worn masks to protect their identities (Image: Getty)"] {
            XCTAssertTrue(SiteChrome.isChrome(chrome), chrome)
        }
        for prose in ["The council voted to rebuild the bridge.", "Claim", "Our ruling", "Rating"] {
            XCTAssertFalse(SiteChrome.isChrome(prose), prose)
        }
    }

    func testTheBenchmarkMetricMatchesItsDefinition() {
        var score = ExtractionScore()
        score.add(predicted: "one two three four five", truth: "one two three four five")
        score.add(predicted: "", truth: "")
        XCTAssertEqual(score.f1, 1)
        XCTAssertEqual(score.accuracy, 1)
        var half = ExtractionScore()
        // Truth shingles: (a b c d), (b c d e); predicted: (a b c d), (b c d x): tp 1, fp 1, fn 1.
        half.add(predicted: "a b c d x", truth: "a b c d e")
        XCTAssertEqual(half.precision, 0.5, accuracy: 1e-9)
        XCTAssertEqual(half.recall, 0.5, accuracy: 1e-9)
        XCTAssertEqual(half.accuracy, 0)
    }
}
