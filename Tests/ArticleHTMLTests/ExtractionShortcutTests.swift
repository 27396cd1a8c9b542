import ArticleAnalysis
@testable import ArticleHTML
import XCTest

/// The page path's shortcuts give the answers of the slower code they stand in for: word hashes
/// read from UTF-8 bytes, the site-chrome pre-check, the class-name cache, text runs.
final class ExtractionShortcutTests: XCTestCase {
    /// Knuth's MMIX LCG, for reproducible pseudo-random bytes.
    private struct Bytes {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
    }

    func testWordHashesFromBytesAreThoseOfTheLowercasedString() {
        var samples: [[UInt8]] = [
            Array("Hello, WORLD_42 and more".utf8),
            Array("ÀÉÎ straße İstanbul ΣΟΦΙΑ ǅemal Ⅻ ½ naïve—“quoted” ＡＢＣ".utf8),
            [0x41, 0xFF, 0x42, 0x20, 0xE2, 0x82, 0x43, 0xC3, 0x20, 0xF0, 0x9F, 0x98, 0x80, 0x44],
        ]
        var random = Bytes(state: 7)
        let pieces: [[UInt8]] = [[0x20], [0x2C], [0x41], [0x7A], [0x5F], [0x39], Array("İ".utf8), Array("Σ".utf8),
                                 Array("ß".utf8), Array("é".utf8), Array("—".utf8), [0x80], [0xC3], [0xED, 0xA0, 0x80], [0xFF]]
        for _ in 0..<2_000 {
            samples.append((0..<Int(random.next() % 30)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] })
        }
        for bytes in samples {
            let expected = WordShingles.wordHashes(String(decoding: bytes, as: UTF8.self).lowercased())
            XCTAssertEqual(bytes.withUnsafeBufferPointer { WordShingles.lowercasedWordHashes($0) }, expected, "\(bytes)")
        }
    }

    func testTextThatCannotBeChromeIsNotChrome() {
        let segments = [
            "Share on Facebook", "12 comments", "Advertisement", "© 2019 Example Ltd. All rights reserved",
            "Protesters in Hong Kong march on Sunday to the government offices in the city again (Image: Getty)",
            "The council voted on Tuesday to close the bridge for repairs until the end of next year, officials said.",
            "one two three four five six seven eight nine ten eleven twelve thirteen",
            "Share this story with your friends on Facebook Twitter and by email today now please",
        ]
        for segment in segments {
            let cannot = Array(segment.utf8).withUnsafeBufferPointer { SiteChrome.cannotBeChrome(utf8: $0) }
            if cannot { XCTAssertFalse(SiteChrome.isChrome(segment), segment) }
        }
        XCTAssertTrue(Array(segments[5].utf8).withUnsafeBufferPointer { SiteChrome.cannotBeChrome(utf8: $0) })
        XCTAssertFalse(Array(segments[0].utf8).withUnsafeBufferPointer { SiteChrome.cannotBeChrome(utf8: $0) })
        XCTAssertFalse(Array(segments[4].utf8).withUnsafeBufferPointer { SiteChrome.cannotBeChrome(utf8: $0) })  // a colon
    }

    func testTheClassNameCacheGivesWhatTheNamesSayInAnyCase() {
        var cache = ClassNameCache()
        func names(_ value: String) -> ClassNames { Array(value.utf8).withUnsafeBufferPointer { cache.names($0) } }
        func same(_ a: ClassNames, _ b: ClassNames) -> Bool { a.isLikely == b.isLikely && a.isUnlikely == b.isUnlikely && a.isByline == b.isByline }
        // Enough distinct values for the table to grow several times.
        var values = ["comment-list", "Comment-List", "ARTICLE-BODY", "article-body", "ad", "AD", "nav-bar x", "byline", "", "story"]
        values += (0..<1_200).map { "item-\($0) col-\($0 % 7)" + ($0 % 5 == 0 ? " share-tools" : "") }
        /// What the names say by their definition: a word (letters, digits, `-`, `_`, non-ASCII)
        /// holding a pattern, or being a short furniture word.
        func reference(_ value: String) -> ClassNames {
            var result = ClassNames()
            let lower = value.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let words = lower.split { !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 >= 0x80) }
            func holds(_ word: ArraySlice<UInt8>, _ pattern: [UInt8]) -> Bool {
                word.count >= pattern.count && (0...(word.count - pattern.count)).contains { word.dropFirst($0).starts(with: pattern) }
            }
            for word in words {
                if ClassNames.likely.contains(where: { holds(word, $0) }) { result.isLikely = true }
                if ClassNames.unlikely.contains(where: { holds(word, $0) }) || ClassNames.unlikelyWords.contains(where: { word.elementsEqual($0) }) { result.isUnlikely = true }
                if holds(word, Array("byline".utf8)) { result.isByline = true }
            }
            return result
        }
        values += ["x-commentary y", "readmore", "more-", "mostread_box", "sr-only", "hero", "nav", "navigation", "tag tags",
                   "a-byline-b", "ÉLÉMENT-content", "comm ent", "adsense", "ads", "header2", "socialite", "prompt", "meta"]
        // Pieces of patterns and short words glued with and without separators: windows that
        // run across a space or a dot, words that end where a pattern would go on.
        var random = Bytes(state: 5)
        let pieces = ["ad", "AD", "s", "com", "ment", "share", "nav", "-", "_", " ", ".", ":", "art", "icle", "by", "line",
                      "tag", "é", "x", "con", "tent", "hide", "time", "date", "2", "ex", "tra", "Most", "read"]
        values += (0..<3_000).map { _ in (0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
        for _ in 0..<2 {
            for value in values {
                XCTAssertTrue(same(names(value), reference(value)), value)
            }
        }
        XCTAssertTrue(names("Comment-List").isUnlikely)
        XCTAssertTrue(names("ARTICLE-BODY").isLikely)
        XCTAssertTrue(names("AD").isUnlikely)
        XCTAssertFalse(names("adapt").isUnlikely)
    }

    /// Names of up to eight bytes read from one load give the kind the byte-by-byte reading gives.
    func testAttributeNamesFromOneLoadAreThoseReadByteByByte() {
        var random = Bytes(state: 3)
        let names = ["class", "CLASS", "id", "Id", "href", "hreF", "style", "rel", "role", "type", "itemprop", "hidden", "lang",
                     "datetime", "name", "property", "content", "charset", "src", "data-x", "i", "classy", "clas", "=", "a\0b"]
        var samples = names.map { Array($0.utf8) }
        samples += (0..<2_000).map { _ in (0..<Int(1 + random.next() % 8)).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        for name in samples where name.count <= 8 {
            // The name followed by other bytes, as in a page (the load reads past its end).
            let page = name + Array(" x=\"1\">".utf8)
            let kind = page.withUnsafeBufferPointer { AttributeName.of($0.baseAddress!, length: name.count) }
            XCTAssertEqual(kind, AttributeName.of(name), "\(name)")
        }
    }

    /// Runs of text with single spaces, double spaces, tabs, no-break spaces, commas and 0xC2
    /// bytes come out collapsed, as the byte-by-byte rule gives.
    func testTextRunsCollapseWhiteSpaceAsBefore() {
        var random = Bytes(state: 11)
        let pieces = ["a", "word", "longerword", " ", "  ", "\t", "\n", ",", "\u{00A0}", "©", "é", " \u{00A0}", "x,y"]
        for _ in 0..<500 {
            let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var bytes = Array("<p>\(text)</p>".utf8)
            let document = bytes.withUnsafeMutableBufferPointer { HTMLTokenizer.parse(UnsafeBufferPointer($0)) }
            let expected = text.replacingOccurrences(of: "\u{00A0}", with: " ")
                .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
            let got = document.blocks.map { String(decoding: $0.text, as: UTF8.self) }.joined()
            XCTAssertEqual(got, expected, text.debugDescription)
            XCTAssertEqual(document.blocks.reduce(0) { $0 + $1.commas }, expected.utf8.filter { $0 == 0x2C }.count, text.debugDescription)
        }
    }
}
