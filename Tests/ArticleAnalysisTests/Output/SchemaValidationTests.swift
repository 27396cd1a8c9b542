import ArticleModels
import Foundation
import TestSupport
import XCTest
@testable import ArticleAnalysis

/// Validates the JSON the pipeline writes against docs/analysis.schema.json with Python's
/// `jsonschema` (Tests/schema/validate.py), on the reference article, every Wikinews article, every
/// PolNeAR dev article and a few odd inputs.
final class SchemaValidationTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schema = repository.appendingPathComponent("docs/analysis.schema.json")
    static let validator = repository.appendingPathComponent("Tests/schema/validate.py")

    /// A clock that advances 1.5 ms per reading, so `timing_ms` holds every stage.
    struct SteppingClock: StageClock {
        final class Counter: @unchecked Sendable { var now: UInt64 = 0 }
        let counter = Counter()
        func nanoseconds() -> UInt64 { counter.now += 1_500_000; return counter.now }
    }

    private func pipeline(learnedQuotes: Bool = true) throws -> AnalysisPipeline {
        do {
            return try AnalysisPipeline.bundled(learnedQuotes: learnedQuotes)
        } catch {
            XCTFail("the bundled pipeline does not load (\(error)); validating without models")
            return AnalysisPipeline(entityRecognizer: EntityRecognizer())
        }
    }

    /// Runs validate.py on `files`; skips when python3 or jsonschema is missing (fails under
    /// ARTICLED_REQUIRE_CORPUS=1).
    private func validate(_ files: [URL], file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.validator.path, Self.schema.path] + files.map(\.path)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw RequiredResource.missing("python3 cannot be started (\(error)); schema validation skipped") }
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw RequiredResource.missing("python3 is not installed; schema validation skipped") }
        if process.terminationStatus == 2 && errorText.contains("jsonschema is missing") {
            throw RequiredResource.missing("python3 has no jsonschema package (pip install jsonschema); schema validation skipped")
        }
        XCTAssertEqual(process.terminationStatus, 0, "validate.py:\n\(outputText)\(errorText)", file: file, line: line)
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("articled-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testReferenceAndCorpusArticlesValidateAgainstTheSchema() throws {
        try CorpusFiles.requireCorpus()
        // The default pipeline (learned quotes), and the rules alone (`--rule-quotes`).
        for learned in [true, false] {
            try validateCorpus(with: try pipeline(learnedQuotes: learned))
        }
    }

    private func validateCorpus(with pipeline: AnalysisPipeline) throws {
        let folder = try temporaryFolder()
        var inputs: [(String, [UInt8])] = [("al-nusrah-interview.txt", try XCTUnwrap(CorpusFiles.reference()))]
        // Every Wikinews article (schema articled.analysis/2: speaker mentions and cue spans).
        let corpus = CorpusFiles.wikinews()
        XCTAssertGreaterThanOrEqual(corpus.count, 171)
        inputs += corpus
        var files: [URL] = []
        for (n, (name, bytes)) in inputs.enumerated() {
            let clock: (any StageClock)? = n % 2 == 0 ? SteppingClock() : nil
            let analysis = try pipeline.analyze(ArticleInput(bytes: bytes, name: name, received: "2026-11-25T12:04:00Z"), clock: clock)
            let url = folder.appendingPathComponent(name + ".json")
            try Data(analysis.jsonBytes()).write(to: url)
            files.append(url)
        }
        try validate(files)
    }

    /// Every article of PolNeAR dev (../shared/data/polnear/dev/text): US political news with
    /// many quotes, reported speech and claims.
    func testPolNeARDevArticlesValidateAgainstTheSchema() throws {
        let dev = CorpusLocation.root.deletingLastPathComponent().appendingPathComponent("data/polnear/dev/text")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dev.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw RequiredResource.missing("PolNeAR dev is not at \(dev.path)") }
        // With the learned attribution model (the default): its reported speech and claims are
        // the output this split exercises most.
        let pipeline = try pipeline()
        let folder = try temporaryFolder()
        var files: [URL] = []
        for name in names {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: dev.appendingPathComponent(name).path))
            let analysis = try pipeline.analyze(ArticleInput(bytes: [UInt8](bytes), name: name, received: "2026-11-25T12:04:00Z"))
            XCTAssertFalse(analysis.quotes.isEmpty, name)
            let url = folder.appendingPathComponent(name + ".json")
            try Data(analysis.jsonBytes()).write(to: url)
            files.append(url)
        }
        XCTAssertEqual(files.count, 84)
        try validate(files)
    }

    func testOddInputsValidateAgainstTheSchema() throws {
        let pipeline = try pipeline()
        let folder = try temporaryFolder()
        let inputs: [(String, [UInt8])] = [
            ("one-word.txt", Array("Hello".utf8)),
            ("french.txt", Array("Le gouvernement français a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse. Les syndicats ont salué ces annonces, tout en demandant des aides plus rapides.".utf8)),
            ("windows-1252.txt", Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94] + Array(" said Mr. Smith on Jan. 5, 2019.".utf8)),
            ("furniture-only.txt", Array("Share.\nDisclosure:\n\nLocation\n\nComments are closed.".utf8)),
            ("emoji.txt", Array("Fans cheered 🎉 when the U.S. team won. “We did it,” the captain said.\n\nShare.".utf8)),
            ("wire.txt", Array("CRICKET - KELLER TAKES FOUR .\nLONDON 1996-08-30\nBy Jane Smith, Reuters\nMaria Keller took four wickets on Friday .\nKent 22 Surrey 4\n".utf8)),
        ]
        var files: [URL] = []
        for (name, bytes) in inputs {
            let analysis = try pipeline.analyze(ArticleInput(bytes: bytes, name: name), clock: SteppingClock())
            let url = folder.appendingPathComponent(name + ".json")
            try Data(analysis.jsonBytes()).write(to: url)
            files.append(url)
        }
        try validate(files)
    }

    func testValidatorRejectsADocumentThatBreaksTheSchema() throws {
        let pipeline = try pipeline()
        let folder = try temporaryFolder()
        let analysis = try pipeline.analyze(ArticleInput(bytes: Array("A short article. It has two sentences.".utf8), name: "x.txt"))
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(analysis.jsonBytes())) as? [String: Any])
        object["stats"] = ["paragraphs": 1, "sentences": "two", "words": 7]
        let url = folder.appendingPathComponent("broken.json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.validator.path, Self.schema.path, url.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw RequiredResource.missing("python3 cannot be started; skipped") }
        process.waitUntilExit()
        if process.terminationStatus == 2 || process.terminationStatus == 127 { throw RequiredResource.missing("python3 or jsonschema missing; skipped") }
        XCTAssertEqual(process.terminationStatus, 1)
    }

    /// The schema's list of furniture rules is the code's.
    func testSchemaListsEveryFurnitureRule() throws {
        let data = try Data(contentsOf: Self.schema)
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        let removed = try XCTUnwrap(properties["removed"] as? [String: Any])
        let items = try XCTUnwrap(removed["items"] as? [String: Any])
        let itemProperties = try XCTUnwrap(items["properties"] as? [String: Any])
        let rule = try XCTUnwrap(itemProperties["rule"] as? [String: Any])
        XCTAssertEqual(Set(try XCTUnwrap(rule["enum"] as? [String])), Set(FurnitureRule.allCases.map(\.rawValue)))
        let encoding = try XCTUnwrap((properties["source"] as? [String: Any])?["properties"] as? [String: Any])
        let encodings = try XCTUnwrap((encoding["encoding"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(Set(encodings), Set(SourceEncoding.allCases.map(\.rawValue)))
        XCTAssertEqual((properties["schema"] as? [String: Any])?["const"] as? String, Analysis.schemaVersion)
    }
}
