@testable import ArticleAnalysis
import XCTest

final class SummarizerTests: XCTestCase {
    /// expected.md: a three-sentence summary takes the lede first.
    func testReferenceSummaryStartsWithTheLede() throws {
        let analysis = try ReaderFixtures.bundledPipeline().analyze(
            ArticleInput(bytes: try ReaderFixtures.referenceArticle(), name: "al-nusrah-interview.txt"))
        let summary = analysis.summary
        XCTAssertEqual(summary.count, 3)
        XCTAssert(summary[0].text.hasPrefix("The leader of Jabhat al-Nusrah, al-Qaeda’s official offshoot in Syria"), summary[0].text)
        XCTAssertEqual(summary[0].span.start, 0)
        for (a, b) in zip(summary, summary.dropFirst()) { XCTAssertLessThan(a.span.start, b.span.start) }
        for sentence in summary { XCTAssertEqual(analysis.text[sentence.span], sentence.text) }
        XCTAssertFalse(summary.contains { $0.text.contains("Comments are closed") || $0.text == "Share." })
    }

    /// On every Wikinews article, through the full pipeline: three sentences of the body in text
    /// order, never the title, the dateline, a removed furniture line, a caption or a pull-quote
    /// attribution.
    func testWikinewsSummariesNeverShowTitleDatelineOrFurniture() throws {
        let pipeline = try ReaderFixtures.bundledPipeline()
        var summarized = 0
        for article in try ReaderFixtures.wikinews() {
            let analysis = try pipeline.analyze(ArticleInput(bytes: article.bytes, name: article.file, received: article.date))
            let source = String(decoding: article.bytes, as: UTF8.self)
            let lines = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let title = lines.first ?? ""
            let dateline = lines.dropFirst().first ?? ""
            XCTAssertLessThanOrEqual(analysis.summary.count, 3, article.file)
            if analysis.summary.count == 3 { summarized += 1 }
            for (a, b) in zip(analysis.summary, analysis.summary.dropFirst()) { XCTAssertLessThan(a.span.start, b.span.start) }
            for sentence in analysis.summary {
                let text = sentence.text
                XCTAssertEqual(analysis.text[sentence.span], text, article.file)
                XCTAssertFalse(text.contains(title) && !title.isEmpty, "\(article.file): title in summary: \(text)")
                XCTAssertFalse(text.contains(dateline) && !dateline.isEmpty, "\(article.file): dateline in summary: \(text)")
                if let analysisTitle = analysis.title { XCTAssertFalse(text.contains(analysisTitle), article.file) }
                if let analysisDateline = analysis.dateline { XCTAssertFalse(text.contains(analysisDateline.text), article.file) }
                for removed in analysis.removed where removed.text.count > 3 {
                    XCTAssertFalse(text.contains(removed.text), "\(article.file): removed line \(removed.text) in \(text)")
                }
                XCTAssertFalse(text.hasPrefix("—") || text.hasPrefix("–"), "\(article.file): \(text)")
                XCTAssertFalse(text.contains("Image: "), "\(article.file): \(text)")
                XCTAssert(text.unicodeScalars.contains { $0.properties.isLowercase }, "\(article.file): \(text)")
            }
        }
        XCTAssertGreaterThan(summarized, 150)
    }

    func testFurnitureAndHeadingsAreNotProse() {
        func isProse(_ string: String) -> Bool {
            let text = ScalarText(string)
            let words = ReaderWords(text.scalars, Segmenter().segment(text))
            return words.words.withUnsafeBufferPointer {
                SummaryEligibility.isProse(text.scalars, TextSpan(start: 0, end: text.count), $0, .shared)
            }
        }
        XCTAssertFalse(isProse("Share."))
        XCTAssertFalse(isProse("Comments are closed."))
        XCTAssertFalse(isProse("Dakota, a deer. Image: Nicholas Moreau."))
        XCTAssertFalse(isProse("—Zinichev calling a temporary halt to rescue work ahead of emergency stabilisation works."))
        XCTAssertFalse(isProse("Friday, January 4, 2019."))
        XCTAssertFalse(isProse("Magnitogorsk apartment building collapses after explosion, dozens dead"))
        XCTAssertFalse(isProse("Nancy Pelosi Again Elected Speaker As New Congress Sworn In."))
        XCTAssertFalse(isProse("Sources: Reuters, BBC News and the Associated Press reported this."))
        XCTAssertTrue(isProse("Sources said the building was evacuated before the explosion."))
        XCTAssertTrue(isProse("The building was home to over 1,000 people; 48 apartments were damaged."))
        XCTAssertTrue(isProse("“We received clear orders not to use Syria as a launching pad,” he said."))
    }

    func testSummaryAvoidsRepeatingItself() {
        let string = """
            A fire killed five girls at an escape room in Koszalin on Friday. \
            The fire killed five girls at the escape room in Koszalin. \
            Authorities ordered safety checks on all escape rooms in Poland. \
            The president called the deaths an appalling tragedy for the nation. \
            Escape rooms have grown in popularity in recent years.
            """
        let text = ScalarText(string)
        let summary = Summarizer().summarize(text, Segmenter().segment(text), [])
        XCTAssertEqual(summary.count, 3)
        XCTAssert(summary[0].text.hasPrefix("A fire killed five girls"))
        XCTAssertFalse(summary.contains { $0.text.hasPrefix("The fire killed five girls") }, "\(summary.map(\.text))")
    }

    func testShortTextsGiveWhatTheyHave() {
        let text = ScalarText("Only one sentence of prose is here today.")
        XCTAssertEqual(Summarizer().summarize(text, Segmenter().segment(text), []).map(\.text), ["Only one sentence of prose is here today."])
        XCTAssertEqual(Summarizer().summarize(ScalarText(""), Segmenter().segment(ScalarText("")), []), [])
    }

    /// The edge of the scratch tables' sizing rule (`Summarizer.pick`): every word a distinct
    /// term of an eligible sentence, so terms and entries reach the word count. Debug builds
    /// check every table taken from the blocks.
    func testEveryWordADistinctTermFitsTheScratchTables() {
        // Distinct lower-case words: "kab", "kac", ... (letters only, no stem of another).
        func word(_ n: Int) -> String {
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            return "k" + String(letters[(n / 26) % 26]) + String(letters[n % 26]) + "m"
        }
        var sentences: [String] = []
        for s in 0..<40 {
            let words = (0..<12).map { w in word(s * 12 + w) }
            sentences.append("The " + words.joined(separator: " ") + " stayed.")
        }
        let text = ScalarText(sentences.joined(separator: " "))
        let summary = Summarizer().summarize(text, Segmenter().segment(text), [])
        XCTAssertEqual(summary.count, Summarizer().count)
        XCTAssertTrue(summary.allSatisfy { $0.text.hasSuffix(".") })
    }
}
