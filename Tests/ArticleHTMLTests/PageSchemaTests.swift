import ArticleAnalysis
import ArticleHTML
import Foundation
import XCTest

/// A web page's result (`page`, `source.format: "text/html"`) validates against
/// docs/analysis.schema.json, with Tests/schema/validate.py as the other schema tests use it.
final class PageSchemaTests: XCTestCase {
    func testTheExamplePageResultValidatesAgainstTheSchema() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let analysis = try WebPageReader().analyze(
            ArticleInput(bytes: PageFixtures.example("escape-room-fire.html"), name: "escape-room-fire.html", received: "2026-12-07T08:00:00Z"),
            with: PageFixtures.pipeline)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("articled-page-\(getpid()).json")
        try Data(analysis.jsonBytes()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("Tests/schema/validate.py").path,
                             repository.appendingPathComponent("docs/analysis.schema.json").path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if text.contains("No module named") && ProcessInfo.processInfo.environment["ARTICLED_REQUIRE_CORPUS"] != "1" {
            throw XCTSkip("python3 has no jsonschema package")
        }
        XCTAssertEqual(process.terminationStatus, 0, text)
    }
}
