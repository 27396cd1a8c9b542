import XCTest
@testable import ArticleAnalysis

final class ParagraphTokensTests: XCTestCase {
    /// Where the paragraphs' tokens are taken for a sentence, they are exactly that sentence's
    /// own scan; they are taken for nearly every sentence of the corpus; and the word pass built
    /// from them equals the one that scans every sentence.
    func testSentenceTokensAreTheSentencesOwnScan() throws {
        var texts = try ReaderFixtures.wikinews().map { String(decoding: $0.bytes, as: UTF8.self) }
        texts.append("He said so.It was the U.S.Army. Znak.com reported it.\n\nA new paragraph: al-Qaeda’s men, 2019-01-05.")
        texts.append("")
        var taken = 0, sentences = 0
        for string in texts {
            let text = ScalarText(string)
            let s = text.scalars
            let segmentation = Segmenter().segment(text)
            let scanned = ParagraphTokens(s, segmentation)
            var paragraph = 0
            for sentence in segmentation.sentences {
                sentences += 1
                guard let range = scanned.sentenceTokens(sentence.span, paragraph: &paragraph) else { continue }
                taken += 1
                var expected: [ReaderToken] = []
                WordScanner.scan(s, sentence.span.start..<sentence.span.end, into: &expected)
                let actual = scanned.words[range].map(\.token)
                XCTAssertEqual(actual.count, expected.count)
                for (n, (a, e)) in zip(actual, expected).enumerated() {
                    XCTAssert(a.start == e.start && a.end == e.end && a.kind == e.kind)
                    XCTAssertEqual(n == 0 ? true : a.spaceBefore, e.spaceBefore)
                }
            }
            let fromScan = ReaderWords(s, segmentation)
            let fromParagraphs = ReaderWords(s, segmentation, scanned: scanned)
            XCTAssertEqual(fromScan.spanStarts, fromParagraphs.spanStarts)
            XCTAssertEqual(fromScan.termCount, fromParagraphs.termCount)
            XCTAssertEqual(fromScan.words.count, fromParagraphs.words.count)
            for (a, b) in zip(fromScan.words, fromParagraphs.words) {
                XCTAssert(a.token.start == b.token.start && a.token.end == b.token.end && a.token.kind == b.token.kind
                          && a.token.spaceBefore == b.token.spaceBefore && a.strippedEnd == b.strippedEnd && a.hash == b.hash
                          && a.strippedHash == b.strippedHash && a.stemHash == b.stemHash && a.isContent == b.isContent
                          && a.hasUppercase == b.hasUppercase && a.isAllCaps == b.isAllCaps && a.isAllCapsToken == b.isAllCapsToken
                          && a.term == b.term)
            }
        }
        XCTAssertGreaterThan(taken * 10, sentences * 9, "\(taken) of \(sentences)")
    }

    /// A span crossing a token, or outside the paragraphs, gets no tokens.
    func testCrossedSpansGetNone() {
        let s = Array("Znak.com said. Then".unicodeScalars)
        let scanned = ParagraphTokens(s, Segmentation(paragraphs: [TextSpan(start: 0, end: 14)], sentences: [], tokens: []))
        var k = 0
        XCTAssertNil(scanned.sentenceTokens(TextSpan(start: 0, end: 5), paragraph: &k))  // inside "Znak.com"
        k = 0
        XCTAssertEqual(scanned.sentenceTokens(TextSpan(start: 0, end: 14), paragraph: &k), 0..<3)
        XCTAssertNil(scanned.sentenceTokens(TextSpan(start: 15, end: 19), paragraph: &k))  // past the paragraph
    }
}
