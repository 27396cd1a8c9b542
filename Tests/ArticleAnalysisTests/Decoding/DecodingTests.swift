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
        try CorpusFiles.requireCorpus()
        let bytes = try XCTUnwrap(CorpusFiles.reference())
        let decoded = try decode(bytes)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertTrue(decoded.text.hasPrefix("The leader of Jabhat al-Nusrah, al-Qaeda’s"))
    }

    /// SHA-256 (hashed with the bytes it decodes) against the FIPS 180-4 examples, and messages
    /// whose padding falls on every block boundary case (55, 56, 63, 64, 65, 119, 120, 128 bytes).
    func testSHA256KnownDigests() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8)),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let expected: [Int: String] = [
            55: "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b",
            56: "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27",
            63: "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055",
            64: "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241",
            65: "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e",
            119: "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e",
            120: "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5",
            128: "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6",
        ]
        for (length, digest) in expected {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
            XCTAssertEqual(SHA256.hex(message), digest, "\(length) bytes")
            XCTAssertEqual(SHA256.digest(message).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined(), digest)
        }
    }

    /// The one-pass byte survey must refuse and accept exactly what the full check does.
    func testControlCharactersAfterUTF8LeadBytes() throws {
        // C1 controls (C2 80–C2 9F) and U+FFFD count as control characters; other C2/EF characters do not.
        XCTAssertEqual(try decode(Array("caf\u{A0}é ﬁ".utf8)).text, "caf\u{A0}é ﬁ")
        assertError(Array("ab\u{85}\u{86}".utf8), "binary")
        assertError(Array("ab\u{FFFD}".utf8), "binary")
        assertError(Array(" \u{A0}\n".utf8), "empty")
        XCTAssertEqual(try decode(Array("\u{A0}é\r\nx".utf8)).text, "\u{A0}é\nx")
    }
}
