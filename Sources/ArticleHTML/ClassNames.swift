import ArticleAnalysis

/// What an element's `class` and `id` say about it, read the way Readability reads them: words
/// naming site furniture (comments, share bars, related links, ads...) and words naming article
/// content (article, body, content, story...).
struct ClassNames {
    /// Furniture words: an element named with one (and with no content word) is left out whole.
    static let unlikely: [[UInt8]] = [
        "comment", "share", "sharing", "social", "related", "cookie", "consent", "gdpr", "advert", "sponsor",
        "promo", "newsletter", "subscribe", "subscription", "sidebar", "footer", "breadcrumb",
        "banner", "popup", "modal", "outbrain", "taboola", "disqus", "recommend", "signup", "paywall",
        "masthead", "skyscraper", "shoutbox", "pagination", "pager", "menu", "navbar", "navigation",
        "toolbar", "byline", "author", "dateline", "timestamp", "caption", "credit", "tags", "tagline",
        "topics", "more-", "read-more", "readmore", "rss", "login", "signin", "print", "follow", "trending",
        "most-", "mostread", "popular", "headline", "offscreen", "sr-only", "visually-hidden",
        "video", "gallery", "slideshow", "jump", "hero", "kicker", "meta",
    ].map { Array($0.utf8) }
    /// Whole words that are furniture (too short to look for inside other words).
    static let unlikelyWords: [[UInt8]] = [
        "ad", "ads", "nav", "tag", "hide", "share", "tools", "extra", "aside", "header", "date", "time",
    ].map { Array($0.utf8) }
    /// Content words.
    static let likely: [[UInt8]] = [
        "article", "content", "entry", "story", "body", "text", "main", "post", "blog", "prose", "copy",
    ].map { Array($0.utf8) }

    var isUnlikely = false
    var isLikely = false
    /// A word names the byline ("byline", "article-byline").
    var isByline = false
    private enum Kind { case likely, unlikely, byline }

    /// The patterns in one flat table, grouped by first byte (`start[b]..<start[b + 1]`), and a
    /// bit for every three bytes some pattern starts with (hashed to 12 bits): most positions of
    /// a class word are passed over on that one bit (pages have hundreds of distinct class and
    /// id values, a few thousand bytes, and about one position in five starts a pattern's first
    /// two bytes, one in fifty its first three). The filter is 512 bytes so that it stays in the
    /// first-level cache while the parser streams through the page (at 8 KB, its loads missed).
    private struct Patterns {
        var bytes: [UInt8] = []
        var entries: [(offset: Int, count: Int, kind: Kind)] = []
        var start = [Int](repeating: 0, count: 257)
        var triples = [UInt64](repeating: 0, count: 64)

        init() {
            var all: [([UInt8], Kind)] = likely.map { ($0, .likely) } + unlikely.map { ($0, .unlikely) }
            all.append((Array("byline".utf8), .byline))
            // Stable by first byte: within a byte, the order of the lists above.
            let sorted = all.enumerated().sorted { ($0.element.0[0], $0.offset) < ($1.element.0[0], $1.offset) }.map(\.element)
            for (pattern, kind) in sorted {
                entries.append((bytes.count, pattern.count, kind))
                bytes.append(contentsOf: pattern)
                start[Int(pattern[0]) + 1] += 1
                precondition(pattern.count >= 3 && pattern.allSatisfy(ClassNames.isWordByte))
                let triple = ClassNames.triple(UInt64(pattern[0]) | UInt64(pattern[1]) << 8 | UInt64(pattern[2]) << 16, FibonacciHashing.multiplier)
                triples[triple >> 6] |= 1 << UInt64(triple & 63)
            }
            for b in 0..<256 { start[b + 1] += start[b] }
        }
    }

    private static let patterns = Patterns()

    /// What two values say together (as if joined by a space).
    mutating func formUnion(_ other: ClassNames) {
        isUnlikely = isUnlikely || other.isUnlikely
        isLikely = isLikely || other.isLikely
        isByline = isByline || other.isByline
    }

    /// Says nothing (no word read yet).
    init() {}

    /// Reads a lower-cased `class` or `id` value (or several, joined by spaces).
    init(_ value: [UInt8]) {
        let patterns = Self.patterns
        value.withUnsafeBufferPointer { value in
            patterns.bytes.withUnsafeBufferPointer { bytes in
                patterns.entries.withUnsafeBufferPointer { entries in
                    patterns.start.withUnsafeBufferPointer { start in
                        patterns.triples.withUnsafeBufferPointer { triples in
                            read(value, bytes, entries, start, triples)
                        }
                    }
                }
            }
        }
    }

    /// One pass over the value: each window of three bytes inside a word is looked up in the
    /// filter (kept rolling, one byte in per step), and a hit compares the patterns that start
    /// with its first byte (their bytes are all word bytes, so a match never leaves the word).
    /// A word of eight bytes or less, packed on the way, is compared with `unlikelyWordKeys`
    /// where it ends.
    private mutating func read(_ value: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>,
                               _ entries: UnsafeBufferPointer<(offset: Int, count: Int, kind: Kind)>,
                               _ start: UnsafeBufferPointer<Int>, _ triples: UnsafeBufferPointer<UInt64>) {
        let n = value.count
        let multiplier = FibonacciHashing.multiplier
        var length = 0
        var window: UInt64 = 0, packed: UInt64 = 0
        var p = 0
        while p <= n {
            let byte: UInt8 = p < n ? value[p] : 0x20
            p += 1
            guard Self.isWordByte(byte) else {
                if length > 0 && length <= 8 && !isUnlikely && Self.unlikelyWordKeys.contains(packed) { isUnlikely = true }
                length = 0
                window = 0
                packed = 0
                continue
            }
            window = window >> 8 | UInt64(byte) << 16
            if length < 8 { packed |= UInt64(byte) << (8 * UInt64(length)) }
            length += 1
            guard length >= 3 else { continue }
            let triple = Self.triple(window, multiplier)
            guard triples[triple >> 6] & (1 << UInt64(triple & 63)) != 0 else { continue }
            let i = p - 3
            for e in start[Int(value[i])]..<start[Int(value[i]) + 1] {
                let entry = entries[e]
                guard i + entry.count <= n else { continue }
                var k = 1
                while k < entry.count && value[i + k] == bytes[entry.offset + k] { k += 1 }
                guard k == entry.count else { continue }
                switch entry.kind {
                case .likely: isLikely = true
                case .unlikely: isUnlikely = true
                case .byline: isByline = true
                }
            }
        }
    }

    /// Three bytes, packed little-endian (the first lowest), hashed to 12 bits (Fibonacci hashing).
    @inline(__always)
    private static func triple(_ packed: UInt64, _ multiplier: UInt64) -> Int {
        Int(truncatingIfNeeded: (packed &* multiplier) >> 52)
    }

    /// `unlikelyWords`, each packed little-endian into a UInt64 (all are shorter than eight bytes).
    private static let unlikelyWordKeys: [UInt64] = unlikelyWords.map { word in
        word.withUnsafeBufferPointer { packed($0, 0, word.count) }
    }

    /// Bytes `from..<end` (at most eight) packed little-endian.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> UInt64 {
        var key: UInt64 = 0
        for k in from..<end { key |= UInt64(bytes[k]) << (8 * UInt64(k - from)) }
        return key
    }

    /// Letters, digits, `-` and `_` make up a class word.
    fileprivate static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte >= 0x80
    }
}
