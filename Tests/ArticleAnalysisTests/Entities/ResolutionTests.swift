@testable import ArticleAnalysis
import XCTest

/// The building blocks of `EntityResolver`: folded-form hashes, tables, ids.
final class ResolutionTests: XCTestCase {
    private func slowHash(_ token: String) -> UInt64 {
        var folded: [Unicode.Scalar] = []
        ResolutionFold.fold(token.unicodeScalars, into: &folded)
        return ResolutionFold.hash(folded)
    }

    func testOnePassFoldHashesLikeTheFoldedForm() {
        let tokens = ["al-Nusrah", "Al-Nusra", "ash-Sham", "Ash-Shabaab", "as-Sahab", "ax-Foo", "al-Qa", "al-", "ab-cd",
                      "Abu-Bakr", "U.S.", "Mohammed", "Mohamed", "Jabhat", "Noah", "Elijah", "Bahh", "Utah", "Syria",
                      "'s", "--", "", "IS", "A-1", "Müller", "al\u{2013}Qaeda", "\u{212A}urd", "Jose\u{301}", "José"]
        for token in tokens {
            let scalars = Array(token.unicodeScalars)
            var scratch: [Unicode.Scalar] = []
            let fast = ResolutionFold.foldedHash(scalars, 0, scalars.count, scratch: &scratch)
            XCTAssertEqual(fast.hash, slowHash(token), token)
            XCTAssertEqual(fast.isEmpty, EntityResolver.fold(token.unicodeScalars).isEmpty, token)
        }
        // Inside a longer text: only the given range is folded.
        let text = Array("the al-Nusrah Front".unicodeScalars)
        var scratch: [Unicode.Scalar] = []
        XCTAssertEqual(ResolutionFold.foldedHash(text, 4, 13, scratch: &scratch).hash, slowHash("Nusra"))
    }

    func testHashesAreEqualForEqualStrings() {
        XCTAssertEqual(ResolutionFold.hash(Array("caf\u{E9}".unicodeScalars)), ResolutionFold.hash(Array("cafe\u{301}".unicodeScalars)))
        XCTAssertNotEqual(ResolutionFold.hash(Array("cafe".unicodeScalars)), ResolutionFold.hash(Array("caf\u{E9}".unicodeScalars)))
        XCTAssertEqual(ResolutionFold.hash(Array("front".unicodeScalars)), NERHash.string("front"))
        XCTAssertEqual(ResolutionFold.hash([]), ResolutionFold.emptyHash)
    }

    func testTable() {
        var table = FlatHashMap<Int32>(capacity: 3)  // the resolver's tables
        XCTAssertNil(table[42])
        table.insertIfAbsent(42, 5)
        table.insertIfAbsent(42, 1)
        XCTAssertEqual(table[42], 5)
        table.setMinimum(42, 7)
        XCTAssertEqual(table[42], 5)
        table.setMinimum(42, 2)
        XCTAssertEqual(table[42], 2)
        table.set(7, 0)
        table.set(7, 3)
        XCTAssertEqual(table[7], 3)
        XCTAssertNil(table[8])
    }

    func testWordSet() {
        let set = ResolutionWordSet(["he", "she", "it"])
        XCTAssertTrue(set.contains(NERHash.string("she")))
        XCTAssertFalse(set.contains(NERHash.string("they")))
    }

    func testEntityIDs() {
        XCTAssertEqual(EntityResolver.entityID(1), "e1")
        XCTAssertEqual(EntityResolver.entityID(10), "e10")
        XCTAssertEqual(EntityResolver.entityID(123), "e123")
    }
}
