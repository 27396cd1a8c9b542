import SystemdSupport
import XCTest

final class LogLineTests: XCTestCase {
    func testFormatsLevelLabelMessageSortedMetadataAndSource() {
        let line = LogLine.format(
            level: .info, label: "articled", message: "analysed",
            metadata: ["article_file": "a.txt", "analysis_ms": "12"], source: "Daemon.swift:9",
            timestamp: "2026-11-25T12:00:00.000Z")
        XCTAssertEqual(
            line, "2026-11-25T12:00:00.000Z info articled: analysed analysis_ms=12 article_file=a.txt (Daemon.swift:9)\n")
    }

    func testControlCharactersAreEscapedSoOneEventIsOneLine() {
        let line = LogLine.format(
            level: .warning, label: "articled", message: "bad\nname",
            metadata: ["article_file": "x\ny\u{1B}[31m.txt"], timestamp: "T")
        XCTAssertEqual(line, "T warning articled: bad\\nname article_file=x\\ny\\u{1B}[31m.txt\n")
        XCTAssertEqual(line.filter { $0 == "\n" }.count, 1)
    }

    func testValuesWithSpacesQuotesOrEqualsAreQuoted() {
        let line = LogLine.format(
            level: .error, label: "l", message: "m", metadata: ["a": "two words", "b": "x=\"y\"", "c": ""],
            timestamp: "T")
        XCTAssertEqual(line, "T error l: m a=\"two words\" b=\"x=\\\"y\\\"\" c=\"\"\n")
    }

    func testTimestampIsUTCWithMilliseconds() {
        let stamp = LogLine.utcTimestamp()
        XCTAssertEqual(stamp.count, 24, stamp)
        XCTAssertTrue(stamp.hasSuffix("Z"), stamp)
        XCTAssertEqual(Array(stamp)[10], "T", stamp)
    }
}
