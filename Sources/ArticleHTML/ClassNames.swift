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
    /// The patterns by their first byte: each position of a word is compared with a few of them only.
    private static let byFirstByte: [[([UInt8], Kind)]] = {
        var table = [[([UInt8], Kind)]](repeating: [], count: 256)
        for pattern in likely { table[Int(pattern[0])].append((pattern, .likely)) }
        for pattern in unlikely { table[Int(pattern[0])].append((pattern, .unlikely)) }
        table[Int(UInt8(ascii: "b"))].append((Array("byline".utf8), .byline))
        return table
    }()

    /// Reads the lower-cased `class` and `id` values (joined by a space).
    init(_ value: [UInt8]) {
        var start = 0
        let n = value.count
        while start < n {
            while start < n && !Self.isWordByte(value[start]) { start += 1 }
            var end = start
            while end < n && Self.isWordByte(value[end]) { end += 1 }
            if end > start {
                let word = value[start..<end]
                for i in word.indices {
                    for (pattern, kind) in Self.byFirstByte[Int(word[i])] where word.count - (i - word.startIndex) >= pattern.count {
                        guard word[i..<(i + pattern.count)].elementsEqual(pattern) else { continue }
                        switch kind {
                        case .likely: isLikely = true
                        case .unlikely: isUnlikely = true
                        case .byline: isByline = true
                        }
                    }
                }
                if !isUnlikely && Self.unlikelyWords.contains(where: { word.elementsEqual($0) }) { isUnlikely = true }
            }
            start = end
        }
    }

    /// Letters, digits, `-` and `_` make up a class word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte >= 0x80
    }
}
