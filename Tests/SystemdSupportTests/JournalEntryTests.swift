import Logging
import SystemdSupport
import XCTest

final class JournalEntryTests: XCTestCase {
    private struct DiskFull: Error, CustomStringConvertible {
        var description: String { "no space left on device" }
    }

    private func entry(
        level: Logger.Level = .info, message: String = "analysed", metadata: Logger.Metadata = [:],
        error: (any Error)? = nil
    ) -> JournalEntry {
        JournalEntry(
            identifier: "articled", label: "articled.daemon", level: level, message: message, metadata: metadata,
            error: error, file: "ArticledCore/Daemon.swift", function: "process(_:)", line: 42)
    }

    func testStandardFieldsComeFirst() {
        let fields = entry(level: .warning).fields
        XCTAssertEqual(
            Array(fields.prefix(7)),
            [
                .init(name: "MESSAGE", value: "analysed"),
                .init(name: "PRIORITY", value: "4"),
                .init(name: "SYSLOG_IDENTIFIER", value: "articled"),
                .init(name: "CODE_FILE", value: "ArticledCore/Daemon.swift"),
                .init(name: "CODE_LINE", value: "42"),
                .init(name: "CODE_FUNC", value: "process(_:)"),
                .init(name: "LOGGER_LABEL", value: "articled.daemon"),
            ])
    }

    func testMetadataBecomesSanitisedFieldsInKeyOrder() {
        let fields = entry(metadata: ["article_file": "a.txt", "analysis_ms": "12", "article.sha256": "ab"]).fields
        XCTAssertEqual(
            Array(fields.dropFirst(7)),
            [
                .init(name: "ANALYSIS_MS", value: "12"),
                .init(name: "ARTICLE_SHA256", value: "ab"),
                .init(name: "ARTICLE_FILE", value: "a.txt"),
            ])
    }

    func testMessageIDMetadataBecomesMessageIDField() {
        let entry = entry(metadata: [JournalLogHandler.messageIDKey: .string(JournalMessageID.articleAnalysed)])
        XCTAssertEqual(entry["MESSAGE_ID"], JournalMessageID.articleAnalysed)
    }

    func testValuesKeepNewlinesAndTheirAssignmentIsNameEqualsValue() {
        let entry = entry(message: "line one\nline two", metadata: ["article_file": "odd\nname.txt"])
        XCTAssertEqual(entry["MESSAGE"], "line one\nline two")
        XCTAssertEqual(entry["ARTICLE_FILE"], "odd\nname.txt")
        let field = entry.fields.first { $0.name == "ARTICLE_FILE" }
        XCTAssertEqual(field?.assignment, Array("ARTICLE_FILE=odd\nname.txt".utf8))
    }

    func testMetadataCannotReplaceTheHandlersOwnFields() {
        let entry = entry(metadata: ["message": "spoofed", "priority": "0"])
        XCTAssertEqual(entry.fields.filter { $0.name == "MESSAGE" }.map(\.value), ["analysed"])
        XCTAssertEqual(entry["METADATA_MESSAGE"], "spoofed")
        XCTAssertEqual(entry["METADATA_PRIORITY"], "0")
    }

    func testNonStringMetadataIsRenderedAsText() {
        let entry = entry(metadata: ["count": .stringConvertible(3), "names": ["a", "b"]])
        XCTAssertEqual(entry["COUNT"], "3")
        XCTAssertEqual(entry["NAMES"], Logger.MetadataValue.array(["a", "b"]).description)
    }

    func testEventErrorBecomesErrorFieldUnlessMetadataHasOne() {
        XCTAssertEqual(entry(error: DiskFull())["ERROR"], "no space left on device")
        let explicit = entry(metadata: ["error": "quota"], error: DiskFull())
        XCTAssertEqual(explicit.fields.filter { $0.name == "ERROR" }.map(\.value), ["quota"])
    }

    func testUnusableKeysAreDropped() {
        XCTAssertEqual(entry(metadata: ["__": "x"]).fields.count, 7)
    }

    func testHandlerMergesHandlerProviderAndEventMetadataWithEventWinning() {
        var handler = JournalLogHandler(
            label: "articled", metadataProvider: .init { ["worker": "2", "spool": "provider"] })
        handler[metadataKey: "spool"] = "handler"
        handler[metadataKey: "instance"] = "a"
        let event = LogEvent(
            level: .info, message: "m", metadata: ["worker": "3"], source: nil, file: "F.swift", function: "f()",
            line: 1)
        let entry = handler.entry(for: event)
        XCTAssertEqual(entry["INSTANCE"], "a")
        XCTAssertEqual(entry["SPOOL"], "provider")
        XCTAssertEqual(entry["WORKER"], "3")
    }
}
