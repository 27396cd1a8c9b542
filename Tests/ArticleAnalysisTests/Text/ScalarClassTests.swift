@testable import ArticleAnalysis
import XCTest

/// The one home of scalar predicates: each agrees with the Unicode property it names on every
/// scalar, and the awkward ones (vertical tab, zero-width space, ǅ, Ⅻ) are answered once.
final class ScalarClassTests: XCTestCase {
    /// `isWhitespace` is White_Space; `isUppercase` is Uppercase or titlecase; `isLowercase` is
    /// Lowercase; `letterCase` answers both from the general category wherever it can.
    func testPredicatesAgreeWithUnicodeOnEveryScalar() {
        for v in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            let p = c.properties, category = p.generalCategory
            let name = "U+\(String(v, radix: 16))"
            XCTAssertEqual(ScalarClass.isWhitespace(c), p.isWhitespace, name)
            XCTAssertEqual(ScalarClass.isSpace(c), p.isWhitespace && !ScalarClass.isLineBreak(c), name)
            // The table of common scalars and the CJK/Hangul shortcut answer as the look-up does.
            XCTAssertEqual(ScalarClass.category(c), category, name)
            XCTAssertEqual(ScalarClass.isLetter(c), v < 0x80 ? ScalarClass.isASCIILetter(v) : ScalarClass.isLetter(category), name)
            XCTAssertEqual(ScalarClass.isDigit(c), category == .decimalNumber && (v >= 0x80 || ScalarClass.isASCIIDigit(c)), name)
            XCTAssertEqual(ScalarClass.isMark(c), [.nonspacingMark, .spacingMark, .enclosingMark].contains(category), name)
            if v >= 0x80 {
                XCTAssertEqual(ScalarClass.isPunctuation(c), [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                                              .initialPunctuation, .finalPunctuation, .otherPunctuation].contains(category), name)
            }
            let isUppercase = p.isUppercase || category == .titlecaseLetter
            XCTAssertEqual(ScalarClass.isUppercase(c), isUppercase, name)
            XCTAssertEqual(ScalarClass.isLowercase(c), p.isLowercase, name)
            // The Latin-1 and General Punctuation shortcuts answer as the general category does.
            XCTAssertEqual(ScalarClass.isLetterOrDigit(c), ScalarClass.isLetter(category) || category == .decimalNumber, name)
            if v >= 0x80 {
                let letterCase = ScalarClass.letterCase(c, category)
                XCTAssertEqual(letterCase.isUppercase, isUppercase, name)
                XCTAssertEqual(letterCase.isLowercase, p.isLowercase, name)
            }
        }
    }

    func testTheScalarsTheOldCopiesDisagreedOn() {
        XCTAssertTrue(ScalarClass.isWhitespace("\u{0B}"))   // vertical tab: White_Space
        XCTAssertFalse(ScalarClass.isWhitespace("\u{200B}"))  // zero-width space: a format character
        XCTAssertTrue(ScalarClass.isInvisible("\u{200B}"))
        XCTAssertTrue(ScalarClass.isUppercase("\u{01C5}"))  // ǅ, titlecase
        XCTAssertFalse(ScalarClass.isLowercase("\u{01C5}"))
        XCTAssertTrue(ScalarClass.isUppercase("\u{216B}"))  // Ⅻ, Other_Uppercase
        XCTAssertTrue(ScalarClass.isLowercase("\u{00AA}"))  // ª, Other_Lowercase
        XCTAssertFalse(ScalarClass.isUppercase("1"))
    }
}
