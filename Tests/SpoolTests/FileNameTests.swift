import XCTest
@testable import Spool

final class FileNameTests: XCTestCase {
    func testTemporaryAndHiddenNamesAreIgnored() {
        for name in [".hidden", "draft.tmp", "upload.part", "notes~", ".articled-1-2.tmp", ""] {
            XCTAssertTrue(FileName(name).isIgnored, name)
        }
        for name in ["article.txt", "tmp", "part.txt", "a.tmp.txt", "name with spaces"] {
            XCTAssertFalse(FileName(name).isIgnored, name)
        }
    }

    func testEscapingKeepsTextAndEscapesControlAndInvalidBytes() {
        XCTAssertEqual(FileName("plain name.txt").escaped, "plain name.txt")
        XCTAssertEqual(FileName("Zürich — 東京.txt").escaped, "Zürich — 東京.txt")
        XCTAssertEqual(FileName("two\nlines").escaped, "two\\nlines")
        XCTAssertEqual(FileName("back\\slash").escaped, "back\\\\slash")
        XCTAssertEqual(FileName(bytes: [0x61, 0xFF, 0x81, 0x62]).escaped, "a\\xff\\x81b")
        XCTAssertEqual(FileName(bytes: [0x61, 0x1B]).escaped, "a\\x1b")
        // A truncated UTF-8 sequence is escaped byte by byte.
        XCTAssertEqual(FileName(bytes: [0xE2, 0x80]).escaped, "\\xe2\\x80")
    }

    func testLossyStringReplacesInvalidBytes() {
        XCTAssertEqual(FileName(bytes: [0x61, 0xFF]).lossyString, "a\u{FFFD}")
    }

    func testAppendingKeepsDerivedNamesWithinNameMax() {
        let long = FileName(String(repeating: "x", count: 255))
        let derived = long.appending(".error.json")
        XCTAssertEqual(derived.bytes.count, 255)
        XCTAssertTrue(derived.hasSuffix(".error.json"))
        XCTAssertEqual(FileName("a.txt").appending(".json"), FileName("a.txt.json"))
    }
}
