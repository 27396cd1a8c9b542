/// The plain-text cleaner's phrase rules, offered to extractors of richer formats (ArticleHTML):
/// a segment already cut out of a page is site chrome when, as one line, it is a photo caption
/// with its credit ("Protesters in Hong Kong (Image: Getty)"), a share bar ("Share on Facebook"),
/// comment chrome ("12 comments") or a boilerplate phrase ("Advertisement", "© 2019 Example
/// Ltd"). The shape rules (short lines, labels) are left out: they are for text whose structure
/// is lost, which a page's is not.
public enum SiteChrome {
    public static func isChrome(_ segment: String) -> Bool {
        let lines = TextLine.split(segment)
        guard lines.count == 1, let line = lines.first, line.words <= 40 else { return false }
        if FurnitureRule.isCaption(line) { return true }
        guard line.words <= 12 else { return false }
        return FurnitureRule.isShare(line) || FurnitureRule.isComments(line.key, line) || FurnitureRule.isBoilerplate(line.key, line)
    }

    /// True when `isChrome` is false for this UTF-8 text whatever its words, read from the bytes
    /// without a `String`: no colon (so no caption) and more than 12 chunks between spaces that
    /// hold an ASCII letter or digit (each is at least one of the line's words, and a line of
    /// more than 12 words is chrome only as a caption). Most paragraphs of a page end here.
    public static func cannotBeChrome(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var inWord = false
        for byte in utf8 {
            if byte == 0x3A { return false }
            if byte == 0x20 {
                inWord = false
            } else if !inWord && ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39) {
                inWord = true
                words += 1
            }
        }
        return words > 12
    }
}
