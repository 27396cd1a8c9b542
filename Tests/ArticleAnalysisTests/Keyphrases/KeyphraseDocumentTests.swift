@testable import ArticleAnalysis
import XCTest

/// The keyphrase stage's own helpers: the candidate table, the ranking, and entity keys read
/// from the article's words.
final class KeyphraseDocumentTests: XCTestCase {
    /// Finds every key it was given, numbers new keys as asked, and keeps doing so as it grows,
    /// with keys that pick the same slot.
    func testCandidateTableFindsEveryKeyThroughGrowth() {
        var keys: [UInt64] = [0, 1, UInt64.max]
        for n in 0..<300 { keys.append(UInt64(n) | 0xABCD_0000_0000_0000) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 { keys.append(UInt64.random(in: 2...UInt64.max - 1, using: &generator)) }
        keys = Array(Set(keys))
        let candidates = UnsafeMutablePointer<KeyphraseDocument.Candidate>.allocate(capacity: keys.count)
        defer { candidates.deallocate() }
        var table = CandidateTable(capacity: 4)
        for (n, key) in keys.enumerated() {
            XCTAssertEqual(table.number(of: key, candidates, ifAbsent: n), n)
            (candidates + n).initialize(to: KeyphraseDocument.Candidate(key: key, first: 0, last: 0))
            // Every key so far is found again, under its own number.
            if n % 50 == 0 || n == keys.count - 1 {
                for (m, old) in keys[...n].enumerated() { XCTAssertEqual(table.number(of: old, candidates, ifAbsent: n + 1), m) }
            }
        }
        XCTAssertEqual(table.count, keys.count)
    }

    /// Gives the candidates in the order of sorting them by score (higher first), ties in
    /// candidate order, whatever the batch size.
    func testRankingIsTheSortedOrder() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 7, 60, 300] {
            var candidates: [KeyphraseDocument.Candidate] = []
            for n in 0..<size {
                var candidate = KeyphraseDocument.Candidate(key: UInt64(n), first: Int32(n), last: Int32(n))
                candidate.score = Double(Int.random(in: 0..<(size / 3 + 1), using: &generator)) / 4  // many ties
                candidates.append(candidate)
            }
            let expected = candidates.indices.sorted {
                candidates[$0].score != candidates[$1].score ? candidates[$0].score > candidates[$1].score : $0 < $1
            }
            for batch in [1, 2, 5, 20, 1000] {
                var ranking = KeyphraseDocument.Ranking(candidates, batchSize: batch)
                var order: [Int] = []
                while let c = ranking.next() { order.append(c) }
                XCTAssertEqual(order, expected, "\(size) candidates, batches of \(batch)")
            }
        }
    }

    func testSpellsComparesScalarsAsUTF8() {
        let scalars = Array("Café ÉTATS 𝔘nion Zürich’s".unicodeScalars)
        scalars.withUnsafeBufferPointer { text in
            XCTAssertTrue(KeyphraseDocument.spells("Café", text, TextSpan(start: 0, end: 4)))
            XCTAssertFalse(KeyphraseDocument.spells("Cafe\u{301}", text, TextSpan(start: 0, end: 4)))  // canonically equal only
            XCTAssertFalse(KeyphraseDocument.spells("Caf", text, TextSpan(start: 0, end: 4)))
            XCTAssertFalse(KeyphraseDocument.spells("Café ", text, TextSpan(start: 0, end: 4)))
            XCTAssertTrue(KeyphraseDocument.spells("𝔘nion", text, TextSpan(start: 11, end: 16)))
            XCTAssertTrue(KeyphraseDocument.spells("Zürich’s", text, TextSpan(start: 17, end: 25)))
            XCTAssertTrue(KeyphraseDocument.spells("", text, TextSpan(start: 3, end: 3)))
            XCTAssertFalse(KeyphraseDocument.spells("s", text, TextSpan(start: 24, end: 26)))  // past the end
        }
    }

    /// `wordsKey`, reading the article's words at a span, gives the key `phraseKey` gives the
    /// span's scalars scanned alone, whenever it gives one: for every span of one to five tokens
    /// (with their borders moved a scalar in or out) of awkward texts and of corpus articles.
    func testWordsKeyAgreesWithScanningTheSpan() throws {
        var texts = try ReaderFixtures.wikinews().prefix(12).map { String(decoding: $0.bytes, as: UTF8.self) }
        texts.append("""
            Jamal Khashoggi’s death. The 1990’s boom; Dutchess of Kent's rally. U.S.-backed forces \
            and pro-Russian groups. It ended.Next the Ciudad de la Habana and Leader of the Free World. \
            A1'S UN’s e.g. the U.S. X's 2019-01-05 Zürich’s Ürümqi ÉTATS-UNIS. End
            """)
        var known = 0
        for string in texts {
            let text = ScalarText(string)
            let document = KeyphraseDocument(text.scalars, Segmenter().segment(text), maximumWords: 4)
            let reader = document.readerWords
            text.scalars.withUnsafeBufferPointer { p in
                reader.words.withUnsafeBufferPointer { list in
                    let tokens = list.map(\.token)
                    for first in tokens.indices {
                        for length in 1...5 where first + length <= tokens.count {
                            let start = tokens[first].start, end = tokens[first + length - 1].end
                            for (s, e) in [(start, end), (start, end - 1), (start, end - 2), (start + 1, end), (start - 1, end + 1)]
                            where s >= 0 && e <= p.count && s < e {
                                guard let key = document.wordsKey(TextSpan(start: s, end: e), p, list) else { continue }
                                known += 1
                                let expected = document.phraseKey(UnsafeBufferPointer(rebasing: p[s..<e]),
                                                                  EnglishWords.connectorHashes, EnglishWords.stopHashes)
                                XCTAssertEqual(key, expected, "\(String(String.UnicodeScalarView(p[s..<e])))")
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(known, 1000)
    }

    /// Entity keys are those of keying every form (name, aliases, mentions other than the name)
    /// from its own scalars, the first entity to name a key keeping it.
    func testEntityKeysAreThoseOfTheFormsScannedAlone() throws {
        var entityCount = 0
        for article in try ReaderFixtures.wikinews().prefix(60) {
            let analysis = try ReaderFixtures.bundledPipeline().analyze(ArticleInput(bytes: article.bytes, name: article.file))
            let entities = analysis.entities
            entityCount += entities.count
            let document = KeyphraseDocument(analysis.text.scalars, analysis.segmentation, maximumWords: 4)
            let keys = document.entityKeys(entities)
            let top = entities.map(\.salience).max() ?? 0
            var expected: [UInt64: (entity: Int, salience: Double, mentions: Int)] = [:]
            for (n, entity) in entities.enumerated() {
                let forms = [entity.name] + entity.aliases + entity.mentions.map(\.text).filter { $0 != entity.name }
                for form in forms {
                    let scalars = Array(form.unicodeScalars)
                    let key = scalars.withUnsafeBufferPointer {
                        document.phraseKey($0, EnglishWords.connectorHashes, EnglishWords.stopHashes)
                    }
                    if let key, expected[key] == nil {
                        expected[key] = (n, top > 0 ? max(0, entity.salience) / top : 0, entity.mentions.count)
                    }
                }
            }
            XCTAssertEqual(keys.count, expected.count, article.file)
            for (key, value) in expected {
                XCTAssertEqual(keys[key]?.entity, value.entity, article.file)
                XCTAssertEqual(keys[key]?.salience, value.salience, article.file)
                XCTAssertEqual(keys[key]?.mentions, value.mentions, article.file)
            }
        }
        XCTAssertGreaterThan(entityCount, 100)
    }

    /// Mentions whose span does not hold their text, or cuts a word, are keyed from their text.
    func testEntityKeysFallBackToTheFormsText() {
        let string = "Rescuers searched the rubble in Magnitogorsk. Khashoggi’s friends met in pro-Russian Donetsk. Russian troops left."
        let text = ScalarText(string)
        let document = KeyphraseDocument(text.scalars, Segmenter().segment(text), maximumWords: 4)
        func key(_ form: String) -> UInt64? {
            Array(form.unicodeScalars).withUnsafeBufferPointer {
                document.phraseKey($0, EnglishWords.connectorHashes, EnglishWords.stopHashes)
            }
        }
        let wrongSpan = TextSpan(start: 0, end: 8)  // "Rescuers"
        let cut = TextSpan(start: 77, end: 84)  // "Russian" of "pro-Russian"
        XCTAssertEqual(text[cut], "Russian")
        let possessive = TextSpan(start: 46, end: 55)  // "Khashoggi" of "Khashoggi’s"
        XCTAssertEqual(text[possessive], "Khashoggi")
        let entities = [
            Entity(id: "e1", type: .location, name: "Magnitogorsk", aliases: [], salience: 2,
                   mentions: [Mention(span: wrongSpan, text: "Magnitogorsk")]),
            Entity(id: "e2", type: .location, name: "Donetsk", aliases: ["Russian"], salience: 1,
                   mentions: [Mention(span: cut, text: "Russian")]),
            Entity(id: "e3", type: .person, name: "Khashoggi", aliases: [], salience: 1,
                   mentions: [Mention(span: possessive, text: "Khashoggi")]),
        ]
        let keys = document.entityKeys(entities)
        XCTAssertNotNil(key("Magnitogorsk"))
        XCTAssertEqual(keys[key("Magnitogorsk")!]?.entity, 0)
        XCTAssertEqual(keys[key("Donetsk")!]?.entity, 1)
        XCTAssertEqual(keys[key("Russian")!]?.entity, 1)
        XCTAssertEqual(keys[key("Khashoggi")!]?.entity, 2)
        XCTAssertEqual(keys.count, 4)
    }
}
