import XCTest
@testable import ArticleAnalysis

final class DecodingTests: XCTestCase {
    let decoder = ArticleDecoder()

    /// `text` as UTF-16 with a byte-order mark.
    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let low = UInt8(unit & 0xFF), high = UInt8(unit >> 8)
            bytes += littleEndian ? [low, high] : [high, low]
        }
        return bytes
    }

    private func decode(_ bytes: [UInt8]) throws -> DecodedText { try decoder.decode(bytes) }

    private func assertError(_ bytes: [UInt8], _ code: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let decoded = try decoder.decode(bytes)
            XCTFail("expected \(code), decoded as \(decoded.encoding.rawValue)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.code, code, file: file, line: line)
        }
    }

    func testPlainUTF8() throws {
        let decoded = try decode(Array("al-Qaeda’s “offshoot”".utf8))
        XCTAssertEqual(decoded.text, "al-Qaeda’s “offshoot”")
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertFalse(decoded.isFallback)
    }

    func testUTF8WithByteOrderMarkDropsTheMark() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Array("Café".utf8))
        XCTAssertEqual(decoded.text, "Café")
        XCTAssertEqual(decoded.encoding, .utf8WithBOM)
        XCTAssertFalse(decoded.isFallback)
    }

    func testUTF16LittleAndBigEndianWithByteOrderMark() throws {
        let text = "Al-Nusra “Front” 😀\nnext"
        let little = Self.utf16(text, littleEndian: true), big = Self.utf16(text, littleEndian: false)
        let a = try decode(little), b = try decode(big)
        XCTAssertEqual(a.text, text); XCTAssertEqual(a.encoding, .utf16LittleEndian)
        XCTAssertEqual(b.text, text); XCTAssertEqual(b.encoding, .utf16BigEndian)
        XCTAssertFalse(a.isFallback || b.isFallback)
    }

    func testUTF16WithOddLengthOrLoneSurrogateIsUndecodable() {
        assertError([0xFF, 0xFE, 0x41, 0x00, 0x42], "undecodable")
        assertError([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00], "undecodable")
    }

    func testInvalidUTF8AfterAByteOrderMarkIsUndecodable() {
        assertError([0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28, 0x42], "undecodable")
    }

    func testWindows1252FallbackIsFlagged() throws {
        // "Caf\xE9 \x93quoted\x94 \x80 5" in Windows-1252.
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x80, 0x20, 0x35]
        let decoded = try decode(bytes)
        XCTAssertEqual(decoded.text, "Café “quoted” € 5")
        XCTAssertEqual(decoded.encoding, .windows1252)
        XCTAssertTrue(decoded.isFallback)
    }

    func testInvalidUTF8WithBytesWindows1252LeavesUndefinedIsUndecodable() {
        for undefined: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            assertError(Array("some text ".utf8) + [0xC3, undefined, 0xC3] + Array(" more".utf8), "undecodable")
        }
    }

    func testEmptyAndWhiteSpaceOnlyAreEmpty() {
        assertError([], "empty")
        assertError(Array(" \n\t\r\n  ".utf8), "empty")
        assertError([0xEF, 0xBB, 0xBF], "empty")
        assertError(Array("\u{00A0}\u{2003}\n".utf8), "empty")
    }

    func testNULBytesAreBinary() {
        assertError(Array("text".utf8) + [0] + Array("more text".utf8), "binary")
        // UTF-16 holding U+0000 is binary too.
        assertError([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00], "binary")
    }

    func testMostlyControlCharactersAreBinary() {
        var bytes = Array("An executable is not an article.".utf8)
        bytes += [UInt8](repeating: 0x01, count: 40) + [0x7F, 0x1B, 0x02]
        assertError(bytes, "binary")
        // An ELF header: a NUL early on.
        assertError([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00], "binary")
    }

    func testAFewControlCharactersAreTolerated() throws {
        let text = String(repeating: "A sentence of article text. ", count: 20) + "\u{1B}"
        XCTAssertNoThrow(try decode(Array(text.utf8)))
    }

    func testLineEndingsAreNormalisedToLF() throws {
        XCTAssertEqual(try decode(Array("one\r\ntwo\rthree\n\r\nfour".utf8)).text, "one\ntwo\nthree\n\nfour")
        XCTAssertEqual(try decode(Self.utf16("a\r\nb", littleEndian: true)).text, "a\nb")
    }

    func testErrorsCarryStableCodesAndMessages() {
        XCTAssertEqual(AnalysisError.empty.code, "empty")
        XCTAssertEqual(AnalysisError.binary("x").code, "binary")
        XCTAssertEqual(AnalysisError.undecodable("x").code, "undecodable")
        XCTAssertTrue(AnalysisError.binary("it contains NUL bytes").description.contains("NUL"))
    }

    func testReferenceArticleDecodesAsUTF8() throws {
        let bytes = try XCTUnwrap(CorpusFiles.reference())
        let decoded = try decode(bytes)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertTrue(decoded.text.hasPrefix("The leader of Jabhat al-Nusrah, al-Qaeda’s"))
    }
}
