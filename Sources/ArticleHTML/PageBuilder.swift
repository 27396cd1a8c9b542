/// Builds a `PageDocument` from the parser's events (libxml2 SAX: start tag, end tag, text).
///
/// Text is collected into the current block with white space collapsed; a block ends where a
/// block element starts or ends (and at `<br>`). Elements inside a dropped element (script,
/// style, nav, hidden, furniture names) still get their place, so the tree stays whole, but their
/// blocks are marked dropped.
final class PageBuilder {
    private(set) var document = PageDocument()
    /// Open elements, innermost last.
    private var open: [Int32] = []
    /// Open block elements, innermost last (the owner of new text).
    private var openBlocks: [Int32] = []
    /// Depth of open dropped elements; text inside is not article text.
    private var droppedDepth = 0
    private var linkDepth = 0
    private var run: [UInt8] = []
    private var runLinkBytes = 0
    private var runCommas = 0
    private var pendingSpace = false
    /// Collecting the text of `<title>`, a JSON-LD script, or the byline element.
    private var capture: Capture = .none
    private var captured: [UInt8] = []
    private var captureDepth = 0

    private enum Capture { case none, title, jsonLD, byline }
    private var classNames: [[UInt8]: ClassNames] = [:]

    init() {
        open.reserveCapacity(64)
        run.reserveCapacity(1024)
        document.elements.reserveCapacity(2048)
        document.blocks.reserveCapacity(512)
    }

    func startElement(_ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let tag = HTMLTag.named(name)
        if tag.isBlock { flush() }
        var flags: PageDocument.Flags = []
        var classAndID: [UInt8] = []
        var isJSONLD = false, isLink = false, isByline = false
        if let attributes {
            var i = 0
            while let key = attributes[i] {
                let value = attributes[i + 1]
                i += 2
                guard let value else { continue }
                switch Self.attribute(key) {
                case .class, .id:
                    if !classAndID.isEmpty { classAndID.append(0x20) }
                    Self.appendLowercased(value, to: &classAndID)
                case .itemprop:
                    let lower = Self.lowercasedBytes(value)
                    if Self.find(Self.articleBodyWord, in: lower) || lower == Self.textWord { flags.insert(.articleBody) }
                    if lower == Self.authorWord { isByline = true }
                case .rel:
                    let lower = Self.lowercasedBytes(value)
                    if tag == .link && lower == Self.canonicalWord { relCanonical = true }
                    if lower == Self.authorWord { isByline = true }
                case .href:
                    if tag == .a { isLink = true }
                    if tag == .link { linkHref = String(cString: value) }
                case .hidden:
                    flags.insert(.hidden)
                case .ariaHidden:
                    if Self.lowercasedBytes(value) == Self.trueWord && tag != .body && tag != .html { flags.insert(.hidden) }
                case .style:
                    let lower = Self.lowercasedBytes(value).filter { $0 != 0x20 }
                    if Self.find(Self.displayNone, in: lower) || Self.find(Self.visibilityHidden, in: lower) { flags.insert(.hidden) }
                case .role:
                    switch String(decoding: Self.lowercasedBytes(value), as: UTF8.self) {
                    case "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar":
                        flags.insert(.furnitureRole)
                    default: break
                    }
                case .type:
                    if tag == .script && Self.find(Self.jsonLDWord, in: Self.lowercasedBytes(value)) { isJSONLD = true }
                case .lang:
                    if tag == .html { document.language = String(cString: value) }
                case .datetime:
                    if tag == .time && document.times.count < 4 { document.times.append(String(cString: value)) }
                case .name, .property, .httpEquiv:
                    if tag == .meta { metaName = Self.lowercased(value) }
                case .content:
                    if tag == .meta { metaContent = String(cString: value) }
                case .charset, .other:
                    break
                }
            }
        }
        if tag == .meta, let name = metaName, let content = metaContent { document.metas.append((name, content)) }
        if tag == .link, relCanonical, let href = linkHref { document.canonical = href }
        metaName = nil; metaContent = nil; relCanonical = false; linkHref = nil

        if !classAndID.isEmpty {
            // Pages repeat their class names: each distinct one is read once.
            let names: ClassNames
            if let known = classNames[classAndID] { names = known } else { names = ClassNames(classAndID); classNames[classAndID] = names }
            if names.isUnlikely { flags.insert(.unlikely) }
            if names.isLikely { flags.insert(.likely) }
            if names.isByline && document.byline == nil && capture == .none { isByline = true }
        }
        if tag == .article { flags.insert(.articleBody) }
        if isLink { flags.insert(.link) }
        if tag.isDropped || flags.contains(.hidden) { flags.insert(.dropped) }

        let index = Int32(document.elements.count)
        document.elements.append(.init(tag: tag, parent: open.last ?? -1, flags: flags))
        open.append(index)
        if tag.isBlock { openBlocks.append(index) }
        if flags.contains(.dropped) { droppedDepth += 1 }
        if isLink { linkDepth += 1 }
        if capture == .none {
            if tag == .title && document.title == nil { capture = .title; captureDepth = open.count; captured.removeAll(keepingCapacity: true) }
            else if isJSONLD { capture = .jsonLD; captureDepth = open.count; captured.removeAll(keepingCapacity: true) }
            else if isByline && document.byline == nil { capture = .byline; captureDepth = open.count; captured.removeAll(keepingCapacity: true) }
        }
        if tag == .br { flush() }
    }

    private var metaName: String?
    private var metaContent: String?
    private var relCanonical = false
    private var linkHref: String?

    func endElement() {
        guard let index = open.popLast() else { return }
        let element = document.elements[Int(index)]
        if element.tag.isBlock { flush(); openBlocks.removeLast() }
        if element.flags.contains(.dropped) { droppedDepth -= 1 }
        if element.flags.contains(.link) { linkDepth -= 1 }
        if capture != .none && open.count < captureDepth {
            switch capture {
            case .title: document.title = String(decoding: captured, as: UTF8.self)
            case .jsonLD: document.jsonLD.append(captured)
            case .byline: if !captured.isEmpty && captured.count < 200 { document.byline = String(decoding: captured, as: UTF8.self) }
            case .none: break
            }
            capture = .none
        }
    }

    func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        if capture != .none {
            if capture == .jsonLD { captured.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count)) }
            else { Self.appendCollapsed(bytes, count, to: &captured) }
            if capture != .byline { return }
        }
        if droppedDepth > 0 { return }
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
            } else if byte == 0xC2 && i + 1 < count && bytes[i + 1] == 0xA0 {
                pendingSpace = true
                i += 1
            } else {
                if pendingSpace && !run.isEmpty { run.append(0x20); if linkDepth > 0 { runLinkBytes += 1 } }
                pendingSpace = false
                run.append(byte)
                if linkDepth > 0 { runLinkBytes += 1 }
                if byte == 0x2C { runCommas += 1 }
            }
            i += 1
        }
    }

    /// Script and style content (libxml2 reports it as CDATA): only JSON-LD is kept.
    func cdata(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        if capture == .jsonLD { captured.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count)) }
    }

    func finish() -> PageDocument {
        while !open.isEmpty { endElement() }
        flush()
        return document
    }

    /// Ends the current block.
    private func flush() {
        pendingSpace = false
        guard !run.isEmpty else { return }
        if let owner = openBlocks.last {
            document.blocks.append(.init(owner: owner, text: run, linkBytes: runLinkBytes, commas: runCommas, dropped: droppedDepth > 0))
        }
        run.removeAll(keepingCapacity: true)
        runLinkBytes = 0
        runCommas = 0
    }

    private enum Attribute { case `class`, id, itemprop, rel, href, hidden, ariaHidden, style, role, type, lang, datetime, name, property, httpEquiv, content, charset, other }

    /// The attribute of a (lower-case) name, read without making a `String`.
    private static func attribute(_ key: UnsafePointer<UInt8>) -> Attribute {
        var packed: UInt64 = 0
        var length = 0
        while key[length] != 0 {
            if length < 8 { packed |= UInt64(key[length]) << (8 * UInt64(length)) }
            length += 1
            if length > 11 { return .other }
        }
        if length > 8 {
            if length == 11 && packed == pack("aria-hid") && key[8] == UInt8(ascii: "d") && key[9] == UInt8(ascii: "e") && key[10] == UInt8(ascii: "n") { return .ariaHidden }
            if length == 10 && packed == pack("http-equ") && key[8] == UInt8(ascii: "i") && key[9] == UInt8(ascii: "v") { return .httpEquiv }
            return .other
        }
        return attributes[packed] ?? .other
    }

    private static func pack(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        for (i, byte) in name.utf8.prefix(8).enumerated() { key |= UInt64(byte) << (8 * UInt64(i)) }
        return key
    }

    private static let attributes: [UInt64: Attribute] = {
        let names: [(String, Attribute)] = [
            ("class", .class), ("id", .id), ("itemprop", .itemprop), ("rel", .rel), ("href", .href), ("hidden", .hidden),
            ("style", .style), ("role", .role), ("type", .type), ("lang", .lang), ("datetime", .datetime), ("name", .name),
            ("property", .property), ("content", .content), ("charset", .charset),
        ]
        var table: [UInt64: Attribute] = [:]
        for (name, attribute) in names { table[pack(name)] = attribute }
        return table
    }()

    private static let articleBodyWord = Array("articlebody".utf8), textWord = Array("text".utf8)
    private static let authorWord = Array("author".utf8), canonicalWord = Array("canonical".utf8), trueWord = Array("true".utf8)
    private static let displayNone = Array("display:none".utf8), visibilityHidden = Array("visibility:hidden".utf8)
    private static let jsonLDWord = Array("ld+json".utf8)

    private static func lowercasedBytes(_ value: UnsafePointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        appendLowercased(value, to: &bytes)
        return bytes
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool { PageSniffer.find(needle, in: haystack) != nil }

    private static func lowercased(_ value: UnsafePointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        appendLowercased(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendLowercased(_ value: UnsafePointer<UInt8>, to bytes: inout [UInt8]) {
        var i = 0
        while value[i] != 0 {
            let byte = value[i]
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            i += 1
        }
    }

    /// Appends text with white-space runs collapsed to one space.
    private static func appendCollapsed(_ bytes: UnsafePointer<UInt8>, _ count: Int, to out: inout [UInt8]) {
        for i in 0..<count {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if let last = out.last, last != 0x20 { out.append(0x20) }
            } else {
                out.append(byte)
            }
        }
    }
}
