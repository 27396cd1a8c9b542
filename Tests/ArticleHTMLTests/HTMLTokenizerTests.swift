@testable import ArticleHTML
import XCTest

/// articled's HTML parser (`HTMLTokenizer` + `HTMLTreeBuilder`), one tricky case of each
/// tokenizer state and tree rule, read back from the `PageDocument` it builds.
final class HTMLTokenizerTests: XCTestCase {
    private func parse(_ html: String) -> PageDocument {
        var bytes = Array(html.utf8)
        return bytes.withUnsafeMutableBufferPointer { HTMLTokenizer.parse(UnsafeBufferPointer($0)) }
    }

    private func parse(bytes: [UInt8]) -> PageDocument {
        bytes.withUnsafeBufferPointer { HTMLTokenizer.parse($0) }
    }

    /// The text blocks, each as "tag: text" (the tag of the block element that owns it).
    private func blocks(_ document: PageDocument) -> [String] {
        document.blocks.map { "\(document.elements[Int($0.owner)].tag): \(String(decoding: $0.text, as: UTF8.self))" }
    }

    /// Each element as "tag<parent tag" (or "tag" at the top).
    private func elements(_ document: PageDocument) -> [String] {
        document.elements.map { e in e.parent < 0 ? "\(e.tag)" : "\(e.tag)<\(document.elements[Int(e.parent)].tag)" }
    }

    // MARK: Tree rules (libxml2's)

    func testAParagraphClosesTheOpenParagraph() {
        let document = parse("<div><p>a<p>b</div>")
        XCTAssertEqual(elements(document), ["div", "p<div", "p<div"])
        XCTAssertEqual(blocks(document), ["p: a", "p: b"])
    }

    func testListItemsCellsAndOptionsCloseTheirSiblings() {
        XCTAssertEqual(elements(parse("<ul><li>a<li>b</ul>")), ["ul", "li<ul", "li<ul"])
        XCTAssertEqual(elements(parse("<table><tr><td>a<td>b<tr><td>c</table>")),
                       ["table", "tr<table", "td<tr", "td<tr", "tr<table", "td<tr"])
        XCTAssertEqual(elements(parse("<select><option>a<option>b</select>")), ["select", "other<select", "other<select"])
    }

    func testAnEndTagWithNoOpenElementIsIgnored() {
        XCTAssertEqual(blocks(parse("<div>a</span>b</p>c</div>")), ["div: abc"])
    }

    func testAnEndTagDoesNotCloseAnElementOfHigherRank() {
        // `</span>` inside a div, `</div>` inside a cell: ignored.
        XCTAssertEqual(blocks(parse("<span><div>a</span>b</div>")), ["div: ab"])
        XCTAssertEqual(elements(parse("<div><table><tr><td>a</div>b</td></tr></table>")), ["div", "table<div", "tr<table", "td<tr"])
    }

    func testUnclosedElementsCloseAtTheirParentsEnd() {
        let document = parse("<div><section><p>a<b>b</div>c")
        XCTAssertEqual(elements(document), ["div", "section<div", "p<section", "other<p", "p"])
        XCTAssertEqual(blocks(document).last, "p: c")  // text after everything closed: libxml2's implied <p>
    }

    func testVoidAndSelfClosedElementsHaveNoContent() {
        let document = parse("<div>a<img src=x>b<div/>c<br>d</div>")
        XCTAssertEqual(elements(document), ["div", "img<div", "div<div", "br<div"])
        XCTAssertEqual(blocks(document), ["div: ab", "div: c", "div: d"])
    }

    func testEndBrIsABreak() {
        XCTAssertEqual(blocks(parse("<p>a</br>b</p>")), ["p: a", "p: b"])
    }

    func testASecondBodyAndAMisplacedHeadAreIgnored() {
        let document = parse("<html><body><p>a<body class=x>b<head></head>c</body></html>")
        // The second <body> still closes the paragraph first, as in libxml2.
        XCTAssertEqual(elements(document), ["html", "body<html", "p<body"])
        XCTAssertEqual(blocks(document), ["p: a", "body: bc"])
    }

    func testOneHundredThousandNestedDivsStopAtTheDepthLimit() {
        let page = String(repeating: "<div>", count: 100_000) + "deep text" + String(repeating: "</div>", count: 100_000) + "<p>after</p>"
        let document = parse(page)
        XCTAssertEqual(document.elements.count, HTMLTreeBuilder.maximumDepth + 1)
        XCTAssertEqual(blocks(document), ["div: deep text", "p: after"])
    }

    // MARK: Tokenizer states

    func testUnquotedSingleQuotedAndDuplicateAttributes() {
        let document = parse("<html lang=en lang=fr><meta name=description content='it''s \"x\"'><div class=article-body id = main >t</div>")
        XCTAssertEqual(document.language, "en")
        XCTAssertEqual(document.metas.first?.content, "it")
        XCTAssertTrue(document.elements[2].flags.contains(.likely))
    }

    func testCharacterReferencesInText() {
        let document = parse("<p>&amp; &amp b &copy2026 &notit; &bogus; &#150; &#x41;&#65 &#0; &#x110000; &#99999999999; &lt&gt &apos;</p>")
        XCTAssertEqual(blocks(document), ["p: & & b ©2026 ¬it; &bogus; – AA \u{FFFD} \u{FFFD} \u{FFFD} <> '"])
    }

    func testCharacterReferencesInAttributesFollowTheAttributeRule() {
        // In a value a legacy name without `;` is kept when a letter, digit or `=` follows.
        let document = parse("<meta name=a content=\"x&amp;y&copy=1&copy2&copy z&#x26;\">")
        XCTAssertEqual(document.metas.first?.content, "x&y&copy=1&copy2© z&")
    }

    func testScriptContentRunsToItsOwnEndTag() {
        let document = parse("<div><script>if (a</div>) { x = '<p>' }</script>after</div><script type=\"application/ld+json\">{\"a\": \"</div>\"}</SCRIPT >")
        XCTAssertEqual(blocks(document), ["div: after"])
        XCTAssertEqual(document.jsonLD.map { String(decoding: $0, as: UTF8.self) }, ["{\"a\": \"</div>\"}"])
        XCTAssertEqual(elements(document), ["div", "script<div", "script"])
    }

    func testTitleIsTextWithReferencesAndNoTags() {
        XCTAssertEqual(parse("<title>a <b> &amp; c</title><p>x").title, "a <b> & c")
    }

    func testCommentsEndAtTheirWhatwgEnds() {
        XCTAssertEqual(blocks(parse("<p>a<!-- c --!>b<!-->c<!--->d<!-- <p>x -- -->e</p>")), ["p: abcde"])
        XCTAssertEqual(blocks(parse("<p>a<!-- never closed <p>b")), ["p: a"])
    }

    func testDoctypeProcessingInstructionsAndBogusComments() {
        XCTAssertEqual(blocks(parse("<!DOCTYPE html><?xml version=\"1.0\"?><p>a<!b>c</ div>d</>e</p>")), ["p: acde"])
    }

    func testCDATAIsTextOnlyInForeignContent() {
        // Inside <svg> the `<p>` in CDATA is text (no element); in HTML the section is a bogus comment.
        XCTAssertEqual(elements(parse("<svg><![CDATA[<p>x]]></svg><p>z</p>")), ["svg", "p"])
        XCTAssertEqual(blocks(parse("<p>a<![CDATA[x]]>b</p>")), ["p: ab"])
    }

    func testAStrayLessThanIsText() {
        XCTAssertEqual(blocks(parse("<p>a < b <3 c <</p><p>x<")), ["p: a < b <3 c <", "p: x<"])
    }

    func testNULBytesAreDroppedFromTextAndReplacedInNames() {
        let document = parse(bytes: Array("<div><p>a".utf8) + [0] + Array("b</p><di".utf8) + [0] + Array("v>c</di".utf8) + [0] + Array("v></div>".utf8))
        XCTAssertEqual(blocks(document), ["p: ab", "div: c"])
        XCTAssertEqual(elements(document), ["div", "p<div", "other<div"])
    }

    func testATagCutOffByTheEndOfThePageIsDropped() {
        let document = parse("<p>abc</p><div class=\"x")
        XCTAssertEqual(elements(document), ["p"])
        XCTAssertEqual(blocks(document), ["p: abc"])
    }

    func testUpperCaseNamesAndUnusualSpacing() {
        let document = parse("<DIV\tCLASS=\"Story\"\n>a</Div\n><P/>b")
        XCTAssertEqual(elements(document), ["div", "p", "p"])  // `<P/>` ends at once; "b" gets an implied <p>
        XCTAssertTrue(document.elements[0].flags.contains(.likely))
    }
}
