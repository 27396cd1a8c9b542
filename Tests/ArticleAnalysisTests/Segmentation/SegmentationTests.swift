import Foundation
import XCTest
@testable import ArticleAnalysis

final class SegmentationTests: XCTestCase {
    func testParagraphsAreSeparatedByBlankLinesOnly() {
        let text = ScalarText("One line\nwrapped here.\n\n  \n\nSecond paragraph.\n \nThird.")
        let segmentation = Segmenter().segment(text)
        XCTAssertEqual(segmentation.paragraphs.map { text[$0] }, ["One line\nwrapped here.", "Second paragraph.", "Third."])
        XCTAssertEqual(segmentation.sentences.count, 3)
    }

    func testEmptyAndWhiteSpaceTextHasNoSegments() {
        for string in ["", "   \n\n  "] {
            let segmentation = Segmenter().segment(ScalarText(string))
            XCTAssertTrue(segmentation.paragraphs.isEmpty && segmentation.sentences.isEmpty && segmentation.tokens.isEmpty)
            XCTAssertEqual(segmentation.wordCount, 0)
        }
    }

    func testLookups() {
        let segmentation = Segmenter().segment(ScalarText("A b. C d.\n\nE f."))
        XCTAssertEqual(segmentation.sentences(inParagraph: 0).count, 2)
        XCTAssertEqual(segmentation.sentences(inParagraph: 1).count, 1)
        XCTAssertEqual(segmentation.sentences(inParagraph: 2).count, 0)
        XCTAssertEqual(segmentation.sentenceIndex(ofToken: 0), 0)
        XCTAssertEqual(segmentation.sentenceIndex(ofToken: 3), 1)
        XCTAssertEqual(segmentation.sentenceIndex(ofToken: 6), 2)
        XCTAssertNil(segmentation.sentenceIndex(ofToken: 99))
    }

    /// Structural invariants on every corpus article, and sentence statistics that catch wrong splits.
    func testCorpusSegmentationInvariantsAndSentenceShape() throws {
        try CorpusFiles.requireCorpus()
        var articles = CorpusFiles.wikinews()
        articles.append(("al-nusrah-interview.txt", try XCTUnwrap(CorpusFiles.reference())))
        var totalSentences = 0, totalWords = 0
        for (name, bytes) in articles {
            let cleaned = ArticleCleaner().clean(try ArticleDecoder().decode(bytes).text)
            let text = ScalarText(cleaned.body)
            let segmentation = Segmenter().segment(text)
            XCTAssertEqual(segmentation.paragraphs.count, cleaned.body.components(separatedBy: "\n\n").count, name)
            XCTAssertGreaterThanOrEqual(segmentation.sentences.count, segmentation.paragraphs.count, name)

            var expectedToken = 0
            for sentence in segmentation.sentences {
                // Every token belongs to exactly one sentence, in order.
                XCTAssertEqual(sentence.tokens.lowerBound, expectedToken, name)
                expectedToken = sentence.tokens.upperBound
                XCTAssertTrue(segmentation.paragraphs[sentence.paragraph].contains(sentence.span), "\(name): sentence crosses a paragraph")
                let sentenceText = text[sentence.span]
                let first = sentenceText.unicodeScalars.first!
                XCTAssertFalse(first.properties.isLowercase, "\(name): starts in lower case: \(sentenceText)")
                for title in ["Mr.", "Mrs.", "Dr.", "St.", "Gen.", "Sen.", "Prof."] {
                    XCTAssertFalse(sentenceText.hasSuffix(" " + title), "\(name): ends at a title: \(sentenceText)")
                }
                XCTAssertTrue(sentence.tokens.contains { segmentation.tokens[$0].kind == .word || segmentation.tokens[$0].kind == .number },
                              "\(name): a sentence without words: \(sentenceText)")
            }
            XCTAssertEqual(expectedToken, segmentation.tokens.count, name)
            totalSentences += segmentation.sentences.count
            totalWords += segmentation.wordCount
        }
        // News prose averages 15–30 words a sentence; far outside that means wrong splits or none.
        let average = Double(totalWords) / Double(totalSentences)
        XCTAssertGreaterThan(average, 15, "average words per sentence \(average)")
        XCTAssertLessThan(average, 30, "average words per sentence \(average)")
    }
}
