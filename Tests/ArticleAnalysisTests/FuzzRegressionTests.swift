import ArticleAnalysis
import ArticleModels
import Foundation
import XCTest

/// Inputs kept from fuzzing (`make fuzz`) and hand-written edge cases, in `Tests/Fixtures/fuzz`:
/// each goes through the whole analysis and must come out as an analysis whose JSON parses, or
/// as a refusal (`AnalysisError`), never as a trap.
final class FuzzRegressionTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    func testEveryKeptInputIsAnalysedOrRefused() throws {
        let pipeline = try AnalysisPipeline.bundled()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "README.md" }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10, "the regression inputs are there")
        var analysed = 0
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            switch Result(catching: { () throws(AnalysisError) in
                try pipeline.analyze(ArticleInput(bytes: bytes, name: name, received: "2026-12-07T08:00:00Z"))
            }) {
            case .success(let analysis):
                let json = try JSONSerialization.jsonObject(with: Data(analysis.jsonBytes())) as? [String: Any]
                XCTAssertNotNil(json?["text"] as? String, name)
                analysed += 1
            case .failure(let error):
                XCTAssertFalse(error.code.isEmpty, name)
            }
        }
        XCTAssertGreaterThan(analysed, names.count / 2, "most of them are analysable text")
    }
}
