import ArticleAnalysis

/// Builds a `PageDocument` from the parser's events (start tag, end tag, text, script content):
/// `HTMLTokenizer` and `HTMLTreeBuilder` send them, and `LibXML2Parser` (the test oracle) too.
///
/// Text is collected into the current block with white space collapsed; a block ends where a
/// block element starts or ends (and at `<br>`). Elements inside a dropped element (script,
/// style, nav, hidden, furniture names) still get their place, so the tree stays whole, but their
/// blocks are marked dropped.
///
/// The builder is a class (libxml2's callbacks reach it through a pointer) used by one parse on
/// one thread: its stored properties skip the run-time exclusivity checks, which took a tenth of
/// the parse.
final class PageBuilder {
    @exclusivity(unchecked) private(set) var document = PageDocument()
    /// Open elements, innermost last.
    @exclusivity(unchecked) private var open: [Int32] = []
    /// Open block elements, innermost last (the owner of new text).
    @exclusivity(unchecked) private var openBlocks: [Int32] = []
    /// Depth of open dropped elements; text inside is not article text.
    @exclusivity(unchecked) private var droppedDepth = 0
    @exclusivity(unchecked) private var linkDepth = 0
    @exclusivity(unchecked) private var run: [UInt8] = []
    @exclusivity(unchecked) private var runLinkBytes = 0
    @exclusivity(unchecked) private var runCommas = 0
    @exclusivity(unchecked) private var pendingSpace = false
    /// Collecting the text of `<title>`, a JSON-LD script, or the byline element.
    @exclusivity(unchecked) private var capture: Capture = .none
    @exclusivity(unchecked) private var captured: [UInt8] = []
    @exclusivity(unchecked) private var captureDepth = 0

    private enum Capture { case none, title, jsonLD, byline }
    /// What each distinct class or id value says.
    @exclusivity(unchecked) private var classNames = ClassNameCache()

    init() {
        open.reserveCapacity(64)
        run.reserveCapacity(1024)
        document.elements.reserveCapacity(2048)
        document.blocks.reserveCapacity(512)
    }

    func startElement(_ tag: HTMLTag, _ attributes: TagAttributes) {
        if tag.isBlock { flush() }
        var flags: PageDocument.Flags = []
        var names: ClassNames?
        var isJSONLD = false, isLink = false, isByline = false
        for span in attributes.spans {
            let value = attributes.bytes[span.value]
            switch span.kind {
            case .class, .id:
                // Inside a dropped element the names decide nothing (its whole subtree is left
                // out) but a byline still to be found.
                if droppedDepth > 0 && (document.byline != nil || capture != .none) { break }
                // Each value is read (and cached) on its own: classes repeat across a page, ids
                // do not, and what the words say is the union of what each value says.
                let read = readNames(value)
                if names == nil { names = read } else { names!.formUnion(read) }
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
                if tag == .link { linkHref = Self.string(value) }
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
                if tag == .html { document.language = Self.string(value) }
            case .datetime:
                if tag == .time && document.times.count < 4 { document.times.append(Self.string(value)) }
            case .name, .property, .httpEquiv:
                if tag == .meta { metaName = String(decoding: Self.lowercasedBytes(value), as: UTF8.self) }
            case .content:
                if tag == .meta { metaContent = Self.string(value) }
            case .charset, .other:
                break
            }
        }
        if tag == .meta, let name = metaName, let content = metaContent { document.metas.append((name, content)) }
        if tag == .link, relCanonical, let href = linkHref { document.canonical = href }
        metaName = nil; metaContent = nil; relCanonical = false; linkHref = nil

        if let names {
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

    @exclusivity(unchecked) private var metaName: String?
    @exclusivity(unchecked) private var metaContent: String?
    @exclusivity(unchecked) private var relCanonical = false
    @exclusivity(unchecked) private var linkHref: String?

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
            if Self.isSpace(byte) { pendingSpace = true; i += 1; continue }
            if byte == 0xC2 && i + 1 < count && bytes[i + 1] == 0xA0 { pendingSpace = true; i += 2; continue }
            // A run of other bytes, appended at once.
            var j = i + 1
            var commas = byte == 0x2C ? 1 : 0
            while j < count {
                // Eight bytes at a time up to the next one that may end the run: below `!`, a
                // comma, or 0xC2 (which may start a no-break space).
                if j + 8 <= count {
                    let stops = Self.stops(ByteWords.load(bytes + j))
                    if stops == 0 { j += 8; continue }
                    j += ByteWords.first(stops)
                }
                let c = bytes[j]
                // One space between two words stays in the run: it would be collapsed to itself.
                if c == 0x20 && j + 1 < count && bytes[j + 1] > 0x20 && bytes[j + 1] != 0xC2 { j += 1; continue }
                if Self.isSpace(c) || (c == 0xC2 && j + 1 < count && bytes[j + 1] == 0xA0) { break }
                if c == 0x2C { commas += 1 }
                j += 1
            }
            if pendingSpace && !run.isEmpty { run.append(0x20); if linkDepth > 0 { runLinkBytes += 1 } }
            pendingSpace = false
            run.append(contentsOf: UnsafeBufferPointer(start: bytes + i, count: j - i))
            if linkDepth > 0 { runLinkBytes += j - i }
            runCommas += commas
            i = j
        }
    }

    /// The bytes of `word` that are below 0x21, 0x2C or 0xC2 (`ByteWords`).
    @inline(__always)
    private static func stops(_ word: UInt64) -> UInt64 {
        ByteWords.below(word, 0x21) | ByteWords.equal(word, 0x2C) | ByteWords.equal(word, 0xC2)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C)
    }

    /// What one class or id value says, read once per distinct value.
    private func readNames(_ value: ArraySlice<UInt8>) -> ClassNames {
        value.withUnsafeBufferPointer { classNames.names($0) }
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
            // A copy of its own size: the run's buffer (and its spare capacity) stays here for the next block.
            let text = run.withUnsafeBufferPointer { Array($0) }
            document.blocks.append(.init(owner: owner, text: text, linkBytes: runLinkBytes, commas: runCommas, dropped: droppedDepth > 0))
        }
        run.removeAll(keepingCapacity: true)
        runLinkBytes = 0
        runCommas = 0
    }

    private static let articleBodyWord = Array("articlebody".utf8), textWord = Array("text".utf8)
    private static let authorWord = Array("author".utf8), canonicalWord = Array("canonical".utf8), trueWord = Array("true".utf8)
    private static let displayNone = Array("display:none".utf8), visibilityHidden = Array("visibility:hidden".utf8)
    private static let jsonLDWord = Array("ld+json".utf8)

    private static func lowercasedBytes(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        appendLowercased(value, to: &bytes)
        return bytes
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool { PageSniffer.find(needle, in: haystack) != nil }

    private static func string(_ value: ArraySlice<UInt8>) -> String { String(decoding: value, as: UTF8.self) }

    private static func appendLowercased(_ value: ArraySlice<UInt8>, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + value.count)
        for byte in value { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
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
