/// The attributes of one start tag as the parser hands them to `PageBuilder`: lower-case names
/// and values with their character references read, as ranges into one byte buffer that the
/// parser reuses from tag to tag (no allocation per attribute).
struct TagAttributes {
    struct Span {
        var name: Range<Int>
        var value: Range<Int>
        var kind: AttributeName
    }

    var bytes: [UInt8] = []
    var spans: [Span] = []

    init() {
        bytes.reserveCapacity(1024)
        spans.reserveCapacity(16)
    }

    /// Forgets the spans. The bytes stay (spans of the next tag are appended after them) until
    /// they pass 64 KB: clearing an array on every tag is not free.
    mutating func removeAll() {
        // Most tags have no attributes: nothing to clear.
        if !spans.isEmpty { spans.removeAll(keepingCapacity: true) }
        if bytes.count > 1 << 16 { bytes.removeAll(keepingCapacity: true) }
    }

    /// Adds the attribute whose name and value are the bytes from `nameStart` on (the name ends at
    /// `nameEnd`); a repeated name is dropped (the first one counts, as in WHATWG and libxml2).
    mutating func commit(nameStart: Int, nameEnd: Int, kind: AttributeName? = nil) {
        let name = nameStart..<nameEnd
        let kind = kind ?? AttributeName.of(bytes[name])
        // Names of one kind other than `.other` are the same name.
        for span in spans where span.kind == kind && span.name.count == name.count {
            if kind != .other || bytes[span.name].elementsEqual(bytes[name]) {
                bytes.removeSubrange(nameStart...)
                return
            }
        }
        spans.append(Span(name: name, value: nameEnd..<bytes.count, kind: kind))
    }

    /// The value of the attribute `name` (lower case), if the tag has it.
    func value(_ name: String) -> ArraySlice<UInt8>? {
        for span in spans where bytes[span.name].elementsEqual(name.utf8) { return bytes[span.value] }
        return nil
    }
}

/// The attributes `PageBuilder` reads, named once by the tokenizer (which copies no other
/// attribute: most of a page's attribute bytes are src, srcset, data-*), so the builder switches
/// on the name without reading it again.
enum AttributeName {
    case `class`, id, itemprop, rel, href, hidden, ariaHidden, style, role, type, lang, datetime, name, property, httpEquiv, content, charset, other

    /// Whether `PageBuilder` reads the value of this attribute on a `tag` element (it reads
    /// `href` on `<link>` only, and `<a href>` for being there; `content`, `name`, `property`,
    /// `http-equiv` on `<meta>`; `datetime` on `<time>`; `lang` on `<html>`; `type` on `<script>`).
    func needsValue(on tag: HTMLTag) -> Bool {
        switch self {
        case .href: tag == .link
        case .content, .name, .property, .httpEquiv: tag == .meta
        case .datetime: tag == .time
        case .lang: tag == .html
        case .type: tag == .script
        case .class, .id, .itemprop, .rel, .hidden, .ariaHidden, .style, .role, .charset, .other: true
        }
    }

    /// The attribute of a name (upper case read as lower), read without making a `String`.
    static func of<Name: Collection<UInt8>>(_ key: Name) -> AttributeName {
        let length = key.count
        guard length <= 11 else { return .other }
        var packed: UInt64 = 0
        var i = 0
        var rest: UInt32 = 0
        for byte in key {
            let lower = UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if i < 8 { packed |= lower << (8 * UInt64(i)) } else { rest |= UInt32(lower) << (8 * UInt32(i - 8)) }
            i += 1
        }
        if length > 8 {
            if length == 11 && packed == 0x6469682D61697261 && rest == 0x6E_6564 { return .ariaHidden }  // "aria-hid" "den"
            if length == 10 && packed == 0x7571652D70747468 && rest == 0x7669 { return .httpEquiv }  // "http-equ" "iv"
            return .other
        }
        return of(packed: packed)
    }

    /// The attribute of a name of one to eight bytes at `at`, when eight bytes can be read from
    /// there (`of(_:)` for the others): one load, the bytes past the name masked off, A-Z
    /// lowered eight at a time.
    @inline(__always)
    static func of(_ at: UnsafePointer<UInt8>, length: Int) -> AttributeName {
        let word = UnsafeRawPointer(at).loadUnaligned(as: UInt64.self)
        return of(packed: ClassNameCache.lowered(length == 8 ? word : word & ((1 << (8 * UInt64(length))) - 1)))
    }

    /// The attribute of a lower-cased name of at most eight bytes, packed little-endian.
    private static func of(packed: UInt64) -> AttributeName {
        switch packed {
        case Self.classKey: return .class
        case Self.idKey: return .id
        case Self.hrefKey: return .href
        case Self.styleKey: return .style
        case Self.relKey: return .rel
        case Self.roleKey: return .role
        case Self.typeKey: return .type
        case Self.itempropKey: return .itemprop
        case Self.hiddenKey: return .hidden
        case Self.langKey: return .lang
        case Self.datetimeKey: return .datetime
        case Self.nameKey: return .name
        case Self.propertyKey: return .property
        case Self.contentKey: return .content
        case Self.charsetKey: return .charset
        default: return .other
        }
    }

    // The attribute names packed little-endian into a UInt64, written out as
    // literals so that the switch in `of` compares constants.
    private static var classKey: UInt64 { 0x0000007373616C63 }  // "class"
    private static var idKey: UInt64 { 0x0000000000006469 }  // "id"
    private static var hrefKey: UInt64 { 0x0000000066657268 }  // "href"
    private static var styleKey: UInt64 { 0x000000656C797473 }  // "style"
    private static var relKey: UInt64 { 0x00000000006C6572 }  // "rel"
    private static var roleKey: UInt64 { 0x00000000656C6F72 }  // "role"
    private static var typeKey: UInt64 { 0x0000000065707974 }  // "type"
    private static var itempropKey: UInt64 { 0x706F72706D657469 }  // "itemprop"
    private static var hiddenKey: UInt64 { 0x00006E6564646968 }  // "hidden"
    private static var langKey: UInt64 { 0x00000000676E616C }  // "lang"
    private static var datetimeKey: UInt64 { 0x656D697465746164 }  // "datetime"
    private static var nameKey: UInt64 { 0x00000000656D616E }  // "name"
    private static var propertyKey: UInt64 { 0x79747265706F7270 }  // "property"
    private static var contentKey: UInt64 { 0x00746E65746E6F63 }  // "content"
    private static var charsetKey: UInt64 { 0x0074657372616863 }  // "charset"

}
