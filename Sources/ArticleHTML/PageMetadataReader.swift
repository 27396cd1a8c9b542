import ArticleAnalysis

/// Reads what the page declares about its article: JSON-LD (`NewsArticle` and kin), Open Graph and
/// `article:` meta properties, `<meta name=author>`, `<time datetime>`, `<link rel=canonical>`,
/// `<html lang>`, the first `<h1>` and `<title>`.
struct PageMetadataReader {
    /// The article object of the page's JSON-LD, when it has one.
    struct LinkedData {
        var headline: String?
        var body: String?
        var published: String?
        var modified: String?
        var authors: [String] = []
        var publisher: String?
        var url: String?
    }

    static func linkedData(_ document: PageDocument) -> LinkedData {
        var found = LinkedData()
        for script in document.jsonLD {
            guard let root = JSONValue.parse(script) else { continue }
            var queue = root.items
            var seen = 0
            while let node = queue.popLast(), seen < 200 {
                seen += 1
                if let graph = node["@graph"] { queue.append(contentsOf: graph.items) }
                guard let type = node["@type"], type.items.contains(where: { ($0.string ?? "").hasSuffix("Article") || $0.string == "BlogPosting" || $0.string == "Report" || $0.string == "WebPage" && node["articleBody"] != nil }) else { continue }
                if found.body == nil, let body = node["articleBody"]?.string, !body.isEmpty { found.body = body }
                if found.headline == nil { found.headline = node["headline"]?.string ?? node["name"]?.string }
                if found.published == nil { found.published = node["datePublished"]?.string }
                if found.modified == nil { found.modified = node["dateModified"]?.string }
                if found.authors.isEmpty, let authors = node["author"] {
                    found.authors = authors.items.compactMap { $0.string ?? $0["name"]?.string }.filter { !$0.isEmpty }
                }
                if found.publisher == nil { found.publisher = node["publisher"]?["name"]?.string }
                if found.url == nil { found.url = node["url"]?.string ?? node["mainEntityOfPage"]?.string ?? node["mainEntityOfPage"]?["@id"]?.string }
            }
        }
        return found
    }

    static func read(_ document: PageDocument, _ linked: LinkedData) -> PageMetadata {
        var metas: [String: String] = [:]
        for (name, content) in document.metas where metas[name] == nil && !content.isEmpty { metas[name] = content }
        var page = PageMetadata()
        page.site = metas["og:site_name"] ?? linked.publisher ?? metas["application-name"]
        let h1 = document.blocks.first { document.elements[Int($0.owner)].tag == .h1 && !$0.dropped }
            .map { String(decoding: $0.text, as: UTF8.self) }
        let candidates: [String?] = [metas["og:title"], linked.headline, metas["twitter:title"], h1, document.title]
        if let title = candidates.compactMap({ $0?.trimmed }).first(where: { !$0.isEmpty }) {
            page.title = withoutSiteName(title, site: page.site)
        }
        page.authors = linked.authors
        if page.authors.isEmpty, let author = metas["author"] ?? metas["article:author"] ?? metas["byl"], !author.hasPrefix("http") {
            page.authors = [author]
        }
        page.byline = document.byline?.trimmed
        if page.byline?.isEmpty ?? true { page.byline = nil }
        let publishedKeys = ["article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date",
                             "dc.date.issued", "parsely-pub-date", "sailthru.date"]
        let publishedMeta: String? = publishedKeys.lazy.compactMap { metas[$0] }.first
        page.published = linked.published ?? publishedMeta ?? document.times.first
        let modifiedMeta: String? = ["article:modified_time", "og:updated_time", "datemodified"].lazy.compactMap { metas[$0] }.first
        page.modified = linked.modified ?? modifiedMeta
        page.url = document.canonical ?? metas["og:url"] ?? linked.url
        let declaredLanguage: String? = document.language ?? metas["content-language"] ?? metas["og:locale"]
        if let language = declaredLanguage {
            let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
            if primary.count >= 2 && primary.count <= 3 && primary.allSatisfy({ $0.isLetter }) { page.language = primary }
        }
        return page
    }

    /// "Headline | Site", "Headline - Site", "Site: Headline" without the site's part.
    static func withoutSiteName(_ title: String, site: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            let bytes = Array(title.utf8), sep = Array(separator.utf8)
            guard bytes.count > sep.count,
                  let at = stride(from: bytes.count - sep.count, through: 0, by: -1).first(where: { bytes[$0..<($0 + sep.count)].elementsEqual(sep) })
            else { continue }
            let head = String(decoding: bytes[..<at], as: UTF8.self).trimmed
            let tail = String(decoding: bytes[(at + sep.count)...], as: UTF8.self).trimmed
            if let site, !site.isEmpty {
                if tail.lowercased().contains(site.lowercased()) || site.lowercased().contains(tail.lowercased()) { return head }
                if head.lowercased() == site.lowercased() { return tail }
            } else if tail.split(separator: " ").count <= 4 && head.split(separator: " ").count >= 3 {
                return head
            }
        }
        return title
    }
}

extension String {
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !ScalarClass.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !ScalarClass.isWhitespace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
