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

    /// The patterns in one flat table, grouped by the hash of their first three bytes (12 bits,
    /// `start[h]..<start[h + 1]`), and a bit for each such hash: most positions of a class
    /// word are passed over on that one bit (pages have hundreds of distinct class and id
    /// values, a few thousand bytes, and about one position in five starts a pattern's first
    /// two bytes, one in fifty its first three). A hit compares only the patterns that start
    /// with the same three bytes (one or two; grouping by first byte compared up to fifteen).
    /// The filter is 512 bytes so that it stays in the first-level cache while the parser
    /// streams through the page (at 8 KB, its loads missed); the groups' 4 KB are read on hits.
    private struct Patterns {
        var bytes: [UInt8] = []
        var entries: [(offset: Int, count: Int, kind: Kind, first: UInt64)] = []
        var start = [UInt8](repeating: 0, count: 4097)
        var triples = [UInt64](repeating: 0, count: 64)

        init() {
            var all: [([UInt8], Kind)] = likely.map { ($0, .likely) } + unlikely.map { ($0, .unlikely) }
            all.append((Array("byline".utf8), .byline))
            precondition(all.count < 256 && all.allSatisfy { $0.0.count >= 3 && $0.0.allSatisfy(ClassNames.isWordByte) })
            func first(_ pattern: [UInt8]) -> UInt64 { UInt64(pattern[0]) | UInt64(pattern[1]) << 8 | UInt64(pattern[2]) << 16 }
            let hashed = all.map { (pattern: $0.0, kind: $0.1, hash: ClassNames.triple(first($0.0), FibonacciHashing.multiplier)) }
            // Stable by hash: within a hash, the order of the lists above.
            let sorted = hashed.enumerated().sorted { ($0.element.hash, $0.offset) < ($1.element.hash, $1.offset) }.map(\.element)
            var counts = [Int](repeating: 0, count: 4097)
            for (pattern, kind, hash) in sorted {
                entries.append((bytes.count, pattern.count, kind, first(pattern)))
                bytes.append(contentsOf: pattern)
                counts[hash + 1] += 1
                triples[hash >> 6] |= 1 << UInt64(hash & 63)
            }
            for h in 0..<4096 { counts[h + 1] += counts[h] }
            start = counts.map { UInt8($0) }
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

    /// Reads a lower-cased value where it stands.
    init(_ value: UnsafeBufferPointer<UInt8>) {
        self.init()
        read(value)
    }

    private mutating func read(_ value: UnsafeBufferPointer<UInt8>) {
        let patterns = Self.patterns
        patterns.bytes.withUnsafeBufferPointer { bytes in
            patterns.entries.withUnsafeBufferPointer { entries in
                patterns.start.withUnsafeBufferPointer { start in
                    patterns.triples.withUnsafeBufferPointer { triples in
                        findPatterns(value, bytes, entries, start, triples)
                    }
                }
            }
        }
        // A short furniture word only adds what a pattern may have said already.
        if !isUnlikely { findUnlikelyWords(value) }
    }

    /// The patterns, in one pass: each window of three bytes is looked up in the filter (kept
    /// rolling, one byte in per step, with no branch but the filter's), and a hit compares the
    /// patterns that start with its three bytes. Windows are not cut at the ends of words: a
    /// pattern's bytes are all word bytes, so a match never crosses one, and a window holding
    /// a space or a dot only costs the filter's rare false hit.
    private mutating func findPatterns(_ value: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>,
                                       _ entries: UnsafeBufferPointer<(offset: Int, count: Int, kind: Kind, first: UInt64)>,
                                       _ start: UnsafeBufferPointer<UInt8>, _ triples: UnsafeBufferPointer<UInt64>) {
        let n = value.count
        guard n >= 3 else { return }
        let multiplier = FibonacciHashing.multiplier
        var window = UInt64(value[0]) << 8 | UInt64(value[1]) << 16
        for p in 2..<n {
            window = window >> 8 | UInt64(value[p]) << 16
            let triple = Self.triple(window, multiplier)
            guard triples[triple >> 6] & (1 << UInt64(triple & 63)) != 0 else { continue }
            let i = p - 2
            for e in Int(start[triple])..<Int(start[triple + 1]) {
                let entry = entries[e]
                guard entry.first == window, i + entry.count <= n else { continue }
                var k = 3
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

    /// Words of eight bytes or less, packed, compared with `unlikelyWordKeys`.
    private mutating func findUnlikelyWords(_ value: UnsafeBufferPointer<UInt8>) {
        let n = value.count
        let keys = Self.unlikelyWordKeys
        var p = 0
        while p < n {
            while p < n && !Self.isWordByte(value[p]) { p += 1 }
            let wordStart = p
            var packed: UInt64 = 0
            while p < n && Self.isWordByte(value[p]) {
                if p - wordStart < 8 { packed |= UInt64(value[p]) << (8 * UInt64(p - wordStart)) }
                p += 1
            }
            let length = p - wordStart
            if length > 0 && length <= 8 && keys.contains(packed) { isUnlikely = true; return }
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
