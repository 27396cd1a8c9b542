@testable import ArticleAnalysis
import XCTest

/// The entity stage keeps one lexeme per distinct word form and a form number per token
/// (`NERWordForms`, `NERDocument.forms`): tokens with the same form share one, typographic
/// variants of a form included, and every token still reads its own lexeme.
final class NERWordFormsTests: XCTestCase {
    func testTokensOfOneFormShareItsNumberAndReadTheirOwnLexeme() {
        let words = ["The", "Front", "said", "the", "Front", "al-Qaeda’s", "al-Qaeda's", "said"]
        let lexemes = words.map { NERLexeme($0.unicodeScalars) }
        let document = NERDocument(lexemes: lexemes, sentences: [0..<words.count])
        // "The"/"the" differ; the two apostrophes are one form once normalised.
        XCTAssertEqual(document.forms.count, 5)
        XCTAssertEqual(document.wordIDs, [0, 1, 2, 3, 1, 4, 4, 2])
        XCTAssertEqual(document.tokenCount, words.count)
        for (t, lexeme) in lexemes.enumerated() { XCTAssertEqual(document.lexemes[t], lexeme, words[t]) }
        // "The" and "the" share their lower-case form.
        XCTAssertEqual(document.lowerOfWord[0], document.lowerOfWord[3])
    }

    func testTheRecognizerNumbersTheSameFormsFromTheText() {
        let text = ScalarText("The Front said the Front said")
        var spans: [TextSpan] = [], start = 0
        for word in ["The", "Front", "said", "the", "Front", "said"] {
            spans.append(TextSpan(start: start, end: start + word.unicodeScalars.count))
            start += word.unicodeScalars.count + 1
        }
        let (forms, wordIDs) = EntityRecognizer.forms(text, spans)
        XCTAssertEqual(wordIDs, [0, 1, 2, 3, 1, 2])
        XCTAssertEqual(forms.map(\.word), ["The", "Front", "said", "the"].map { NERLexeme($0.unicodeScalars).word })
    }
}
