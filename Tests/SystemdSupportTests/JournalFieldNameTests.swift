import SystemdSupport
import XCTest

final class JournalFieldNameTests: XCTestCase {
    func testLowerCaseSnakeKeysBecomeUpperCase() {
        XCTAssertEqual(JournalFieldName.sanitised("article_file"), "ARTICLE_FILE")
        XCTAssertEqual(JournalFieldName.sanitised("analysis_ms"), "ANALYSIS_MS")
        XCTAssertEqual(JournalFieldName.sanitised("message_id"), "MESSAGE_ID")
    }

    func testCharactersOutsideTheAllowedSetBecomeUnderscores() {
        XCTAssertEqual(JournalFieldName.sanitised("article.sha256"), "ARTICLE_SHA256")
        XCTAssertEqual(JournalFieldName.sanitised("worker-id"), "WORKER_ID")
        XCTAssertEqual(JournalFieldName.sanitised("file name"), "FILE_NAME")
        XCTAssertEqual(JournalFieldName.sanitised("größe"), "GR__E")
    }

    func testLeadingUnderscoresAreRemovedBecauseJournaldReservesThem() {
        XCTAssertEqual(JournalFieldName.sanitised("_pid"), "PID")
        XCTAssertEqual(JournalFieldName.sanitised("__a"), "A")
        XCTAssertEqual(JournalFieldName.sanitised(".hidden"), "HIDDEN")
    }

    func testLeadingDigitGetsAPrefix() {
        XCTAssertEqual(JournalFieldName.sanitised("2fa"), "F2FA")
    }

    func testKeysWithNothingUsableAreDropped() {
        XCTAssertNil(JournalFieldName.sanitised(""))
        XCTAssertNil(JournalFieldName.sanitised("__"))
        XCTAssertNil(JournalFieldName.sanitised("..."))
    }

    func testNamesAreLimitedToSixtyFourCharacters() {
        let name = JournalFieldName.sanitised(String(repeating: "a", count: 100))
        XCTAssertEqual(name, String(repeating: "A", count: 64))
    }
}
