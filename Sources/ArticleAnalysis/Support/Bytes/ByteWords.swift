/// Eight bytes at a time (SWAR, Hacker's Delight 6-1): the bytes of a little-endian word that are
/// zero, equal to a value, or below one, marked by their high bit. Exact for the lowest byte
/// marked (a borrow can only mark bytes above a marked one), and zero when no byte is, which is
/// all the scans ask: how far to go before looking at bytes one by one (the HTML parser's text
/// and attribute scans, the JSON writer's escape scan, the UTF-8 check of a page).
package enum ByteWords {
    @inline(__always) package static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inline(__always) package static var highs: UInt64 { 0x8080_8080_8080_8080 }

    @inline(__always)
    package static func load(_ bytes: UnsafePointer<UInt8>) -> UInt64 { UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self) }

    @inline(__always)
    package static func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    @inline(__always)
    package static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zeros(word ^ (UInt64(byte) &* ones)) }

    /// Bytes below `limit` (at most 0x80).
    @inline(__always)
    package static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 { (word &- UInt64(limit) &* ones) & ~word & highs }

    /// The offset (0-7) of the lowest byte `marks` marks; `marks` is not zero.
    @inline(__always)
    package static func first(_ marks: UInt64) -> Int { marks.trailingZeroBitCount >> 3 }

    /// Bytes below `limit` (at most 0x80) in a word with no byte from 0x80 up, exact for every
    /// byte: adding 0x80 - limit carries into the high bit exactly for the others, and never
    /// across bytes. (`below` is exact only for the lowest byte it marks.)
    @inline(__always)
    package static func belowInASCII(_ word: UInt64, _ limit: UInt8) -> UInt64 { ~(word &+ UInt64(0x80 &- limit) &* ones) & highs }
}
