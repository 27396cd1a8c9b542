/// The attributes of one start tag as the parser hands them to `PageBuilder`: lower-case names
/// and values with their character references read, as ranges into one byte buffer that the
/// parser reuses from tag to tag (no allocation per attribute).
struct TagAttributes {
    struct Span {
        var name: Range<Int>
        var value: Range<Int>
    }

    var bytes: [UInt8] = []
    var spans: [Span] = []

    init() {
        bytes.reserveCapacity(1024)
        spans.reserveCapacity(16)
    }

    mutating func removeAll() {
        // Most tags have no attributes: nothing to clear (clearing an empty array is not free).
        if !bytes.isEmpty { bytes.removeAll(keepingCapacity: true) }
        if !spans.isEmpty { spans.removeAll(keepingCapacity: true) }
    }

    /// Adds the attribute whose name and value are the bytes from `nameStart` on (the name ends at
    /// `nameEnd`); a repeated name is dropped (the first one counts, as in WHATWG and libxml2).
    mutating func commit(nameStart: Int, nameEnd: Int) {
        let name = nameStart..<nameEnd
        for span in spans where span.name.count == name.count {
            if bytes[span.name].elementsEqual(bytes[name]) {
                bytes.removeSubrange(nameStart...)
                return
            }
        }
        spans.append(Span(name: name, value: nameEnd..<bytes.count))
    }

    /// The value of the attribute `name` (lower case), if the tag has it.
    func value(_ name: String) -> ArraySlice<UInt8>? {
        for span in spans where bytes[span.name].elementsEqual(name.utf8) { return bytes[span.value] }
        return nil
    }
}
