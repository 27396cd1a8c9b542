@testable import ArticleAnalysis
import XCTest

/// The pieces of the one-pass word scan (`ReaderWords.nextWord`): hashes undone, letter case from
/// the general category, the tally against hashing a token afterwards, and ISO dates written in
/// place.
final class WordScanTests: XCTestCase {
    /// `unstep` undoes `step`, so a word's hash gives the hash of any prefix of it.
    func testUnstepUndoesStep() {
        XCTAssertEqual(FNV1a.prime &* FNV1a.inversePrime, 1)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let hash = UInt64.random(in: 0...UInt64.max, using: &generator)
            let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
            XCTAssertEqual(FNV1a.unstep(FNV1a.step(hash, value), value), hash)
        }
        let s = Array("al-Qaeda’s".unicodeScalars)
        var h = WordHash.of(s, 0, s.count)
        h = FNV1a.unstep(FNV1a.unstep(h, 0x73), 0x27)
        XCTAssertEqual(h, WordHash.of("al-qaeda"))
    }

    /// A word hashed as the scan reads it equals the same token hashed afterwards
    /// (`ReaderWords.word(_:_:_:)`, what keyphrases use for entity names), on every token of the
    /// corpus and on awkward forms.
    func testScanTallyMatchesHashingTheToken() throws {
        var texts = try ReaderFixtures.wikinews().map { String(decoding: $0.bytes, as: UTF8.self) }
        texts.append("""
            Cities’ bosses' FSB’S A1'S U.S. e.g. Znak.com 2019-01-05 116th ЗИНИЧЕВ Зиничев ÉTATS-UNIS Ürümqi \
            \u{212A}elvins İstanbul’s ǅemal ⅫS a-1 x.y. 1-2-3 don’t—really… ٣٤ 12abc
            """)
        let stopHashes = EnglishWords.stopHashes
        for string in texts {
            let s = Array(string.unicodeScalars)
            s.withUnsafeBufferPointer { p in
                var i = 0
                var space = true
                while let scanned = ReaderWords.nextWord(p, &i, p.count, space: &space, stopHashes) {
                    let word = ReaderWords.word(p.baseAddress!, scanned.token, stopHashes)
                    let surface = String(String.UnicodeScalarView(s[scanned.token.start..<scanned.token.end]))
                    XCTAssert(word.token.start == scanned.token.start && word.token.end == scanned.token.end
                              && word.token.kind == scanned.token.kind && word.token.spaceBefore == scanned.token.spaceBefore, surface)
                    XCTAssertEqual(word.strippedEnd, scanned.strippedEnd, surface)
                    XCTAssertEqual(word.hash, scanned.hash, surface)
                    XCTAssertEqual(word.strippedHash, scanned.strippedHash, surface)
                    XCTAssertEqual(word.stemHash, scanned.stemHash, surface)
                    XCTAssertEqual(word.isContent, scanned.isContent, surface)
                    XCTAssertEqual(word.hasUppercase, scanned.hasUppercase, surface)
                    XCTAssertEqual(word.isAllCaps, scanned.isAllCaps, surface)
                    XCTAssertEqual(word.isAllCapsToken, scanned.isAllCapsToken, surface)
                    XCTAssertEqual(scanned.term, -1)
                }
            }
        }
    }

    /// The word pass takes the paragraphs' words over, and gives the same words whether it holds
    /// the only copy (numbered in place) or not (copied).
    func testWordPassTakesTheParagraphsWordsOver() throws {
        let string = try ReaderFixtures.wikinews().map { String(decoding: $0.bytes, as: UTF8.self) }.first!
        let text = ScalarText(string)
        let segmentation = Segmenter().segment(text)
        let kept = ParagraphTokens(text.scalars, segmentation)
        let copied = ReaderWords(text.scalars, segmentation, scanned: kept)
        XCTAssertFalse(kept.words.isEmpty, "the caller's copy is left whole")
        var only: ParagraphTokens? = ParagraphTokens(text.scalars, segmentation)
        let taken = ReaderWords(text.scalars, segmentation, scanned: only.take())
        XCTAssertNil(only)
        XCTAssertEqual(copied.words.map(\.hash), taken.words.map(\.hash))
        XCTAssertEqual(copied.words.map(\.term), taken.words.map(\.term))
        XCTAssertEqual(copied.words.map(\.token.spaceBefore), taken.words.map(\.token.spaceBefore))
        XCTAssertEqual(copied.spanStarts, taken.spanStarts)
        var scanned = ParagraphTokens(text.scalars, segmentation)
        XCTAssertEqual(scanned.takeWords().count, kept.words.count)
        XCTAssert(scanned.words.isEmpty && scanned.paragraphs.isEmpty && scanned.starts == [0])
    }

    /// A paragraph of more words than one in two scalars (marks, each a token) is scanned again
    /// with room for one word a scalar, and gives every token.
    func testParagraphScanMakesRoomForEveryToken() {
        let s = Array((String(repeating: "!", count: 200) + " a b c").unicodeScalars)
        let scanned = ParagraphTokens(s, Segmentation(paragraphs: [TextSpan(start: 0, end: s.count)], sentences: [], tokens: []))
        var expected: [ReaderToken] = []
        WordScanner.scan(s, 0..<s.count, into: &expected)
        XCTAssertEqual(scanned.words.count, 203)
        XCTAssertEqual(scanned.words.map(\.token.end), expected.map(\.end))
        XCTAssertEqual(scanned.starts, [0, 203])
    }

    /// ISO dates written in place, and read back.
    func testISODates() {
        for (year, month, day, iso) in [(2019, 1, 5, "2019-01-05"), (987, 12, 31, "0987-12-31"), (9999, 10, 1, "9999-10-01")] {
            let date = CivilDate(year: year, month: month, day: day)
            XCTAssertEqual(date.iso, iso)
            XCTAssertEqual(CivilDate(iso: iso), date)
        }
        XCTAssertEqual(CivilDate(year: 12_019, month: 1, day: 5).iso, "12019-01-05")
        XCTAssertEqual(CivilDate.pad(7, 2), "07")
        XCTAssertEqual(CivilDate.pad(2019, 2), "2019")
        XCTAssertNil(CivilDate(iso: "2019-1-05"))
        XCTAssertNil(CivilDate(iso: "2019-01-0"))
        XCTAssertNil(CivilDate(iso: "2019/01/05"))
    }
}
