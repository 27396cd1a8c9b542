/// Scalar questions the quote stage asks, with an ASCII fast path.
///
/// The quote-specific questions; general classes (case, digits) come from `ScalarClass`.
package enum QuoteScalars {
    /// A letter, combining mark or digit: the stuff words are made of.
    @inline(__always)
    package static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        // Latin-1 letters and the General Punctuation block (quotes, dashes, spaces) without a
        // Unicode property look-up: they are most of the non-ASCII scalars in news text.
        if v < 0x100 { return v >= 0xC0 && v != 0xD7 && v != 0xF7 }
        if v >= 0x2000 && v <= 0x206F { return false }
        return ScalarClass.isLetterOrDigit(s)
    }

    /// `isWordScalar` for an ASCII value (below 0x80): a letter or digit, by bit masks.
    @inline(__always)
    static func isASCIIWordScalar(_ v: UInt32) -> Bool {
        // Bits 0x30–0x39 of the low word; 0x41–0x5A and 0x61–0x7A (less 64) of the high word.
        let mask: UInt64 = v < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
        return (mask >> UInt64(v & 63)) & 1 != 0
    }

    /// Any white space, including line breaks, no-break and thin spaces.
    @inline(__always)
    package static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x100 { return v == 0xA0 || v == 0x85 }
        if v >= 0x2000 && v <= 0x206F { return v <= 0x200B || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F }
        return s.properties.isWhitespace
    }

    /// Double quotation marks that open a quote: “ „ « and the straight ".
    @inline(__always)
    static func isOpeningMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x22 || v == 0x201C || v == 0x201E || v == 0xAB
    }

    /// Double quotation marks that close a quote: ” » and the straight ".
    @inline(__always)
    static func isClosingMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x22 || v == 0x201D || v == 0xBB
    }

    /// Characters inside a word that join its parts: apostrophes, hyphens, and the full stop of
    /// "U.S" or "Znak.com" (only when a letter follows).
    @inline(__always)
    static func isWordJoiner(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x27 || v == 0x2019 || v == 0x2D || v == 0x2010 || v == 0x2E
    }


    /// A combining mark (Mn, Mc, Me): it joins the character before it.
    @inline(__always)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
