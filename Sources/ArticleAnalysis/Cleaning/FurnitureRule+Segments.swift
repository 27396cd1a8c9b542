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
}
