import ArticleAnalysis

/// Tells web pages from plain text, and reads the charset a page declares.
public enum PageSniffer {
    /// HTML by name: `.html`, `.htm`, `.xhtml`, also with `.gz` after them.
    public static func hasPageName(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml")
    }

    /// HTML by content: the first thing after a byte-order mark, white space and comments is
    /// `<` and one of `<!doctype html`, `<html`, `<head`, `<body`, `<article` stands in the first
    /// kilobyte. A plain-text article never starts like that.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 || bytes[i] == 0x0C { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { return false }
        let head = lowercasedASCII(bytes[i..<min(bytes.count, i + 1024)])
        return ["<!doctype html", "<html", "<head", "<body", "<article"].contains { find(Array($0.utf8), in: head) != nil }
    }

    /// The charset a page declares in its first 2 KB (`<meta charset=...>` or
    /// `http-equiv="Content-Type" content="...; charset=..."`), lower-cased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = lowercasedASCII(bytes[0..<min(bytes.count, 2048)])
        guard let at = find(Array("charset=".utf8), in: head) else { return nil }
        var i = at + 8
        while i < head.count, head[i] == UInt8(ascii: "\"") || head[i] == UInt8(ascii: "'") || head[i] == 0x20 { i += 1 }
        var name: [UInt8] = []
        while i < head.count, name.count < 40 {
            let c = head[i]
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E else { break }
            name.append(c)
            i += 1
        }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }

    /// Charset names that mean Windows-1252 on the web (the WHATWG encoding standard's labels).
    static func isWindows1252(_ charset: String) -> Bool {
        ["windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1", "x-cp1252"].contains(charset)
    }

    static func lowercasedASCII(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count, let first = needle.first else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
