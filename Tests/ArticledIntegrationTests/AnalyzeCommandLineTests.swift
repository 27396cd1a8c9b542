import Foundation
import XCTest

/// `articled analyze` on the real binary: file operands mixed with options, `--`, and the options
/// that take a value (the binary reads the file list apart from swift-argument-parser; see
/// `AnalyzeOperands`).
final class AnalyzeCommandLineTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "articled-cli-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = "PARIS — The minister said on Tuesday that the talks would go on.\n"
        for name in ["a.txt", "b.txt", "-dash.txt"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8)))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func testOptionsBetweenFilesApplyToEveryFileAndDashDashEndsTheOptions() throws {
        let result = try run(["analyze", "a.txt", "--published", "2020-03-17", "b.txt", "--", "-dash.txt"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, result.output)
        for line in lines {
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let dates = json?["dates"] as? [[String: Any]] ?? []
            XCTAssertEqual(dates.first?["basis"] as? String, "published", String(line))
            XCTAssertEqual(dates.first?["value"] as? String, "2020-03-17", String(line))
        }
    }

    func testAnOptionAfterTheFilesStillAppliesToAll() throws {
        let result = try run(["analyze", "a.txt", "b.txt", "--max-bytes", "10"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("a.txt") && result.error.contains("b.txt"), result.error)
        XCTAssertEqual(result.output, "")
    }

    func testAnUnknownOptionAmongFilesIsAnError() throws {
        let result = try run(["analyze", "a.txt", "--no-such-option", "b.txt"])
        XCTAssertEqual(result.status, 64, result.error)
        XCTAssertTrue(result.error.contains("--no-such-option"), result.error)
    }

    /// The binary splits the options that take a value from the files by a list of their names:
    /// every option the help shows with a value must be on it (Sources/articled/AnalyzeOperands.swift).
    func testTheOptionsWithAValueAreTheOnesTheFileSplitKnows() throws {
        let result = try run(["analyze", "--help"])
        XCTAssertEqual(result.status, 0)
        let usage = result.output.split(separator: "\n").first { $0.hasPrefix("USAGE:") }.map(String.init) ?? ""
        var valued: Set<String> = []
        let words = usage.split(separator: " ").map(String.init)
        for (word, next) in zip(words, words.dropFirst()) where word.hasPrefix("[--") && next.hasPrefix("<") {
            valued.insert(String(word.dropFirst()))
        }
        XCTAssertEqual(valued, ["--max-bytes", "--published", "--default-language"], usage)
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
