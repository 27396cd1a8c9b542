/// The lines of a tab-separated resource (the tone lexicon, the language profiles), read in place.
///
/// The resources are read once per process, but every `articled analyze` pays for it: splitting
/// them into an array of lines and an array of fields a line was most of their load time. This
/// walks the bytes once and hands each line's fields as byte ranges. Lines are split at "\n";
/// empty lines and lines starting with "#" are skipped, as the formats say.
struct TabSeparatedLine {
    /// The line's number in the resource, from 1.
    let number: Int
    /// How many fields the line has (its tabs plus one).
    let count: Int
    /// The byte ranges of the first `TabSeparatedLine.kept` fields.
    private let ranges: (Range<Int>, Range<Int>, Range<Int>, Range<Int>)

    /// Fields whose ranges are kept; those past them are only counted.
    static let kept = 4

    init(number: Int, count: Int, ranges: (Range<Int>, Range<Int>, Range<Int>, Range<Int>)) {
        self.number = number; self.count = count; self.ranges = ranges
    }

    /// The byte range of field `i` (`i < min(count, kept)`).
    subscript(_ i: Int) -> Range<Int> {
        switch i {
        case 0: ranges.0
        case 1: ranges.1
        case 2: ranges.2
        default: ranges.3
        }
    }

    /// Calls `body` with every line of `bytes` that is neither empty nor a comment.
    static func forEach<E: Error>(in bytes: UnsafeBufferPointer<UInt8>, _ body: (TabSeparatedLine) throws(E) -> Void) throws(E) {
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
        var start = 0, number = 0
        while start <= bytes.count {
            number += 1
            var end = start
            while end < bytes.count && bytes[end] != newline { end += 1 }
            defer { start = end + 1 }
            guard end > start, bytes[start] != UInt8(ascii: "#") else { continue }
            var ranges: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (end..<end, end..<end, end..<end, end..<end)
            var count = 0, fieldStart = start
            for i in start...end where i == end || bytes[i] == tab {
                switch count {
                case 0: ranges.0 = fieldStart..<i
                case 1: ranges.1 = fieldStart..<i
                case 2: ranges.2 = fieldStart..<i
                case 3: ranges.3 = fieldStart..<i
                default: break
                }
                count += 1
                fieldStart = i + 1
            }
            try body(TabSeparatedLine(number: number, count: count, ranges: ranges))
        }
    }
}

/// A plain decimal number in UTF-8 ("-3.917", "0.293", "12"): an optional minus, digits, and
/// optionally a point and more digits; no exponent, no plus.
///
/// Its value is found as one division of two integers, `digits / 10^places`. When both are exact
/// in the target type the IEEE division is correctly rounded, which is what `Float(String)` and
/// `Double(String)` give too: the same value, for a fraction of the cost. Anything else (more
/// digits, other forms) gives nil, and the caller uses the standard parser.
enum PlainDecimal {
    /// Sign, digits as an integer, and the number of digits after the point.
    private static func parts(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (negative: Bool, digits: UInt64, places: Int)? {
        var i = range.lowerBound
        let negative = i < range.upperBound && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var digits: UInt64 = 0, count = 0, places = 0, point = false, before = 0
        while i < range.upperBound {
            let b = bytes[i]
            if b == UInt8(ascii: ".") && !point {
                point = true; before = count
            } else if b &- 48 < 10 {
                guard count < 18 else { return nil }
                digits = digits * 10 + UInt64(b &- 48); count += 1
                if point { places += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard count > 0, !point || (before > 0 && places > 0) else { return nil }
        return (negative, digits, places)
    }

    /// The number as `Float(String)` reads it, or nil when it is not plain or has over 7 digits.
    static func float(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Float? {
        // Integers below 2^24 and powers of ten up to 10^10 are exact Floats.
        quotient(bytes, range, digitsBelow: 1 << 24, placesUpTo: 10)
    }

    /// The number as `Double(String)` reads it, or nil when it is not plain or has over 15 digits.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        // Integers below 2^53 and powers of ten up to 10^22 are exact Doubles.
        quotient(bytes, range, digitsBelow: 1 << 53, placesUpTo: 22)
    }

    /// `digits / 10^places` in `F`, when the digits and the power of ten are within the bounds
    /// where `F` holds both exactly (so the one division is correctly rounded).
    @inline(__always)
    private static func quotient<F: BinaryFloatingPoint>(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                                         digitsBelow: UInt64, placesUpTo: Int) -> F? {
        guard let p = parts(bytes, range), p.digits < digitsBelow, p.places <= placesUpTo else { return nil }
        var scale: F = 1
        for _ in 0..<p.places { scale *= 10 }
        let value = F(p.digits) / scale
        return p.negative ? -value : value
    }
}
