import ArticleModels
import XCTest
@testable import ArticleAnalysis

/// `AnalysisPipeline.keptParagraphWordsLimit`: a text longer than the limit drops the paragraph
/// words after the dates stage and the word pass scans the sentences again. Either way the
/// analysis must be the same, at the limit and one scalar over it.
final class KeptParagraphWordsTests: XCTestCase {
    /// A text of several paragraphs with possessives, quotes, dates and a heading, so the word
    /// pass has sentences that start mid-paragraph.
    private let article = """
        Talks on the dam resume in Geneva

        Friday, January 4, 2019

        The minister’s talks “will resume” next week, he said on Tuesday. Al-Qaeda’s envoy, Mr. Abu \
        Mohammed al-Julani, did not attend; the U.S. delegation (led by J. Smith) arrived at 19:45.

        “We have waited 1,000 days,” said Maria Lopez, a farmer from the valley. Prices rose 3.5% in \
        the 1960s... and again in 2018!

        FSB officers' reports were not published. Share this article.
        """

    func testAnalysisIsTheSameWhetherTheParagraphWordsAreKeptOrScannedAgain() throws {
        var pipeline = (try? AnalysisPipeline.bundled()) ?? AnalysisPipeline(entityRecognizer: EntityRecognizer())
        let input = ArticleInput(bytes: Array(article.utf8), name: "t.txt", received: "2026-11-25T12:04:00Z")
        let reference = try pipeline.analyze(input)
        let scalars = reference.text.scalars.count
        XCTAssertGreaterThan(scalars, 100)
        XCTAssertFalse(reference.keyphrases.isEmpty)
        let expected = reference.jsonBytes()
        for limit in [0, scalars - 1, scalars, scalars + 1, Int.max] {
            pipeline.keptParagraphWordsLimit = limit
            let analysis = try pipeline.analyze(input)
            XCTAssertEqual(analysis.jsonBytes(), expected, "limit \(limit), \(scalars) scalars")
        }
    }
}
