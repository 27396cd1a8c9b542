/// Tree construction for `HTMLTokenizer`: turns start tags, end tags and text into balanced
/// start/end events for `PageBuilder`, with the rules of libxml2 2.9.14's HTML parser (the one the
/// extractor was tuned on; see `HTMLNames`):
/// - a start tag first closes the open elements it ends (`<p>a<p>b`, `<li>a<li>b`, a cell before a
///   cell, `<head>` at the first body element); void elements (and `<x/>`) end at once;
/// - an end tag closes its element and everything opened inside it, unless no such element is
///   open (ignored) or an element of higher rank is open inside it (`</span>` does not close a
///   `<div>`, `</div>` does not close a `<td>`: ignored);
/// - a second `<html>` or `<body>`, or a `<head>` that is not the first child of `<html>`, is
///   ignored with its end tag; text outside any element, or straight in `<html>`/`<head>`,
///   gets an implied `<p>`;
/// - `</br>` is a `<br>` (WHATWG); elements still open at the end are closed there.
///
/// Nothing recurses. At most `maximumDepth` elements are open: deeper start tags are ignored
/// (their text goes to the deepest element), so an end tag looks at no more than that many open
/// elements and the work stays linear in the page on any input.
struct HTMLTreeBuilder {
    static let maximumDepth = 512

    let sink: PageBuilder
    var names = HTMLNames()
    private var stack: [Int32] = []
    /// Open elements of each name (indexed by id; grown as new names appear).
    private var openCount: [Int32] = []
    /// Ignored `<html>`/`<head>`/`<body>` start tags whose end tags are to be ignored too (libxml2's `depth`).
    private var misplaced = 0
    /// Open `<svg>`/`<math>` elements: inside one, `<![CDATA[...]]>` is text.
    private(set) var foreignDepth = 0
    private let noAttributes = TagAttributes()
    private let html = HTMLNames.html, head = HTMLNames.head, body = HTMLNames.body, p = HTMLNames.p, br = HTMLNames.br
    private let svg = HTMLNames.svg, math = HTMLNames.math

    init(sink: PageBuilder) {
        self.sink = sink
        stack.reserveCapacity(64)
        openCount = [Int32](repeating: 0, count: HTMLNames.known.count + 64)
    }

    var isInForeignContent: Bool { foreignDepth > 0 }

    /// A start tag; true when the element is left open (its content follows), false when it
    /// ended at once (void, `/>`) or was ignored.
    mutating func startTag(_ id: Int32, _ attributes: TagAttributes, selfClosing: Bool) -> Bool {
        while let top = stack.last, names.closes(id, top) { pop() }
        if id == html && !stack.isEmpty { misplaced += 1; return false }
        if id == head && stack.count != 1 { misplaced += 1; return false }
        if id == body && count(of: id) > 0 { misplaced += 1; return false }
        let isVoid = names.isVoid(id)
        if stack.count >= Self.maximumDepth && !isVoid { return false }
        push(id, attributes)
        if isVoid || selfClosing { pop(); return false }
        return true
    }

    mutating func endTag(_ id: Int32) {
        if id == br { _ = startTag(id, noAttributes, selfClosing: true); return }
        if misplaced > 0 && (id == html || id == body || id == head) { misplaced -= 1; return }
        guard count(of: id) > 0 else { return }
        let priority = names.endPriority(id)
        var i = stack.count - 1
        while stack[i] != id {
            if names.endPriority(stack[i]) > priority { return }
            i -= 1
        }
        while stack.count > i { pop() }
    }

    /// Text (UTF-8, character references already read).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if stack.isEmpty || stack.last == html || stack.last == head, !Self.isBlank(bytes) {
            _ = startTag(p, noAttributes, selfClosing: false)
        }
        sink.characters(base, bytes.count)
    }

    /// The content of a script or style element.
    func scriptContent(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        sink.cdata(base, bytes.count)
    }

    mutating func finish() -> PageDocument {
        while !stack.isEmpty { pop() }
        return sink.finish()
    }

    private func count(of id: Int32) -> Int32 { Int(id) < openCount.count ? openCount[Int(id)] : 0 }

    private mutating func push(_ id: Int32, _ attributes: TagAttributes) {
        if Int(id) >= openCount.count { openCount.append(contentsOf: repeatElement(0, count: Int(id) + 64 - openCount.count)) }
        openCount[Int(id)] += 1
        stack.append(id)
        if id == svg || id == math { foreignDepth += 1 }
        sink.startElement(names.tag(id), attributes)
    }

    private mutating func pop() {
        let id = stack.removeLast()
        openCount[Int(id)] -= 1
        if id == svg || id == math { foreignDepth -= 1 }
        sink.endElement()
    }

    /// Only space, tab, CR and LF (libxml2's blanks, which get no implied `<p>`).
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D { return false }
        return true
    }
}
