/// A half-open range of Unicode code-point offsets into an article's cleaned text.
///
/// Every offset the analysis reports is one of these, so consumers in any language can slice the
/// `text` field by code points without knowing how Swift stores strings.
public struct TextSpan: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start after end")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

/// Text held as an array of Unicode scalars.
///
/// Stages index this array directly: a code-point offset is an array index, so no stage ever
/// walks a `String` to find a position, and hot loops compare `UInt32` values, not `Character`s.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    /// At most `maximumCount` scalars: tokens keep offsets in 32 bits.
    public init(_ string: String) {
        var string = string
        precondition(string.utf8.count <= ScalarText.maximumCount, "a text of 2^31 scalars or more")
        scalars = string.withUTF8 { Self.decode($0) }
    }

    /// The most scalars a text may hold (Int32.max): token types keep offsets in 32 bits.
    public static let maximumCount = Int(Int32.max)

    /// The scalars of valid UTF-8, decoded by hand (`Array(string.unicodeScalars)` costs tens of
    /// instructions a scalar: it counts the scalars, then copies them through an iterator).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
            count = decode(bytes, into: out)
        }
    }

    /// Decodes valid UTF-8 (a `String`'s) into `out`, which has room for `bytes.count` scalars;
    /// returns the number of scalars. Keyphrases decode entity names this way into one scratch
    /// buffer.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int {
        let n = bytes.count
        var i = 0, o = 0
        while i < n {
            let lead = bytes[i]
            var v = UInt32(lead)
            if lead < 0x80 {
                i &+= 1
            } else if lead < 0xE0 {
                v = (v & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F); i &+= 2
            } else if lead < 0xF0 {
                v = (v & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F); i &+= 3
            } else {
                v = (v & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12 | UInt32(bytes[i &+ 2] & 0x3F) << 6
                    | UInt32(bytes[i &+ 3] & 0x3F)
                i &+= 4
            }
            out[o] = unsafeBitCast(v, to: Unicode.Scalar.self)  // decoded from valid UTF-8
            o &+= 1
        }
        return o
    }

    public init(scalars: [Unicode.Scalar]) {
        precondition(scalars.count <= ScalarText.maximumCount, "a text of 2^31 scalars or more")
        self.scalars = scalars
    }

    public var count: Int { scalars.count }

    public subscript(_ span: TextSpan) -> String {
        Self.string(scalars[span.start..<span.end])
    }

    /// UTF-8 encodes the scalars straight into a new string's storage: the standard library's
    /// `UnicodeScalarView.append(contentsOf:)` costs hundreds of instructions a scalar, and this
    /// runs for every entity name, sentence and quote an analysis reports.
    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        slice.withUnsafeBufferPointer { encode($0, lowercased: false) }
    }

    /// The scalars as a `String`.
    static func string(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        encode(scalars, lowercased: false)
    }

    /// The scalars as a `String`, A–Z lower-cased (`ScalarClass.asciiLower`; other scalars as they are).
    static func lowercasedString(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        encode(scalars, lowercased: true)
    }

    /// The length of the scalars in UTF-8, counted without branches (so the loop vectorises).
    static func utf8Count(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var extra = 0
        for scalar in scalars {
            let v = scalar.value
            extra &+= (v > 0x7F ? 1 : 0) &+ (v > 0x7FF ? 1 : 0) &+ (v > 0xFFFF ? 1 : 0)
        }
        return scalars.count &+ extra
    }

    /// The length of the scalars in UTF-8.
    static func utf8Count(_ scalars: [Unicode.Scalar]) -> Int {
        scalars.withUnsafeBufferPointer { utf8Count($0) }
    }

    @inline(__always)
    private static func encode(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, lowercased: Bool) -> String {
        String(unsafeUninitializedCapacity: utf8Count(scalars)) { buffer in
            encodeUTF8(scalars, lowercased: lowercased, into: buffer, at: 0)
        }
    }

    /// Writes `scalars` as UTF-8 into `buffer` from `index` (lower-casing ASCII letters when
    /// asked); returns the index after the last byte. `buffer` must hold `utf8Count(scalars)`.
    @inline(__always)
    static func encodeUTF8(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, lowercased: Bool = false,
                           into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        var i = index
        for scalar in scalars {
            var v = scalar.value
            if v < 0x80 {
                if lowercased && v &- 0x41 < 26 { v &+= 0x20 }
                buffer[i] = UInt8(truncatingIfNeeded: v); i &+= 1
            } else if v < 0x800 {
                buffer[i] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                buffer[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); i &+= 2
            } else if v < 0x10000 {
                buffer[i] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
                buffer[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                buffer[i &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); i &+= 3
            } else {
                buffer[i] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                buffer[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                buffer[i &+ 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                buffer[i &+ 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); i &+= 4
            }
        }
        return i
    }

    public var string: String { self[TextSpan(start: 0, end: scalars.count)] }
}
