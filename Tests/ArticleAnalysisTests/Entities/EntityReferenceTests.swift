@testable import ArticleAnalysis
import ArticleModels
import TestSupport
import XCTest

/// The reference article (../shared/corpus/seed/al-nusrah-interview.txt, copied into
/// Tests/Fixtures by the lead's tests when present) analysed by the bundled pipeline must give the
/// entity table of expected.md, aliases merged.
final class EntityReferenceTests: XCTestCase {
    private func referenceEntities() throws -> [Entity] {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let candidates = [
            here.appendingPathComponent("../../Fixtures/al-nusrah-interview.txt").standardized.path,
            CorpusFiles.referenceURL.path,
        ]
        guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }),
              let data = FileManager.default.contents(atPath: path) else {
            throw RequiredResource.missing("reference article not found in \(candidates)")
        }
        let pipeline = try AnalysisPipeline.bundled()
        let analysis = try pipeline.analyze(ArticleInput(bytes: [UInt8](data), name: "al-nusrah-interview.txt"))
        return analysis.entities
    }

    private func entity(_ name: String, in entities: [Entity], file: StaticString = #filePath, line: UInt = #line) -> Entity? {
        let found = entities.first { $0.name == name || $0.aliases.contains(name) }
        XCTAssertNotNil(found, "no entity named \(name); have \(entities.map(\.name))", file: file, line: line)
        return found
    }

    func testAliasesAreMergedIntoOneEntity() throws {
        let entities = try referenceEntities()
        let nusrah = try XCTUnwrap(entity("Jabhat al-Nusrah", in: entities))
        XCTAssertEqual(nusrah.name, "Jabhat al-Nusrah")
        XCTAssertEqual(nusrah.type, .organization)
        for alias in ["al-Nusrah", "Al-Nusrah", "Al-Nusra Front"] { XCTAssertTrue(nusrah.aliases.contains(alias), alias) }

        let julani = try XCTUnwrap(entity("Abu Mohammed al-Julani", in: entities))
        XCTAssertEqual(julani.name, "Abu Mohammed al-Julani")
        XCTAssertEqual(julani.type, .person)
        XCTAssertEqual(Set(julani.aliases), ["al-Julani", "Al-Julani"])

        let assad = try XCTUnwrap(entity("Bashar al-Assad", in: entities))
        XCTAssertEqual(assad.name, "Bashar al-Assad")
        XCTAssertEqual(assad.type, .person)
        XCTAssertEqual(assad.aliases, ["Assad"])

        let state = try XCTUnwrap(entity("Islamic State", in: entities))
        XCTAssertEqual(state.name, "Islamic State")
        XCTAssertEqual(state.aliases, ["IS"])
    }

    func testPossessiveIsAMentionOfTheName() throws {
        let entities = try referenceEntities()
        let qaeda = try XCTUnwrap(entity("al-Qaeda", in: entities))
        XCTAssertEqual(qaeda.type, .organization)
        XCTAssertEqual(qaeda.name, "al-Qaeda")
        XCTAssertTrue(qaeda.aliases.isEmpty, "\(qaeda.aliases)")
        XCTAssertEqual(qaeda.mentions.count, 4)
        XCTAssertTrue(qaeda.mentions.allSatisfy { $0.text == "al-Qaeda" })
    }

    func testPlacesAndOrganisations() throws {
        let entities = try referenceEntities()
        for name in ["Syria", "Damascus", "Iraq", "US", "Europe"] {
            XCTAssertEqual(entity(name, in: entities)?.type, .location, name)
        }
        XCTAssertTrue(["West", "the West"].contains(entity("West", in: entities)?.name ?? ""))
        for name in ["Hezbollah", "Khorasan Group"] {
            XCTAssertEqual(entity(name, in: entities)?.type, .organization, name)
        }
        XCTAssertNotNil(entity("Ahmed Mansour", in: entities))
        XCTAssertNotNil(entity("Al Jazeera", in: entities))
        // Syrian is a nationality adjective, not a place.
        XCTAssertFalse(entities.contains { $0.type == .location && $0.name == "Syrian" })
        // One entity per name: no surface form appears in two entities.
        var forms: [String: String] = [:]
        for e in entities {
            for form in [e.name] + e.aliases {
                XCTAssertNil(forms[form], "\(form) in \(e.id) and \(forms[form] ?? "")")
                forms[form] = e.id
            }
        }
    }

    func testGroupNamesAndTitlesAreTypedByTheirForm() throws {
        let entities = try referenceEntities()
        // "the Islamic State" ... "the IS was quick to declare a Caliphate": a group, not a place.
        let state = try XCTUnwrap(entity("Islamic State", in: entities))
        XCTAssertEqual(state.type, .organization)
        XCTAssertEqual(state.aliases, ["IS"])
        // "declare its leader the Caliph of the whole Muslim world": a title, not a name.
        XCTAssertFalse(entities.contains { $0.name == "Caliph" || $0.aliases.contains("Caliph") },
                       "\(entities.map { "\($0.type.rawValue) \($0.name)" })")
    }

    /// Resolves hand-made mentions over space-separated words in one sentence.
    private func resolve(_ words: [String], _ mentions: [(Range<Int>, EntityType)]) -> [Entity] {
        let text = ScalarText(words.joined(separator: " "))
        var tokens: [TextSpan] = []
        var offset = 0
        for word in words {
            let length = word.unicodeScalars.count
            tokens.append(TextSpan(start: offset, end: offset + length))
            offset += length + 1
        }
        let lexemes = tokens.map { NERLexeme(text.scalars[$0.start..<$0.end]) }
        let tagged = TaggedText(text: text, tokens: tokens, lexemes: NERTokenLexemes(lexemes), sentences: [0..<words.count],
                                context: [UInt8](repeating: 0, count: words.count),
                                paragraphs: [TextSpan(start: 0, end: text.count)],
                                mentions: mentions.map { TaggedMention(tokens: $0.0, type: $0.1, sentence: 0) })
        return EntityResolver().resolve(tagged)
    }

    func testLoneTitleIsNotAnEntityButATitledNameAndASurnameAre() {
        let titled = resolve(["Aides", "of", "the", "Caliph", "met", "King", "Abdullah", "and", "the", "President", "today"],
                             [(3..<4, .organization), (5..<7, .person), (9..<10, .person)])
        // The title before the name is not part of it (CoNLL convention, `MentionShape`).
        XCTAssertEqual(titled.map(\.name), ["Abdullah"])
        let surname = resolve(["Billie", "Jean", "King", "won", "and", "King", "smiled"],
                              [(0..<3, .person), (5..<6, .person)])
        XCTAssertEqual(surname.map(\.name), ["Billie Jean King"])
        XCTAssertEqual(surname.first?.aliases, ["King"])
    }

    func testAdjectiveAndOrganisationalHeadNameAGroup() {
        let entities = resolve(["Fighters", "of", "the", "Islamic", "State", "left", "Ohio", "State", "and", "the", "Soviet", "Union"],
                               [(3..<5, .location), (6..<8, .location), (10..<12, .location)])
        let types = Dictionary(uniqueKeysWithValues: entities.map { ($0.name, $0.type) })
        XCTAssertEqual(types["Islamic State"], .organization)
        XCTAssertEqual(types["Ohio State"], .location)
        XCTAssertEqual(types["Soviet Union"], .location)
    }

    func testSalienceOrdersTheStorySubjectsFirst() throws {
        let entities = try referenceEntities()
        XCTAssertEqual(Set(entities.prefix(2).map(\.name)), ["Jabhat al-Nusrah", "Abu Mohammed al-Julani"])
        XCTAssertEqual(entities.map(\.id), (1...entities.count).map { "e\($0)" })
        for (a, b) in zip(entities, entities.dropFirst()) { XCTAssertGreaterThanOrEqual(a.salience, b.salience) }
        XCTAssertEqual(entities.reduce(0) { $0 + $1.salience }, 1, accuracy: 1e-9)
    }

    func testMentionOffsetsPointAtTheirText() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        _ = here
        let pipeline = try AnalysisPipeline.bundled()
        let text = "Speaking to Ahmed Mansour, al-Julani said the US would not act.\n\nAl-Julani’s men left Syria."
        let analysis = try pipeline.analyze(ArticleInput(bytes: Array(text.utf8), name: "t.txt"))
        XCTAssertFalse(analysis.entities.isEmpty)
        for e in analysis.entities {
            for m in e.mentions { XCTAssertEqual(analysis.text[m.span], m.text) }
        }
        let julani = analysis.entities.first { $0.mentions.contains { $0.text == "Al-Julani" } }
        XCTAssertNotNil(julani, "possessive Al-Julani’s should give the mention Al-Julani")
    }
}
