/// The HTML elements the extractor tells apart; every other name is `.other` (an inline element).
enum HTMLTag: UInt8, Sendable {
    case other, a, p, div, section, article, main, span, br, hr
    case h1, h2, h3, h4, h5, h6
    case li, ul, ol, dl, dt, dd, blockquote, pre, table, tr, td, th, caption
    case figure, figcaption, nav, header, footer, aside, form, address, center, details, summary
    case script, style, noscript, template, svg, iframe, object, button, select, textarea, label, input, math, canvas, video, audio
    case title, head, body, html, meta, link, time, img

    /// Starts and ends a segment of text: its inline content is a paragraph of its own.
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .br, .hr, .h1, .h2, .h3, .h4, .h5, .h6,
             .li, .ul, .ol, .dl, .dt, .dd, .blockquote, .pre, .table, .tr, .td, .th, .caption,
             .figure, .figcaption, .nav, .header, .footer, .aside, .form, .address, .center, .details, .summary,
             .body, .html, .head, .title, .iframe, .noscript:
            true
        default:
            false
        }
    }

    /// Never article text: its content is dropped with it.
    var isDropped: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .iframe, .object, .button, .select, .textarea,
             .math, .canvas, .video, .audio, .head, .input, .label:
            true
        default:
            false
        }
    }

    /// Site furniture by its element: navigation, page header and footer, asides, figures and their captions.
    var isFurniture: Bool {
        switch self {
        case .nav, .header, .footer, .aside, .figcaption, .figure: true
        default: false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// The tag of a lower-case name (libxml2's HTML parser lower-cases element names).
    static func named(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            if length == 8 { return longNamed(name) }
            key |= UInt64(name[length]) << (8 * UInt64(length))
            length += 1
        }
        return byName[key] ?? .other
    }

    private static func longNamed(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        let string = String(cString: name)
        switch string {
        case "blockquote": return .blockquote
        case "figcaption": return .figcaption
        default: return .other
        }
    }

    private static let byName: [UInt64: HTMLTag] = {
        let names: [(String, HTMLTag)] = [
            ("a", .a), ("p", .p), ("div", .div), ("section", .section), ("article", .article), ("main", .main),
            ("span", .span), ("br", .br), ("hr", .hr), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4),
            ("h5", .h5), ("h6", .h6), ("li", .li), ("ul", .ul), ("ol", .ol), ("dl", .dl), ("dt", .dt), ("dd", .dd),
            ("pre", .pre), ("table", .table), ("tr", .tr), ("td", .td), ("th", .th), ("caption", .caption),
            ("figure", .figure), ("nav", .nav), ("header", .header), ("footer", .footer), ("aside", .aside),
            ("form", .form), ("address", .address), ("center", .center), ("details", .details), ("summary", .summary),
            ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template), ("svg", .svg),
            ("iframe", .iframe), ("object", .object), ("button", .button), ("select", .select),
            ("textarea", .textarea), ("label", .label), ("input", .input), ("math", .math), ("canvas", .canvas),
            ("video", .video), ("audio", .audio), ("title", .title), ("head", .head), ("body", .body),
            ("html", .html), ("meta", .meta), ("link", .link), ("time", .time), ("img", .img),
        ]
        var table: [UInt64: HTMLTag] = [:]
        for (name, tag) in names {
            var key: UInt64 = 0
            for (i, byte) in name.utf8.enumerated() { key |= UInt64(byte) << (8 * UInt64(i)) }
            table[key] = tag
        }
        return table
    }()
}
