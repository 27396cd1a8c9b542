/// A parsed page reduced to what extraction needs: its elements (tag, parent, what their names
/// say) and its text as blocks, each block the inline text of one block element (a paragraph, a
/// heading, a list item, a cell), with how much of it is link text.
///
/// Elements are in document order, so a parent always comes before its children: sums over
/// subtrees are one backward pass, and nothing here recurses (100,000 nested elements are fine).
struct PageDocument {
    struct Element {
        var tag: HTMLTag
        var parent: Int32
        var flags: Flags
    }

    struct Flags: OptionSet {
        var rawValue: UInt8
        /// Class or id name furniture (`ClassNames.isUnlikely`).
        static let unlikely = Flags(rawValue: 1)
        /// Class or id name content.
        static let likely = Flags(rawValue: 2)
        /// `hidden`, `display:none`, `aria-hidden=true`: not shown.
        static let hidden = Flags(rawValue: 4)
        /// `itemprop="articleBody"`, or the article's own element.
        static let articleBody = Flags(rawValue: 8)
        /// Dropped with its subtree: scripts, styles, form controls, hidden elements (set by the
        /// builder from the tag and the flags above). Furniture by name, role or tag is decided
        /// later, by `ContentExtractor`, once the size of each subtree is known.
        static let dropped = Flags(rawValue: 16)
        /// `role` of navigation, banner, contentinfo, complementary, or a dialog.
        static let furnitureRole = Flags(rawValue: 32)
        /// A link (`<a href>`).
        static let link = Flags(rawValue: 64)
    }

    struct Block {
        /// The block element that holds the text.
        var owner: Int32
        var text: [UInt8]
        /// Bytes of text inside links (`<a href>`).
        var linkBytes: Int
        var commas: Int
        /// Inside a dropped element (script, style, hidden...).
        var dropped: Bool
    }

    var elements: [Element] = []
    var blocks: [Block] = []
    /// `<meta>` name/property (lower-cased) and content, in order.
    var metas: [(name: String, content: String)] = []
    /// The content of each `<script type="application/ld+json">`.
    var jsonLD: [[UInt8]] = []
    var title: String?
    var language: String?
    var canonical: String?
    /// `datetime` of the first `<time>` elements.
    var times: [String] = []
    /// The text of the first element named "byline" or "author" (class, id, rel, itemprop).
    var byline: String?
}
