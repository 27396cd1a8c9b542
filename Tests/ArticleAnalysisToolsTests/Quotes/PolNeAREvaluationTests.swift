import ArticleAnalysis
import ArticleAnalysisTools
import XCTest

/// The PolNeAR reader and scorer on a made-up article (the corpus itself stays in ../shared).
final class PolNeAREvaluationTests: XCTestCase {
    // 0         1         2         3         4         5         6         7         8
    // 012345678901234567890123456789012345678901234567890123456789012345678901234567890
    static let text = "Smith said the vote was rigged.\n\n“We will win this race easily,” he told reporters."
    static let annotations = """
        T1\tSource 0 5\tSmith
        T2\tCue 6 10\tsaid
        T3\tContent 11 30\tthe vote was rigged
        E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3
        T4\tContent 33 64\t“We will win this race easily,”
        T5\tSource 65 67\the
        T6\tCue 68 72\ttold
        E2\tAttribution:T6 Source:T5 Cue:T6 Content:T4

        """

    func testReadsAttributionsAndGoldQuotes() {
        let article = PolNeARArticle(name: "x", text: Self.text, annotations: Self.annotations)
        XCTAssertEqual(article.attributions.count, 2)
        XCTAssertEqual(article.attributions[0].source, [TextSpan(start: 0, end: 5)])
        let direct = article.directQuotes()
        XCTAssertEqual(direct.map(\.span), [TextSpan(start: 34, end: 63)])
        XCTAssertEqual(direct.first?.sources, [TextSpan(start: 65, end: 67)])
        XCTAssertEqual(article.reportedSpeech().count, 1)
    }

    func testScoresMatchesSpeakersAndReportedSpeech() {
        let article = PolNeARArticle(name: "x", text: Self.text, annotations: Self.annotations)
        let scalars = Array(Self.text.unicodeScalars)
        func words(_ start: Int, _ end: Int) -> QuoteWords {
            QuoteWords(text: String(String.UnicodeScalarView(scalars[start..<end])), span: TextSpan(start: start, end: end))
        }
        let quotes = [
            Quote(kind: .indirect, text: "the vote was rigged", span: TextSpan(start: 11, end: 30),
                  speaker: Speaker(entity: nil, name: "Smith", mention: words(0, 5)), cue: words(6, 10), flags: []),
            // Covers most of the gold quote; the speaker mention is the wrong word.
            Quote(kind: .direct, text: "We will win this race", span: TextSpan(start: 34, end: 55),
                  speaker: Speaker(entity: nil, name: "reporters", mention: words(73, 82)), cue: words(68, 72), flags: []),
        ]
        var score = PolNeAREvaluation()
        score.add(article, cleaned: scalars, quotes: quotes)
        XCTAssertEqual(score.directMatched, 1)
        XCTAssertEqual(score.directF1, 1)
        XCTAssertEqual(score.speakerScored, 1)
        XCTAssertEqual(score.speakerRight, 0)
        XCTAssertEqual(score.reportedMatched, 1)
        XCTAssertEqual(score.reportedSpeakerRight, 1)
        XCTAssertEqual(score.errors["speaker: pronoun"], 1)  // the gold source is "he"
    }

    func testAlignmentMapsCollapsedWhiteSpaceBack() {
        let original = Array("a  b\n\n\nc".unicodeScalars), cleaned = Array("a b\n\nc".unicodeScalars)
        let align = TextAlignment(from: cleaned, to: original)
        XCTAssertEqual(align.span(TextSpan(start: 2, end: 3)), TextSpan(start: 3, end: 4))
        XCTAssertEqual(align.span(TextSpan(start: 5, end: 6)), TextSpan(start: 7, end: 8))
    }

    /// SOURCE.md: a quote inside the content of two attributions (one nested in the other) takes
    /// the source of either; a quote whose attribution has no source is matched but its speaker
    /// is not scored (there is no source span to overlap).
    func testNestedAndSourcelessAttributions() {
        // 0         1         2         3         4         5         6         7
        // 0123456789012345678901234567890123456789012345678901234567890123456789012
        let text = "Jones wrote that Smith said “we will win this race easily” on Friday.\n\n“They cannot stop us now anyway,” read a banner."
        let annotations = """
            T1\tSource 0 5\tJones
            T2\tCue 6 11\twrote
            T3\tContent 12 58\tthat Smith said “we will win this race easily”
            E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3
            T4\tSource 17 22\tSmith
            T5\tCue 23 27\tsaid
            T6\tContent 28 58\t“we will win this race easily”
            E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6
            T7\tContent 71 104\t“They cannot stop us now anyway,”
            T8\tCue 105 109\tread
            E3\tAttribution:T8 Cue:T8 Content:T7

            """
        let article = PolNeARArticle(name: "x", text: text, annotations: annotations)
        let direct = article.directQuotes()
        XCTAssertEqual(direct.map(\.span), [TextSpan(start: 29, end: 57), TextSpan(start: 72, end: 103)])
        XCTAssertEqual(direct[0].sources, [TextSpan(start: 0, end: 5), TextSpan(start: 17, end: 22)])
        XCTAssertEqual(direct[1].sources, [])
        let scalars = Array(text.unicodeScalars)
        func quote(_ span: TextSpan, mention: TextSpan) -> Quote {
            let words = QuoteWords(text: String(String.UnicodeScalarView(scalars[mention.start..<mention.end])), span: mention)
            return Quote(kind: .direct, text: String(String.UnicodeScalarView(scalars[span.start..<span.end])), span: span,
                         speaker: Speaker(entity: nil, name: words.text, mention: words), cue: nil, flags: [])
        }
        for mention in [TextSpan(start: 0, end: 5), TextSpan(start: 17, end: 22)] {
            var score = PolNeAREvaluation()
            score.add(article, cleaned: scalars, quotes: [quote(direct[0].span, mention: mention), quote(direct[1].span, mention: mention)])
            XCTAssertEqual(score.directMatched, 2)
            XCTAssertEqual(score.speakerScored, 1)
            XCTAssertEqual(score.speakerRight, 1)
        }
    }
}
