/// Scalar questions the quote stage asks, with an ASCII fast path.
///
/// The quote-specific questions; general classes (case, digits, white space, marks) come from
/// `ScalarClass`.
enum QuoteScalars {
    /// `ScalarClass.isLetterOrDigit` for an ASCII value (below 0x80), by bit masks.
    @inline(__always)
    static func isASCIIWordScalar(_ v: UInt32) -> Bool {
        // Bits 0x30–0x39 of the low word; 0x41–0x5A and 0x61–0x7A (less 64) of the high word.
        let mask: UInt64 = v < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
        return (mask >> UInt64(v & 63)) & 1 != 0
    }

    /// Double quotation marks that open a quote: “ „ « and the straight ".
    @inline(__always)
    static func isOpeningMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x22 || v == 0x201C || v == 0x201E || v == 0xAB
    }

    /// Characters inside a word that join its parts: apostrophes, hyphens, and the full stop of
    /// "U.S" or "Znak.com" (only when a letter follows).
    @inline(__always)
    static func isWordJoiner(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x27 || v == 0x2019 || v == 0x2D || v == 0x2010 || v == 0x2E
    }
}
