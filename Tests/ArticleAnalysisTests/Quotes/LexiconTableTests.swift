@testable import ArticleAnalysis
import XCTest

/// The quote stage's word lists as flags, looked up by key (`LexiconTable`).
final class LexiconTableTests: XCTestCase {
    private func key(_ word: String) -> UInt64 { LexiconTable.key(word.unicodeScalars) }

    /// A word on several lists has all their flags; a word on none has none; the key is the
    /// lower-cased word's (`WordHash`), so case and the typographic apostrophe do not matter.
    func testFlagsOfListedAndUnlistedWords() {
        let table = LexiconTable([(["said", "told"], .speechVerb), (["said", "claimed"], .reportVerb), (["o'brien"], .notName)])
        XCTAssertEqual(table.flags(key("said")), [.speechVerb, .reportVerb])
        XCTAssertEqual(table.flags(key("SAID")), [.speechVerb, .reportVerb])
        XCTAssertEqual(table.flags(key("Told")), .speechVerb)
        XCTAssertEqual(table.flags(key("claimed")), .reportVerb)
        XCTAssertEqual(table.flags(key("O’Brien")), .notName)
        XCTAssertEqual(table.flags(key("saidx")), [])
        XCTAssertEqual(table.flags(key("")), [])
        XCTAssertEqual(key("Said"), WordHash.of("said"))
    }

    /// The shared table answers the words the rules compare with, and `QuoteKeys` are the keys
    /// of the lower-cased words.
    func testSharedTableAndQuoteKeys() {
        let shared = LexiconTable.shared
        XCTAssertTrue(shared.flags(key("said")).contains(.speechVerb))
        XCTAssertTrue(shared.flags(key("President")).contains(.titleWord))
        XCTAssertEqual(shared.flags(key("Koszalin")), [])
        XCTAssertEqual(QuoteKeys.that, key("That"))
        XCTAssertEqual(LexiconTable.according, key("ACCORDING"))
    }
}
