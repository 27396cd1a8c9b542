import ArticleAnalysis
import Glibc

/// articled's HTML parser: a tokenizer over the page's UTF-8 bytes following the WHATWG HTML
/// tokenization states, feeding `HTMLTreeBuilder` (libxml2's tree rules), which feeds
/// `PageBuilder`. It replaced libxml2's SAX parser on the page path: same events, about three
/// times less time (libxml2 alone took the time budget of the whole page).
///
/// States, as in WHATWG §13.2.5: data (text up to `<` or `&`); tag open (`<` + letter is a tag,
/// `<` + anything else is text, `</>` is nothing, `</` + non-letter and `<?` are bogus comments);
/// tag name; before/after attribute name, attribute name, attribute value (double-quoted,
/// single-quoted, unquoted); self-closing start tag; markup declaration (`<!--` comments, which
/// end at `-->`, `--!>`, or as `<!-->`/`<!--->`; `<!DOCTYPE`; `<![CDATA[` in SVG/MathML only; anything else a
/// bogus comment to the next `>`). Script and style content runs to the matching end tag
/// (`</script` + space, `/` or `>`, any case), as script data without the `<!--` escape states
/// (libxml2 has none either); title and textarea are RCDATA (text with character references);
/// xmp, iframe, noembed, noframes, noscript are RAWTEXT. Character references: `HTMLEntities`.
/// NUL bytes are dropped from text and read as U+FFFD in names and values. A tag cut off by the
/// end of the page is dropped, as WHATWG says.
///
/// Every state moves forward through the bytes (scans use memchr), nothing recurses, and each
/// byte is looked at a bounded number of times, whatever the input.
struct HTMLTokenizer: ~Copyable {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var tree: HTMLTreeBuilder
    private var attributes = TagAttributes()
    /// The current tag's name: bytes `nameFrom..<nameTo` of the page when they are lower case
    /// already (`nameIsCopied` false, the common case), else lowered into `name`.
    private var name: [UInt8] = []
    private var nameFrom = 0, nameTo = 0, nameIsCopied = false
    private var scratch: [UInt8] = []

    static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> PageDocument {
        let builder = PageBuilder()
        guard let base = utf8.baseAddress, utf8.count > 0 else { return builder.finish() }
        var tokenizer = HTMLTokenizer(base: base, end: utf8.count, tree: HTMLTreeBuilder(sink: builder))
        tokenizer.run()
        return tokenizer.tree.finish()
    }

    private init(base: UnsafePointer<UInt8>, end: Int, tree: HTMLTreeBuilder) {
        self.base = base
        self.end = end
        self.tree = tree
        name.reserveCapacity(32)
        scratch.reserveCapacity(64)
    }

    private mutating func run() {
        var i = 0
        while i < end {
            let lt = find(UInt8(ascii: "<"), from: i) ?? end
            if lt > i { characters(i, lt, inAttribute: false) }
            guard lt < end else { return }
            i = tagOpen(lt)
        }
    }

    // MARK: Tags

    /// At a `<`: reads what it opens and returns where the data state goes on.
    private mutating func tagOpen(_ lt: Int) -> Int {
        guard lt + 1 < end else { emitLiteral(lt, lt + 1); return end }
        let next = base[lt + 1]
        if Self.isLetter(next) { return startTag(lt + 1) }
        switch next {
        case UInt8(ascii: "/"):
            guard lt + 2 < end else { emitLiteral(lt, end); return end }
            let c = base[lt + 2]
            if Self.isLetter(c) { return endTag(lt + 2) }
            if c == UInt8(ascii: ">") { return lt + 3 }
            return bogusComment(lt + 2)
        case UInt8(ascii: "!"):
            return markupDeclaration(lt + 2)
        case UInt8(ascii: "?"):
            return bogusComment(lt + 1)
        default:
            emitLiteral(lt, lt + 1)
            return lt + 1
        }
    }

    private mutating func startTag(_ at: Int) -> Int {
        var i = tagName(at)
        attributes.removeAll()
        var selfClosing = false
        let id = nameID()
        guard attributeList(&i, &selfClosing, of: tree.names.tag(id)) else { return end }
        let open = tree.startTag(id, attributes, selfClosing: selfClosing)
        guard open else { return i }
        switch tree.names.content(id) {
        case .markup: return i
        case .script:
            let close = rawTextEnd(from: i)
            tree.scriptContent(UnsafeBufferPointer(start: base + i, count: close - i))
            return close
        case .rawText:
            let close = rawTextEnd(from: i)
            tree.text(UnsafeBufferPointer(start: base + i, count: close - i))
            return close
        case .rcData:
            let close = rawTextEnd(from: i)
            if close > i { characters(i, close, inAttribute: false) }
            return close
        }
    }

    private mutating func endTag(_ at: Int) -> Int {
        var i = tagName(at)
        attributes.removeAll()
        var selfClosing = false
        guard attributeList(&i, &selfClosing, of: nil) else { return end }
        tree.endTag(nameID())
        return i
    }

    /// Tag name state: the name's place (lowered into `name` when it holds upper case or NUL);
    /// returns the offset after it.
    private mutating func tagName(_ at: Int) -> Int {
        var i = at
        var plain = true  // no upper case, no NUL: read where it stands
        while i < end {
            let c = base[i]
            if Self.isIn(c, Self.tagNameEnds) { break }
            if (c >= 0x41 && c <= 0x5A) || c == 0 { plain = false }
            i += 1
        }
        nameFrom = at
        nameTo = i
        nameIsCopied = !plain
        if !plain {
            name.removeAll(keepingCapacity: true)
            for c in UnsafeBufferPointer(start: base + at, count: i - at) { Self.appendNameByte(c, to: &name) }
        }
        return i
    }

    /// The id of the current tag's name.
    private mutating func nameID() -> Int32 {
        if nameIsCopied { return tree.names.id(name) }
        return tree.names.id(UnsafeBufferPointer(start: base + nameFrom, count: nameTo - nameFrom))
    }

    /// Byte `k` of the current tag's (lower-case) name.
    private func nameByte(_ k: Int) -> UInt8 { nameIsCopied ? name[k] : base[nameFrom + k] }

    /// Attribute states up to the tag's `>`: fills `attributes` with those `PageBuilder` reads on
    /// a start tag `tag` (nothing for an end tag, `tag` nil; the values it reads, `AttributeName.
    /// needsValue`); false when the page ends inside the tag.
    private mutating func attributeList(_ i: inout Int, _ selfClosing: inout Bool, of tag: HTMLTag?) -> Bool {
        while true {
            while i < end && Self.isSpace(base[i]) { i += 1 }
            guard i < end else { return false }
            let c = base[i]
            if c == UInt8(ascii: ">") { i += 1; return true }
            if c == UInt8(ascii: "/") {
                i += 1
                if i < end && base[i] == UInt8(ascii: ">") { selfClosing = true; i += 1; return true }
                continue
            }
            // Attribute name: the first character is taken whatever it is (even `=`).
            let nameFrom = i
            i += 1
            while i < end && !Self.isIn(base[i], Self.attributeNameEnds) { i += 1 }
            let nameBytes = UnsafeBufferPointer(start: base + nameFrom, count: i - nameFrom)
            // Only the attributes the builder reads are kept (the others are read past).
            let length = i - nameFrom
            let kind: AttributeName = tag == nil ? .other
                : length <= 8 && nameFrom + 8 <= end ? AttributeName.of(base + nameFrom, length: length) : AttributeName.of(nameBytes)
            let kept = kind != .other
            // Most kept bytes are links' `href`, which only `<link>` reads: the others keep the
            // name with an empty value.
            let valueKept = kept && kind.needsValue(on: tag ?? .other)
            let nameStart = attributes.bytes.count
            if kept {
                // The names kept are the few `AttributeName` knows: ASCII letters and `-`, lowered.
                for b in nameBytes { attributes.bytes.append(b | 0x20) }
            }
            let nameEnd = attributes.bytes.count
            while i < end && Self.isSpace(base[i]) { i += 1 }
            if i < end && base[i] == UInt8(ascii: "=") {
                i += 1
                while i < end && Self.isSpace(base[i]) { i += 1 }
                guard i < end else { return false }
                let q = base[i]
                if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                    guard let close = find(q, from: i + 1) else { return false }
                    if valueKept { attributeValue(i + 1, close) }
                    i = close + 1
                } else if q != UInt8(ascii: ">") {
                    let start = i
                    while i < end && !Self.isIn(base[i], Self.unquotedValueEnds) { i += 1 }
                    if valueKept { attributeValue(start, i) }
                }
            }
            if kept { attributes.commit(nameStart: nameStart, nameEnd: nameEnd, kind: kind) }
        }
    }

    /// Appends a value with its character references read and NUL as U+FFFD.
    private mutating func attributeValue(_ from: Int, _ to: Int) {
        var i = from
        while i < to {
            let j = ampersandOrNUL(from: i, to: to)
            if j > i { attributes.bytes.append(contentsOf: UnsafeBufferPointer(start: base + i, count: j - i)) }
            guard j < to else { return }
            if base[j] == 0 {
                HTMLEntities.appendUTF8(0xFFFD, to: &attributes.bytes)
                i = j + 1
            } else if let (scalar, next) = reference(j, to, inAttribute: true) {
                HTMLEntities.appendUTF8(scalar, to: &attributes.bytes)
                i = next
            } else {
                attributes.bytes.append(UInt8(ascii: "&"))
                i = j + 1
            }
        }
    }

    /// The offset of the end tag that closes raw text (`</name` + space, `/` or `>`, any case;
    /// `name` holds the element's name), or the end of the page.
    private func rawTextEnd(from: Int) -> Int {
        var i = from
        let length = nameIsCopied ? name.count : nameTo - nameFrom
        while let lt = find(UInt8(ascii: "<"), from: i) {
            let at = lt + 2
            if at + length <= end, base[lt + 1] == UInt8(ascii: "/") {
                var k = 0
                while k < length && (base[at + k] | 0x20) == nameByte(k) { k += 1 }
                if k == length && (at + length == end || Self.isSpace(base[at + length]) || base[at + length] == UInt8(ascii: "/")
                                   || base[at + length] == UInt8(ascii: ">")) { return lt }
            }
            i = lt + 1
        }
        return end
    }

    // MARK: Comments and declarations

    /// After `<!`: a comment, a doctype, CDATA (SVG/MathML), or a bogus comment.
    private mutating func markupDeclaration(_ at: Int) -> Int {
        if matches(at, "--") {
            let body = at + 2
            if body < end && base[body] == UInt8(ascii: ">") { return body + 1 }
            if matches(body, "->") { return body + 2 }
            var i = body
            while let dash = find(UInt8(ascii: "-"), from: i) {
                if matches(dash, "-->") { return dash + 3 }
                if matches(dash, "--!>") { return dash + 4 }
                i = dash + 1
            }
            return end
        }
        if tree.isInForeignContent && matches(at, "[CDATA[") {
            let body = at + 7
            var i = body
            while let bracket = find(UInt8(ascii: "]"), from: i) {
                if matches(bracket, "]]>") {
                    tree.text(UnsafeBufferPointer(start: base + body, count: bracket - body))
                    return bracket + 3
                }
                i = bracket + 1
            }
            tree.text(UnsafeBufferPointer(start: base + body, count: end - body))
            return end
        }
        // `<!DOCTYPE ...>` and anything else: nothing the extractor uses, to the next `>`.
        return bogusComment(at)
    }

    private func bogusComment(_ at: Int) -> Int {
        guard let gt = find(UInt8(ascii: ">"), from: at) else { return end }
        return gt + 1
    }

    // MARK: Text and character references

    /// Text from `from` to `to` (no `<` inside unless RCDATA): references read, NULs dropped.
    private mutating func characters(_ from: Int, _ to: Int, inAttribute: Bool) {
        var i = from
        while i < to {
            let j = ampersandOrNUL(from: i, to: to)
            if j > i { tree.text(UnsafeBufferPointer(start: base + i, count: j - i)) }
            guard j < to else { return }
            if base[j] == 0 {
                i = j + 1
            } else if let (scalar, next) = reference(j, to, inAttribute: false) {
                scratch.removeAll(keepingCapacity: true)
                HTMLEntities.appendUTF8(scalar, to: &scratch)
                scratch.withUnsafeBufferPointer { tree.text($0) }
                i = next
            } else {
                emitLiteral(j, j + 1)
                i = j + 1
            }
        }
    }

    /// The character reference at `at` (an `&`) before `limit`: its scalar and the offset after
    /// it, or nil when it is a plain `&`.
    private func reference(_ at: Int, _ limit: Int, inAttribute: Bool) -> (UInt32, Int)? {
        var i = at + 1
        guard i < limit else { return nil }
        if base[i] == UInt8(ascii: "#") {
            i += 1
            var radix: UInt32 = 10
            if i < limit && base[i] | 0x20 == UInt8(ascii: "x") { radix = 16; i += 1 }
            let digits = i
            var value: UInt32 = 0
            while i < limit, let digit = Self.digit(base[i], radix) {
                value = min(value &* radix &+ digit, 0x110000)
                i += 1
            }
            guard i > digits else { return nil }
            if i < limit && base[i] == UInt8(ascii: ";") { i += 1 }
            return (HTMLEntities.numeric(value), i)
        }
        let nameStart = i
        while i < limit && Self.isAlphanumeric(base[i]) { i += 1 }
        let run = i - nameStart
        guard run > 0 else { return nil }
        if i < limit && base[i] == UInt8(ascii: ";"), let entry = HTMLEntities.lookup(UnsafeBufferPointer(start: base + nameStart, count: run)) {
            return (entry.scalar, i + 1)
        }
        // Without `;`: the longest legacy name at the start of the run.
        var length = min(run, HTMLEntities.longestLegacyName)
        while length >= 2 {
            if let entry = HTMLEntities.lookup(UnsafeBufferPointer(start: base + nameStart, count: length)), entry.legacy {
                let after = nameStart + length
                if inAttribute && after < limit && (Self.isAlphanumeric(base[after]) || base[after] == UInt8(ascii: "=")) { return nil }
                return (entry.scalar, after)
            }
            length -= 1
        }
        return nil
    }

    /// Bytes of the page that are text as they stand (`<` not opening a tag, `&` not a reference).
    private mutating func emitLiteral(_ from: Int, _ to: Int) {
        tree.text(UnsafeBufferPointer(start: base + from, count: to - from))
    }

    // MARK: Bytes

    private func find(_ byte: UInt8, from: Int) -> Int? {
        guard from < end, let hit = memchr(base + from, Int32(byte), end - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first `&` or NUL from `from` on, or `to`: eight bytes a step (`ByteWords`).
    private func ampersandOrNUL(from: Int, to: Int) -> Int {
        var j = from
        while j + 8 <= to {
            let word = ByteWords.load(base + j)
            let marks = ByteWords.equal(word, UInt8(ascii: "&")) | ByteWords.zeros(word)
            if marks != 0 { return j + ByteWords.first(marks) }
            j += 8
        }
        while j < to && base[j] != UInt8(ascii: "&") && base[j] != 0 { j += 1 }
        return j
    }

    private func matches(_ at: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= end else { return false }
        let w = word.utf8Start
        for k in 0..<count where base[at + k] != w[k] { return false }
        return true
    }

    /// A name byte: ASCII upper case lowered, NUL as U+FFFD.
    private static func appendNameByte(_ c: UInt8, to out: inout [UInt8]) {
        if c >= 0x41 && c <= 0x5A { out.append(c | 0x20) } else if c == 0 { HTMLEntities.appendUTF8(0xFFFD, to: &out) } else { out.append(c) }
    }

    private static func isSpace(_ c: UInt8) -> Bool { isIn(c, spaces) }

    /// Whether `c` (below 64 for any to be in) is one of the bytes marked in `set` (bit `c`):
    /// one shift and test where the scans compared each byte with up to eight others.
    @inline(__always)
    private static func isIn(_ c: UInt8, _ set: UInt64) -> Bool { c < 64 && (set >> UInt64(c)) & 1 != 0 }
    private static var spaces: UInt64 { 1 << 0x20 | 1 << 0x0A | 1 << 0x09 | 1 << 0x0C | 1 << 0x0D }
    /// Space, `/` or `>`.
    private static var tagNameEnds: UInt64 { spaces | 1 << 0x2F | 1 << 0x3E }
    /// Space, `/`, `>` or `=`.
    private static var attributeNameEnds: UInt64 { tagNameEnds | 1 << 0x3D }
    /// Space or `>`.
    private static var unquotedValueEnds: UInt64 { spaces | 1 << 0x3E }
    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isAlphanumeric(_ c: UInt8) -> Bool { isLetter(c) || (c >= 0x30 && c <= 0x39) }

    private static func digit(_ c: UInt8, _ radix: UInt32) -> UInt32? {
        if c >= 0x30 && c <= 0x39 { return UInt32(c - 0x30) }
        if radix == 16 { let l = c | 0x20; if l >= 0x61 && l <= 0x66 { return UInt32(l - 0x61 + 10) } }
        return nil
    }
}
