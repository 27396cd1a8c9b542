/// Eight bytes at a time (SWAR, Hacker's Delight 6-1): the bytes of a little-endian word that are
/// zero, equal to a value, or below one, marked by their high bit. Exact for the lowest byte
/// marked (a borrow can only mark bytes above a marked one), and zero when no byte is, which is
/// all the scans ask: how far to go before looking at bytes one by one (the HTML parser's text
/// and attribute scans, the JSON writer's escape scan, the UTF-8 check of a page).
///
/// Public and `@inlinable`: the HTML parser is another module, and `package` functions were not
/// inlined into it (each of these was a call per eight bytes, 4% of the parse).
public enum ByteWords {
    @inlinable @inline(__always) public static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable @inline(__always) public static var highs: UInt64 { 0x8080_8080_8080_8080 }

    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafePointer<UInt8>) -> UInt64 { UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self) }

    @inlinable @inline(__always)
    public static func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    @inlinable @inline(__always)
    public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zeros(word ^ (UInt64(byte) &* ones)) }

    /// Bytes below `limit` (at most 0x80).
    @inlinable @inline(__always)
    public static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 { (word &- UInt64(limit) &* ones) & ~word & highs }

    /// The offset (0-7) of the lowest byte `marks` marks; `marks` is not zero.
    @inlinable @inline(__always)
    public static func first(_ marks: UInt64) -> Int { marks.trailingZeroBitCount >> 3 }

    /// Bytes below `limit` (at most 0x80) in a word with no byte from 0x80 up, exact for every
    /// byte: adding 0x80 - limit carries into the high bit exactly for the others, and never
    /// across bytes. (`below` is exact only for the lowest byte it marks.)
    @inlinable @inline(__always)
    public static func belowInASCII(_ word: UInt64, _ limit: UInt8) -> UInt64 { ~(word &+ UInt64(0x80 &- limit) &* ones) & highs }
}
