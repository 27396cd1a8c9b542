import Foundation
import Logging
import SystemdSupport
import XCTest

/// Writes through ``JournalLogHandler`` into a real journald and reads the entry back with
/// `journalctl -o json` (see ``TestJournal`` for which journald and when the test skips).
final class JournaldTests: XCTestCase {
    func testEntriesCarryMessagePriorityCodeLocationAndMetadataFields() throws {
        let journal = try TestJournal()
        defer { journal.stop() }
        let run = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let logger = Logger(label: "articled.test") { JournalLogHandler(label: $0, identifier: "articled") }

        let line = #line + 1
        logger.warning(
            "could not analyse\nsecond line",
            metadata: [
                "article_file": "odd name\nwith newline.txt",
                "analysis_ms": .stringConvertible(12),
                "message_id": .string(JournalMessageID.articleFailed),
                "test_run": .string(run),
            ])

        let entries = try journal.waitForEntries(matching: ["SYSLOG_IDENTIFIER=articled", "TEST_RUN=\(run)"])
        XCTAssertEqual(entries.count, 1, "journalctl found \(entries.count) entries for TEST_RUN=\(run)")
        let entry = try XCTUnwrap(entries.first)
        XCTAssertEqual(journalText(entry["MESSAGE"]), "could not analyse\nsecond line")
        XCTAssertEqual(journalText(entry["PRIORITY"]), "4")
        XCTAssertEqual(journalText(entry["SYSLOG_IDENTIFIER"]), "articled")
        XCTAssertEqual(journalText(entry["CODE_FILE"])?.hasSuffix("JournaldTests.swift"), true)
        XCTAssertEqual(journalText(entry["CODE_LINE"]), String(line))
        XCTAssertEqual(
            journalText(entry["CODE_FUNC"]), "testEntriesCarryMessagePriorityCodeLocationAndMetadataFields()")
        XCTAssertEqual(journalText(entry["ARTICLE_FILE"]), "odd name\nwith newline.txt")
        XCTAssertEqual(journalText(entry["ANALYSIS_MS"]), "12")
        XCTAssertEqual(journalText(entry["MESSAGE_ID"]), JournalMessageID.articleFailed)
        XCTAssertEqual(journalText(entry["LOGGER_LABEL"]), "articled.test")
    }
}
