import ArticleAnalysis
@testable import ArticleHTML
import Foundation
import TestSupport
import XCTest

/// articled's HTML parser against libxml2's (the reference it replaced, kept as the oracle): the
/// same article text and metadata on the benchmark's 131 pages, the example page and the bad
/// pages of BadPageTests.
final class HTMLParserDifferentialTests: XCTestCase {
    private func extract(_ bytes: [UInt8], _ parser: WebPageReader.PageParser) -> (body: String, page: PageMetadata?, error: String?) {
        var reader = WebPageReader()
        reader.parser = parser
        do {
            let extracted = try reader.extract(bytes)
            return (extracted.body, extracted.page, nil)
        } catch {
            return ("", nil, error.code)
        }
    }

    private func assertSameExtraction(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let ours = extract(bytes, .articled), reference = extract(bytes, .libxml2)
        XCTAssertEqual(ours.error, reference.error, name, file: file, line: line)
        XCTAssertEqual(ours.body, reference.body, name, file: file, line: line)
        XCTAssertEqual(ours.page, reference.page, name, file: file, line: line)
    }

    func testTheBenchmarkPagesGiveTheSameArticles() throws {
        let directory = CorpusLocation.root.deletingLastPathComponent().appendingPathComponent("data/article-extraction/html")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".html.gz") }.sorted() ?? []
        try RequiredResource.require(names.count == 131, "the article-extraction benchmark (131 pages) is not at \(directory.path)")
        var different: [String] = []
        for name in names {
            let compressed = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
            let page = try Gunzip.inflate(compressed, limit: 1 << 28)
            let ours = extract(page, .articled), reference = extract(page, .libxml2)
            if ours.body != reference.body || ours.page != reference.page || ours.error != reference.error { different.append(name) }
        }
        XCTAssertEqual(different, [], "pages whose article or metadata differ between the parsers")
    }

    func testTheExamplePageAndBadPagesGiveTheSameArticles() {
        let example = PageFixtures.example("escape-room-fire.html")
        assertSameExtraction(example, "example")
        let page = PageFixtures.page(paragraphs: 3)
        assertSameExtraction(Array((String(page.prefix(page.count / 2)) + "<p>The last paragraph is cut <a hr").utf8), "cut mid-tag")
        assertSameExtraction(Array(("<html><body>" + String(repeating: "<div>", count: 200) + "<p>\(PageFixtures.paragraph)</p>").utf8), "200 nested divs")
        assertSameExtraction(Array("<html><body></body></html>".utf8), "empty body")
        assertSameExtraction(Array("<html><body><nav><a href=/>Home</a></nav><footer>(c) 2026</footer></body></html>".utf8), "furniture only")
        assertSameExtraction(Array(("<p>\(PageFixtures.paragraph)<p>\(PageFixtures.paragraph)<ul><li>one<li>two</ul><table><tr><td>a<td>b</table>").utf8), "implied ends")
        // Every prefix of the example page: cut anywhere, both parsers recover the same article.
        for cut in stride(from: 2000, to: example.count, by: 997) { assertSameExtraction(Array(example.prefix(cut)), "example cut at \(cut)") }
    }
}

extension HTMLParserDifferentialTests {
    /// Below the article: the text blocks outside dropped elements (what the extractor scores),
    /// compared block by block between the two parsers on the benchmark pages.
    func testTheBenchmarkPagesGiveTheSameTextBlocks() throws {
        let directory = CorpusLocation.root.deletingLastPathComponent().appendingPathComponent("data/article-extraction/html")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".html.gz") }.sorted() ?? []
        try RequiredResource.require(names.count == 131, "the article-extraction benchmark (131 pages) is not at \(directory.path)")
        var same = 0
        var different: [String] = []
        for name in names {
            let page = try Gunzip.inflate([UInt8](try Data(contentsOf: directory.appendingPathComponent(name))), limit: 1 << 28)
            let utf8 = try ArticleDecoder().decodeUTF8(page).utf8
            var reader = WebPageReader()
            let ours = reader.parse(utf8).blocks.filter { !$0.dropped }.map(\.text)
            reader.parser = .libxml2
            let reference = reader.parse(utf8).blocks.filter { !$0.dropped }.map(\.text)
            if ours == reference { same += 1; continue }
            different.append(name)
            let a = Set(ours.map { String(decoding: $0, as: UTF8.self) }), b = Set(reference.map { String(decoding: $0, as: UTF8.self) })
            print("\(name): only ours \(a.subtracting(b).sorted().prefix(5)); only libxml2's \(b.subtracting(a).sorted().prefix(5))")
        }
        XCTAssertEqual(different, [], "pages whose text blocks differ between the parsers (\(same) of \(names.count) the same)")
    }
}

extension HTMLParserDifferentialTests {
    /// The tree rules against libxml2 itself: `<div><A>x<B>y</div>z` for every pair of the names
    /// with rules (which start tag closes which open element, void elements, end-tag ranks).
    /// Elements whose content the tokenizer reads as text (script, style, title, textarea, xmp,
    /// iframe, noembed, noframes, noscript: WHATWG) and plaintext are left out: libxml2 parses
    /// markup inside most of them. So are, as the first element, the differences by design:
    /// `</br>` is a break (WHATWG; libxml2 drops it), and embed, source and wbr are void (HTML5;
    /// libxml2 2.9.14 leaves them open).
    func testEveryPairOfStartTagsNestsAsInLibxml2() {
        let text: Set<String> = ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]
        let names = HTMLNames.known.filter { !text.contains($0) }
        var different: [String] = []
        for a in names where !["br", "embed", "source", "wbr"].contains(a) {
            for b in names {
                let html = Array("<div><\(a)>x<\(b)>y</\(a)>w</div>z".utf8)
                let ours = html.withUnsafeBufferPointer { HTMLTokenizer.parse($0) }
                let reference = html.withUnsafeBufferPointer { LibXML2Parser.parse($0) }
                if ours.elements.map({ "\($0.tag)\($0.parent)" }) != reference.elements.map({ "\($0.tag)\($0.parent)" })
                    || ours.blocks.map({ "\($0.owner)\(String(decoding: $0.text, as: UTF8.self))" }) != reference.blocks.map({ "\($0.owner)\(String(decoding: $0.text, as: UTF8.self))" }) {
                    different.append("\(a) \(b)")
                }
            }
        }
        XCTAssertEqual(different, [], "\(different.count) pairs differ")
    }
}
