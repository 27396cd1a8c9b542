import Foundation
import XCTest
@testable import ArticleAnalysis

/// The text stages through the whole pipeline: refused inputs, encodings, and the reference article.
final class PipelineTextStageTests: XCTestCase {
    let pipeline = AnalysisPipeline(entityRecognizer: EntityRecognizer())

    private func code(_ bytes: [UInt8]) -> String? {
        do { _ = try pipeline.analyze(ArticleInput(bytes: bytes, name: "x")); return nil } catch { return error.code }
    }

    func testRefusedInputs() throws {
        XCTAssertEqual(code([]), "empty")
        XCTAssertEqual(code(Array("  \n\n\t ".utf8)), "empty")
        XCTAssertEqual(code(Array("bad ".utf8) + [0xC3, 0x81, 0x8D, 0x20] + Array("utf-8".utf8)), "undecodable")
        if let ls = FileManager.default.contents(atPath: "/bin/ls") {
            XCTAssertEqual(code([UInt8](ls)), "binary")
        }
    }

    func testTheSameArticleInEveryEncodingGivesTheSameText() throws {
        let article = "Talks resume in Geneva\r\n\r\nFriday, January 4, 2019\r\n\r\nThe minister’s talks “will resume” next week, he said.\r\n\r\nShare."
        var variants: [[UInt8]] = [Array(article.utf8), [0xEF, 0xBB, 0xBF] + Array(article.utf8)]
        for little in [true, false] {
            var bytes: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in article.utf16 { bytes += little ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            variants.append(bytes)
        }
        // Windows-1252: ’ is 0x92, “ 0x93, ” 0x94.
        var cp1252: [UInt8] = []
        for scalar in article.unicodeScalars {
            switch scalar { case "’": cp1252.append(0x92); case "“": cp1252.append(0x93); case "”": cp1252.append(0x94); default: cp1252.append(UInt8(scalar.value)) }
        }
        variants.append(cp1252)

        var encodings: [SourceEncoding] = []
        for bytes in variants {
            let analysis = try pipeline.analyze(ArticleInput(bytes: bytes, name: "t.txt"))
            XCTAssertEqual(analysis.title, "Talks resume in Geneva")
            XCTAssertEqual(analysis.dateline?.date, "2019-01-04")
            XCTAssertEqual(analysis.text.string, "The minister’s talks “will resume” next week, he said.")
            XCTAssertEqual(analysis.removed, [RemovedLine(text: "Share.", rule: "share")])
            XCTAssertEqual(analysis.source.bytes, bytes.count)
            encodings.append(analysis.source.encoding)
            XCTAssertEqual(analysis.source.encodingFallback, analysis.source.encoding == .windows1252)
        }
        XCTAssertEqual(encodings, [.utf8, .utf8WithBOM, .utf16LittleEndian, .utf16BigEndian, .windows1252])
    }

    func testReferenceArticleThroughThePipeline() throws {
        try CorpusFiles.requireCorpus()
        let analysis = try pipeline.analyze(ArticleInput(bytes: XCTUnwrap(CorpusFiles.reference()), name: "al-nusrah-interview.txt"))
        XCTAssertNil(analysis.title)
        XCTAssertEqual(analysis.segmentation.paragraphs.count, 10)
        XCTAssertEqual(analysis.removed.map(\.text), ["Share.", "Disclosure:", "Location", "Comments are closed."])
        XCTAssertEqual(analysis.segmentation.sentences.count, 14)
        XCTAssertTrue(analysis.text.string.contains("al-Qaeda’s"))
    }
}
