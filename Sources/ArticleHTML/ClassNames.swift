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
    /// bit for every pair of bytes some pattern starts with: most positions of a class word are
    /// passed over on that one bit (pages have thousands of distinct class and id values).
    private struct Patterns {
        var bytes: [UInt8] = []
        var entries: [(offset: Int, count: Int, kind: Kind)] = []
        var start = [Int](repeating: 0, count: 257)
        var pairs = [UInt64](repeating: 0, count: 1024)

        init() {
            var all: [([UInt8], Kind)] = likely.map { ($0, .likely) } + unlikely.map { ($0, .unlikely) }
            all.append((Array("byline".utf8), .byline))
            // Stable by first byte: within a byte, the order of the lists above.
            let sorted = all.enumerated().sorted { ($0.element.0[0], $0.offset) < ($1.element.0[0], $1.offset) }.map(\.element)
            for (pattern, kind) in sorted {
                entries.append((bytes.count, pattern.count, kind))
                bytes.append(contentsOf: pattern)
                start[Int(pattern[0]) + 1] += 1
                let pair = Int(pattern[0]) | Int(pattern[1]) << 8
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
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
                var start = 0
                let n = value.count
                while start < n {
                    while start < n && !Self.isWordByte(value[start]) { start += 1 }
                    var end = start
                    while end < n && Self.isWordByte(value[end]) { end += 1 }
                    if end > start {
                        var i = start
                        while i + 1 < end {
                            let pair = Int(value[i]) | Int(value[i + 1]) << 8
                            if patterns.pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                                for e in patterns.start[Int(value[i])]..<patterns.start[Int(value[i]) + 1] {
                                    let entry = patterns.entries[e]
                                    guard end - i >= entry.count else { continue }
                                    var k = 2
                                    while k < entry.count && value[i + k] == bytes[entry.offset + k] { k += 1 }
                                    guard k == entry.count, value[i + 1] == bytes[entry.offset + 1] else { continue }
                                    switch entry.kind {
                                    case .likely: isLikely = true
                                    case .unlikely: isUnlikely = true
                                    case .byline: isByline = true
                                    }
                                }
                            }
                            i += 1
                        }
                        if !isUnlikely && end - start <= 6 {
                            let word = UnsafeBufferPointer(rebasing: value[start..<end])
                            if Self.unlikelyWords.contains(where: { word.elementsEqual($0) }) { isUnlikely = true }
                        }
                    }
                    start = end
                }
            }
        }
    }

    /// Letters, digits, `-` and `_` make up a class word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte >= 0x80
    }
}
