@testable import ArticleAnalysis
import XCTest

/// `ArticleDecoder.decodeUTF8` (the web page reader's entry) gives the bytes of `decode`'s text,
/// and its own UTF-8 check agrees with the standard library's.
final class DecodeUTF8Tests: XCTestCase {
    func testTheBytesAreTheTextOfDecode() throws {
        let inputs: [[UInt8]] = [
            Array("<p>plain ASCII</p>".utf8), Array("caf\u{E9} \u{2019}quoted\u{2019} \u{1F600} \u{A0}nbsp".utf8),
            Array("line\r\nends\rhere".utf8), [0xEF, 0xBB, 0xBF] + Array("bom".utf8), [0x63, 0x61, 0x66, 0xE9],
            Array("ab\u{85}\u{86}".utf8), Array("ab\u{FFFD}".utf8), Array(" \n\t".utf8), [0x61, 0x00, 0x62], [0x61, 0x81],
            Array(String(repeating: "longer text with é and ü, ", count: 40).utf8),
        ]
        for input in inputs {
            let expected: Result<DecodedText, AnalysisError> = Result { () throws(AnalysisError) in try ArticleDecoder().decode(input) }
            let actual: Result<(utf8: [UInt8], encoding: SourceEncoding, isFallback: Bool), AnalysisError> = Result { () throws(AnalysisError) in try ArticleDecoder().decodeUTF8(input) }
            switch (expected, actual) {
            case let (.success(text), .success(bytes)):
                XCTAssertEqual(bytes.utf8, Array(text.text.utf8), "\(input)")
                XCTAssertEqual(bytes.encoding, text.encoding)
                XCTAssertEqual(bytes.isFallback, text.isFallback)
            case let (.failure(a), .failure(b)):
                XCTAssertEqual(a.code, b.code, "\(input)")
            default:
                XCTFail("decode and decodeUTF8 disagree on \(input)")
            }
        }
    }

    /// `isPlainUTF8` says yes exactly when the standard library reads the bytes as UTF-8 and
    /// they hold no NUL, C0 control but tab/LF/FF, CR, DEL, C1 control or U+FFFD, and some
    /// visible ASCII.
    func testThePlainTextCheckAgreesWithItsDefinition() {
        // Pseudo-random byte strings biased towards the edges of the UTF-8 ranges (Knuth's MMIX LCG).
        var state: UInt64 = 16
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBD, 0xBF, 0xC0, 0xC1, 0xC2,
                                    0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        func expected(_ bytes: [UInt8]) -> Bool {
            guard let text = String(validating: bytes, as: UTF8.self) else { return false }
            var visible = false
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x09, 0x0A, 0x0C, 0x20: continue
                case 0x21..<0x7F: visible = true
                case 0..<0x20, 0x7F...0x9F, 0xFFFD: return false
                default: continue
                }
            }
            return visible
        }
        for round in 0..<30_000 {
            let length = Int(next() % 40)
            var bytes = (0..<length).map { _ in next() % 3 == 0 ? UInt8(truncatingIfNeeded: next()) : interesting[Int(next() % UInt64(interesting.count))] }
            if round % 2 == 0 { bytes = Array("plain ascii text".utf8) + bytes }  // the eight-byte path, then the edge
            XCTAssertEqual(bytes.withUnsafeBufferPointer { ArticleDecoder.isPlainUTF8($0) }, expected(bytes), "\(bytes)")
        }
        for scalar in [0x7F, 0x80, 0x9F, 0xA0, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF] {
            let bytes = Array("12345678".utf8) + Array(String(Unicode.Scalar(UInt32(scalar))!).utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { ArticleDecoder.isPlainUTF8($0) }, expected(bytes), "U+\(String(scalar, radix: 16))")
        }
    }
}
