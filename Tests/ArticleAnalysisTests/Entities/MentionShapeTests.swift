@testable import ArticleAnalysis
import XCTest

/// The form rules of `MentionShape`: titles, place + office + holder, "Name of Organisation",
/// designators and place lists.
final class MentionShapeTests: XCTestCase {
    /// Shapes hand-made mentions over space-separated words; `gazetteer` gives per word the
    /// gazetteer bits (`NERDocument.gazetteerBits`).
    private func shaped(_ words: [String], _ mentions: [(Range<Int>, EntityType)], gazetteer: [Int: UInt16] = [:])
        -> [(String, EntityType)] {
        let text = ScalarText(words.joined(separator: " "))
        var tokens: [TextSpan] = []
        var offset = 0
        for word in words {
            tokens.append(TextSpan(start: offset, end: offset + word.unicodeScalars.count))
            offset += word.unicodeScalars.count + 1
        }
        let tagged = TaggedText(text: text, tokens: tokens, lexemes: NERTokenLexemes(tokens.map { NERLexeme(text.scalars[$0.start..<$0.end]) }),
                                sentences: [0..<words.count], context: [UInt8](repeating: 0, count: words.count),
                                paragraphs: [TextSpan(start: 0, end: text.count)],
                                mentions: mentions.map { TaggedMention(tokens: $0.0, type: $0.1, sentence: 0) },
                                gazetteer: words.indices.map { gazetteer[$0] ?? 0 })
        return MentionShape.adjusted(tagged.mentions, tagged).map { m in
            (m.tokens.map { words[$0] }.joined(separator: " "), m.type)
        }
    }

    static let firstName: UInt16 = 1 << 3 // PER, U
    static let place: UInt16 = 1 << 11 // LOC, U

    func testTitlesAreCutAndTheNameAfterThemIsAPerson() {
        let r = shaped(["Cardinal", "George", "Pell", "met", "Pope", "Francis", "and", "General", "Motors"],
                       [(0..<3, .organization), (4..<6, .person), (7..<9, .organization)],
                       gazetteer: [1: Self.firstName])
        XCTAssertEqual(r.map(\.0), ["George Pell", "Francis", "General Motors"])
        XCTAssertEqual(r.map(\.1), [.person, .person, .organization])
        let office = shaped(["US", "Ambassador", "spoke"], [(0..<2, .organization)], gazetteer: [0: Self.place])
        XCTAssertEqual(office.map(\.0), ["US"])
        XCTAssertEqual(office.map(\.1), [.location])
    }

    func testPlaceOfficeAndHolderAreAPlaceAndAPerson() {
        let r = shaped(["US", "Secretary", "of", "State", "Mike", "Pompeo", "said"], [(0..<6, .organization)],
                       gazetteer: [0: Self.place, 4: Self.firstName])
        XCTAssertEqual(r.map(\.0), ["US", "Mike Pompeo"])
        XCTAssertEqual(r.map(\.1), [.location, .person])
    }

    func testPlaceBeforeAnOrganisationNameJoinsIt() {
        let r = shaped(["Abu", "Dhabi", "TV", "and", "Iran", "reported"], [(0..<2, .location), (2..<3, .organization), (4..<5, .location)])
        XCTAssertEqual(r.map(\.0), ["Abu Dhabi TV", "Iran"])
        XCTAssertEqual(r.map(\.1), [.organization, .location])
    }

    func testHeadOfNameTimeZonesAndStorms() {
        let r = shaped(["United", "States", "Department", "of", "Justice", "at", "09:00", "UTC", "as", "Tropical", "Storm",
                        "Barry", "neared"],
                       [(0..<3, .organization), (4..<5, .organization), (7..<8, .organization), (9..<12, .organization)])
        XCTAssertEqual(r.map(\.0), ["United States Department of Justice", "Tropical Storm Barry"])
        XCTAssertEqual(r.map(\.1), [.organization, .misc])
    }

    func testPersonOfOrganisationIsSplit() {
        let r = shaped(["Ryan", "Cloutier", "of", "the", "Harvard", "Center", "spoke"], [(0..<6, .person)],
                       gazetteer: [0: Self.firstName])
        XCTAssertEqual(r.map(\.0), ["Ryan Cloutier", "Harvard Center"])
        XCTAssertEqual(r.map(\.1), [.person, .organization])
        // No first name before "of": one name ("Bank of England" is not split).
        let bank = shaped(["Federal", "Aviation", "Office", "of", "Germany"], [(0..<5, .organization)])
        XCTAssertEqual(bank.map(\.0), ["Federal Aviation Office of Germany"])
    }

    func testDesignatorsAndPlaceListsPullTheType() {
        let r = shaped(["Mahan", "Air", "flies", "to", "Karl", "Marx", "Avenue", "and", "the", "University", "of", "Essex",
                        "near", "Chelyabinsk", "and", "Jordan"],
                       [(0..<2, .person), (4..<7, .person), (9..<12, .location), (13..<14, .person), (15..<16, .person)],
                       gazetteer: [13: Self.place, 15: Self.place | Self.firstName])
        XCTAssertEqual(r.map(\.1), [.organization, .location, .organization, .location, .person])
    }
}
