import ArticleModels
import XCTest
@testable import ArticleAnalysis

final class TabSeparatedLinesTests: XCTestCase {
    private func lines(_ text: String) -> [(number: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        var out: [(Int, [String])] = []
        bytes.withUnsafeBufferPointer { b in
            TabSeparatedLine.forEach(in: b) { line in
                let fields = (0..<min(line.count, TabSeparatedLine.kept)).map { String(decoding: b[line[$0]], as: UTF8.self) }
                out.append((line.number, fields + Array(repeating: "…", count: max(0, line.count - TabSeparatedLine.kept))))
            }
        }
        return out
    }

    func testLinesSkipCommentsAndEmptyLinesAndKeepEmptyFields() {
        let read = lines("# comment\nen\tthe\t-3.9\n\nen\t\t-9\na\tb\tc\td\te\nlast")
        XCTAssertEqual(read.map(\.number), [2, 4, 5, 6])
        XCTAssertEqual(read.map(\.fields), [["en", "the", "-3.9"], ["en", "", "-9"], ["a", "b", "c", "d", "…"], ["last"]])
        XCTAssertTrue(lines("").isEmpty)
        XCTAssertTrue(lines("\n\n#x\n").isEmpty)
    }

    func testPlainDecimalsReadAsTheStandardParsersReadThem() throws {
        func float(_ s: String) -> Float? { Array(s.utf8).withUnsafeBufferPointer { PlainDecimal.float($0, 0..<$0.count) } }
        func double(_ s: String) -> Double? { Array(s.utf8).withUnsafeBufferPointer { PlainDecimal.double($0, 0..<$0.count) } }
        // Every value with up to three decimals between -20 and 20, every value of the shipped files.
        var texts: [String] = []
        for n in -20_000...20_000 {
            let magnitude = abs(n)
            texts.append("\(n < 0 ? "-" : "")\(magnitude / 1000).\(String(magnitude % 1000 + 1000).dropFirst())")
        }
        for name in [BundledModels.languageProfilesFile, BundledModels.toneLexiconFile] {
            let text = String(decoding: try BundledModels.bytes(of: name), as: UTF8.self)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                if let last = line.split(separator: "\t").last { texts.append(String(last)) }
            }
        }
        var plain = 0
        for text in texts {
            if let value = float(text) { XCTAssertEqual(value.bitPattern, Float(text)?.bitPattern, text); plain += 1 }
            if let value = double(text) { XCTAssertEqual(value.bitPattern, Double(text)?.bitPattern, text) }
        }
        XCTAssertGreaterThan(plain, 50_000)
        for text in ["1e3", "+1", ".5", "5.", "", "-", "1.2.3", "0x10", "nan", " 1"] {
            XCTAssertNil(float(text), text)
            XCTAssertNil(double(text), text)
        }
        XCTAssertEqual(float("-0")?.sign, .minus)
        XCTAssertNil(float("16777216"))  // 2^24: not exact as a Float operand, left to Float(String)
        XCTAssertEqual(double("0.293"), 0.293)
    }
}
