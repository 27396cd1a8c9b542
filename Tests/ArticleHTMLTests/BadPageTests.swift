import ArticleAnalysis
import ArticleHTML
import Foundation
import XCTest

/// Bad HTML ends in a clear result or a clear error (which the daemon writes to failed/), never a
/// crash or a hang. (The 30 MB page refused unread by max_bytes is the daemon's: see
/// ArticledIntegrationTests/WebPageInboxTests.)
final class BadPageTests: XCTestCase {
    private func analyze(_ bytes: [UInt8], name: String, maxBytes: Int = 16 << 20) throws(AnalysisError) -> Analysis {
        try WebPageReader(maxInflatedBytes: maxBytes).analyze(ArticleInput(bytes: bytes, name: name), with: PageFixtures.pipeline)
    }

    private func assertFails(_ bytes: [UInt8], name: String, maxBytes: Int = 16 << 20, code: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            let analysis = try analyze(bytes, name: name, maxBytes: maxBytes)
            XCTFail("expected \(code), got a result: \(analysis.text.string.prefix(80))", file: file, line: line)
        } catch {
            XCTAssertEqual(error.code, code, file: file, line: line)
            XCTAssertFalse(error.description.isEmpty, file: file, line: line)
        }
    }

    func testAPageCutOffMidTagKeepsTheTextBeforeTheCut() throws {
        let page = PageFixtures.page(paragraphs: 3)
        let cut = String(page.prefix(page.count / 2)) + "<p>The last paragraph starts here and is cut <a hr"
        let analysis = try analyze(Array(cut.utf8), name: "cut.html")
        XCTAssertEqual(analysis.source.format, "text/html")
        XCTAssertTrue(analysis.text.string.hasPrefix(PageFixtures.paragraph), analysis.text.string)
    }

    func testOneHundredThousandNestedDivsEndInAResult() throws {
        var page = "<!DOCTYPE html><html><body>" + String(repeating: "<div>", count: 100_000)
        page += "<p>\(PageFixtures.paragraph)</p><p>\(PageFixtures.paragraph)</p>"
        page += String(repeating: "</div>", count: 100_000) + "</body></html>"
        do {
            let analysis = try analyze(Array(page.utf8), name: "deep.html")
            XCTAssertTrue(analysis.text.string.contains("harbour bridge"), analysis.text.string.prefix(200).description)
        } catch {
            // libxml2 may stop at its nesting limit; then the page has no article text: a clear failure.
            XCTAssertEqual(error, .noArticleText)
        }
    }

    func testAPageThatDeclaresUTF8ButIsWindows1252IsReadAsWindows1252() throws {
        // "café" with é as E9 and typographic quotes as 93/94: not UTF-8, whatever the page says.
        var bytes = Array(PageFixtures.page(paragraphs: 2, head: "<meta charset=\"utf-8\">").utf8)
        let marker = Array("Paragraph 1.".utf8)
        let at = bytes.indices.first { bytes[$0...].starts(with: marker) }!
        bytes.insert(contentsOf: [0x20, 0x93] + Array("The caf".utf8) + [0xE9, 0x94, 0x20] + Array("reopened.".utf8), at: at + marker.count)
        let analysis = try analyze(bytes, name: "liar.html")
        XCTAssertEqual(analysis.source.encoding, .windows1252)
        XCTAssertTrue(analysis.source.encodingFallback)
        XCTAssertTrue(analysis.text.string.contains("\u{201C}The café\u{201D} reopened."), analysis.text.string)
    }

    func testAPageThatDeclaresLatin1ButIsUTF8IsReadAsUTF8() throws {
        let page = PageFixtures.page(paragraphs: 2, head: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")
            .replacingOccurrences(of: "Paragraph 1.", with: "Paragraph 1. The café reopened.")
        let analysis = try analyze(Array(page.utf8), name: "liar2.html")
        XCTAssertEqual(analysis.source.encoding, .utf8)
        XCTAssertTrue(analysis.text.string.contains("The café reopened."))
    }

    func testABinaryFileNamedHTMLIsRefusedAsBinary() {
        assertFails(Array(FileManager.default.contents(atPath: "/bin/ls") ?? Data()), name: "ls.html", code: "binary")
    }

    func testAGzipBombIsRefusedAtTheCap() {
        // 64 MiB of zeros inflate from about 64 KB; the cap is 1 MiB.
        let bomb = PageFixtures.gzip([UInt8](repeating: 0x20, count: 64 << 20))
        XCTAssertLessThan(bomb.count, 1 << 20)
        assertFails(bomb, name: "bomb.html.gz", maxBytes: 1 << 20, code: "too_large")
    }

    func testCutGzipIsABadCompressionFailure() {
        let page = PageFixtures.gzip(Array(PageFixtures.page().utf8))
        assertFails(Array(page.prefix(page.count / 2)), name: "cut.html.gz", code: "bad_compression")
    }

    func testAnEmptyBodyIsNoArticleText() {
        assertFails(Array("<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>".utf8),
                    name: "empty.html", code: "no_article_text")
    }

    func testAPageOfOnlyFurnitureIsNoArticleText() {
        let page = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav><footer>Contact us</footer></body></html>"
        assertFails(Array(page.utf8), name: "furniture.html", code: "no_article_text")
    }
}
