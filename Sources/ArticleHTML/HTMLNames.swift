import ArticleAnalysis

/// Element names for `HTMLTreeBuilder`: each name read from a page becomes a small number (an
/// id), and the rules of tree construction are tables over ids.
///
/// The rules are libxml2 2.9.14's (the parser the extractor was tuned on, and lxml's and
/// trafilatura's): which open element a start tag closes (`<p>` before `<div>`, `<li>` before
/// `<li>`, a cell before a cell: htmlStartClose, read off libxml2 itself by parsing every pair of
/// the names below), which elements are void, and the priorities that keep an end tag from closing
/// an element of a higher rank (`</span>` never closes a `<div>`, `</div>` never closes a `<td>`).
struct HTMLNames {
    /// The id of a name seen on this page that is not in the table.
    private var unknown: [NameKey: Int32] = [:]
    private var unknownLong: [[UInt8]: Int32] = [:]
    private var nextUnknown = Int32(Self.known.count)
    /// The tables, read once per parse (a static's every read checks that it is initialised).
    private let slots = Self.knownSlots
    private let tags = Self.tagTable, voids = Self.voidTable, priorities = Self.priorityTable
    private let contents = Self.contentTable, startClose = Self.startCloseTable
    private let knownCount = Int32(Self.known.count)

    /// The id of a lower-case name (distinct names, distinct ids; names outside the table get
    /// ids past it, numbered as they first appear).
    mutating func id(_ name: [UInt8]) -> Int32 {
        name.withUnsafeBufferPointer { id($0) }
    }

    mutating func id(_ name: UnsafeBufferPointer<UInt8>) -> Int32 {
        if name.count <= 16 {
            let key = NameKey(name)
            if let id = slots.id(key) ?? unknown[key] { return id }
            unknown[key] = nextUnknown
        } else {
            let bytes = Array(name)
            if let id = unknownLong[bytes] { return id }
            unknownLong[bytes] = nextUnknown
        }
        nextUnknown += 1
        return nextUnknown - 1
    }

    func tag(_ id: Int32) -> HTMLTag { id < knownCount ? tags[Int(id)] : .other }
    func isVoid(_ id: Int32) -> Bool { id < knownCount && voids[Int(id)] }
    func endPriority(_ id: Int32) -> Int { id < knownCount ? priorities[Int(id)] : 100 }
    /// A start tag `new` closes the open element `old` first.
    func closes(_ new: Int32, _ old: Int32) -> Bool {
        guard new < knownCount, old < knownCount else { return false }
        return startClose[Int(old) * Int(knownCount) + Int(new)]
    }

    /// How the tokenizer reads an element's content.
    enum Content { case markup, script, rawText, rcData }
    func content(_ id: Int32) -> Content { id < knownCount ? contents[Int(id)] : .markup }

    static let html = knownIDs[NameKey("html")]!, head = knownIDs[NameKey("head")]!, body = knownIDs[NameKey("body")]!
    static let p = knownIDs[NameKey("p")]!, br = knownIDs[NameKey("br")]!, svg = knownIDs[NameKey("svg")]!, math = knownIDs[NameKey("math")]!

    /// Up to 16 bytes of a name, packed (names hold no NUL: the tokenizer makes it U+FFFD).
    struct NameKey: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0
        init() {}
        init(_ name: UnsafeBufferPointer<UInt8>) {
            for i in 0..<min(name.count, 8) { low |= UInt64(name[i]) << (8 * UInt64(i)) }
            if name.count > 8 { for i in 8..<name.count { high |= UInt64(name[i]) << (8 * UInt64(i - 8)) } }
        }
        init(_ name: String) {
            var bytes = Array(name.utf8)
            self = bytes.withUnsafeMutableBufferPointer { NameKey(UnsafeBufferPointer($0)) }
        }
    }

    /// The names with rules: HTML 4's (what libxml2 knows) and HTML5's sectioning and media elements.
    static let known: [String] = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi",
        "bdo", "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption",
        "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hr", "html", "i", "iframe", "img", "input", "ins", "isindex", "kbd", "label", "legend", "li", "link", "listing",
        "main", "map", "math", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "optgroup",
        "option", "p", "param", "picture", "plaintext", "pre", "q", "s", "samp", "script", "section", "select", "small",
        "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]

    private static let knownIDs: [NameKey: Int32] = {
        var ids: [NameKey: Int32] = [:]
        for (i, name) in known.enumerated() { ids[NameKey(name)] = Int32(i) }
        return ids
    }()

    /// The known names in an open-addressing table (Fibonacci hashing, linear probing, a quarter
    /// full): the look-up every tag makes, cheaper than a `Dictionary`'s SipHash.
    private struct Slots {
        static let bits = 9
        var keys = [NameKey](repeating: NameKey(), count: 1 << bits)
        var ids = [Int32](repeating: -1, count: 1 << bits)

        init(_ names: [String]) {
            for (i, name) in names.enumerated() {
                let key = NameKey(name)
                var slot = Self.slot(key)
                while ids[slot] >= 0 { slot = (slot + 1) & ((1 << Self.bits) - 1) }
                keys[slot] = key
                ids[slot] = Int32(i)
            }
        }

        @inline(__always)
        static func slot(_ key: NameKey) -> Int { FibonacciHashing.slot(key.low ^ (key.high &* 31), bits: bits) }

        func id(_ key: NameKey) -> Int32? {
            var slot = Self.slot(key)
            while true {
                let id = ids[slot]
                if id < 0 { return nil }
                if keys[slot] == key { return id }
                slot = (slot + 1) & ((1 << Self.bits) - 1)
            }
        }
    }

    private static let knownSlots = Slots(known)

    private static func ids(_ names: String) -> [Int] { names.split(separator: " ").map { Int(knownIDs[NameKey(String($0))]!) } }

    private static let tagTable: [HTMLTag] = known.map { name in
        var bytes = Array(name.utf8) + [0]
        return bytes.withUnsafeMutableBufferPointer { HTMLTag.named($0.baseAddress!) }
    }

    /// libxml2's empty elements (an end is reported right after the start), and HTML5's void ones.
    private static let voidTable: [Bool] = {
        var voids = [Bool](repeating: false, count: known.count)
        for id in ids("area base basefont br col embed frame hr img input isindex link meta param source wbr") { voids[id] = true }
        return voids
    }()

    /// libxml2's htmlEndPriority; every other name 100.
    private static let priorityTable: [Int] = {
        var priorities = [Int](repeating: 100, count: known.count)
        for (names, priority) in [("div", 150), ("td th", 160), ("tr", 170), ("thead tbody tfoot", 180), ("table", 190),
                                  ("head body", 200), ("html", 220)] {
            for id in ids(names) { priorities[id] = priority }
        }
        return priorities
    }()

    /// Script and style content runs to the matching end tag (reported as CDATA, like libxml2);
    /// title and textarea are text with character references (RCDATA); the other raw-text
    /// elements are text (WHATWG, scripting on: `noscript` too).
    private static let contentTable: [Content] = {
        var contents = [Content](repeating: .markup, count: known.count)
        for id in ids("script style") { contents[id] = .script }
        for id in ids("xmp iframe noembed noframes noscript") { contents[id] = .rawText }
        for id in ids("title textarea") { contents[id] = .rcData }
        return contents
    }()

    /// startClose[old * count + new]: a start tag `new` closes an open `old` (libxml2's htmlStartClose).
    private static let startCloseTable: [Bool] = {
        var table = [Bool](repeating: false, count: known.count * known.count)
        for (old, news) in startCloseRows {
            let o = ids(old)[0]
            for n in ids(news) { table[o * known.count + n] = true }
        }
        return table
    }()

    /// Each open element and the start tags that close it, as libxml2 2.9.14 does (probed).
    private static let startCloseRows: [(String, String)] = [
        ("a", "a fieldset table td th"),
        ("address", "dd dl dt form li ul"),
        ("b", "center p td th"),
        ("big", "p"),
        ("caption", "col colgroup tbody tfoot thead tr"),
        ("colgroup", "colgroup tbody tfoot thead tr"),
        ("dd", "dt"),
        ("dir", "dd dl dt form ul"),
        ("dl", "form li"),
        ("dt", "dd dl"),
        ("font", "center td th"),
        ("form", "form"),
        ("h1", "fieldset form li p table"),
        ("h2", "fieldset form li p table"),
        ("h3", "fieldset form li p table"),
        ("h4", "fieldset form li p table"),
        ("h5", "fieldset form li p table"),
        ("h6", "fieldset form li p table"),
        ("i", "center p td th"),
        ("legend", "fieldset"),
        ("li", "li"),
        ("listing", "dd dl dt fieldset form li table ul"),
        ("menu", "dd dl dt form ul"),
        ("ol", "form ul"),
        ("option", "optgroup option"),
        ("p", "address blockquote body caption center col colgroup dd dir div dl dt fieldset form frameset h1 h2 h3 h4 h5 h6 head hr li listing menu ol p pre table tbody td tfoot th title tr ul xmp"),
        ("pre", "dd dl dt fieldset form li table ul"),
        ("s", "p"),
        ("small", "p"),
        ("span", "td th"),
        ("strike", "p"),
        ("tbody", "tbody tfoot"),
        ("td", "tbody td tfoot th tr"),
        ("tfoot", "tbody"),
        ("th", "tbody td tfoot th tr"),
        ("thead", "tbody tfoot"),
        ("title", "body frameset"),
        ("tr", "tbody tfoot tr"),
        ("tt", "p"),
        ("u", "p td th"),
        ("ul", "address form menu ol pre"),
        ("xmp", "dd dl dt fieldset form li table ul"),
        ("head", "a abbr acronym address b bdo big blockquote body br center cite code dd dfn dir div dl dt em fieldset font form frameset h1 h2 h3 h4 h5 h6 hr i iframe img kbd li listing map menu ol p pre q s samp small span strike strong sub sup table tt u ul var xmp"),
    ]
}
