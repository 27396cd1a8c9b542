/// Character classes on `Unicode.Scalar`, with an ASCII fast path.
///
/// Cleaning and segmentation ask these questions once or twice per scalar; most news text is
/// ASCII, so the common case is a couple of integer comparisons and Unicode properties are only
/// consulted above U+007F.
package enum ScalarClass {
    /// A letter (or a combining mark, which belongs to the letter before it).
    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        if let slot = CommonScalars.slot(v) { return CommonScalars.has(slot, .letter) }
        return isLetter(category(s))
    }

    /// `isLetter` of a scalar whose general category is `category`.
    @inline(__always)
    static func isLetter(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// A decimal digit 0–9 in any script.
    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if let slot = CommonScalars.slot(v) { return CommonScalars.has(slot, .decimal) }
        return category(s) == .decimalNumber
    }

    /// `isLetter(s) || isDigit(s)`, with one look-up of the general category above U+007F.
    @inline(__always)
    package static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 }
        // Latin-1 and the General Punctuation block (quotes, dashes, spaces) without a property
        // look-up: they are most of the non-ASCII scalars in news text.
        if v < 0x100 { return (v >= 0xC0 && v != 0xD7 && v != 0xF7) || v == 0xAA || v == 0xB5 || v == 0xBA }
        if v >= 0x2000 && v <= 0x206F { return false }
        if let slot = CommonScalars.slot(v) { return CommonScalars.has(slot, .letter) || CommonScalars.has(slot, .decimal) }
        return isLetterOrDigit(category(s))
    }

    /// `isLetterOrDigit` of a scalar from 0x80 up whose general category is `category`.
    @inline(__always)
    static func isLetterOrDigit(_ category: Unicode.GeneralCategory) -> Bool {
        category == .decimalNumber || isLetter(category)
    }

    /// Written as a capital: Unicode's Uppercase property (Lu, and Other_Uppercase such as Ⅻ
    /// and Ⓐ) or a titlecase letter (ǅ, the capital of a digraph, which Uppercase leaves out).
    /// The one answer to "is this a capital" for every stage.
    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v &- 0x41) < 26 }
        if let slot = CommonScalars.slot(v) { return CommonScalars.has(slot, .uppercase) }
        return letterCase(s, category(s)).isUppercase
    }

    /// Unicode's Lowercase property (Ll, and Other_Lowercase such as ª and ʰ).
    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v &- 0x61) < 26 }
        if let slot = CommonScalars.slot(v) { return CommonScalars.has(slot, .lowercase) }
        return letterCase(s, category(s)).isLowercase
    }

    /// The lower-case form of a scalar: a capital (`isUppercase`) becomes the first scalar of its
    /// Unicode lower-case mapping (ǅ -> ǆ, İ -> i), every other scalar stays as it is. The one
    /// lower-casing of the analysis code (`WordHash.fold`, the entity tagger's word forms).
    @inline(__always)
    static func lowercased(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 { return (v &- 0x41) < 26 ? Unicode.Scalar(UInt8(v + 32)) : s }
        return isUppercase(s) ? lowercaseMapping(ofCapital: s) : s
    }

    /// The first scalar of the lower-case mapping of a capital from 0x80 up, out of line.
    @inline(never)
    static func lowercaseMapping(ofCapital s: Unicode.Scalar) -> Unicode.Scalar {
        s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }

    /// `isUppercase` and `isLowercase` of a scalar from 0x80 up whose general category is
    /// `category` (a caller that has asked for the category already): an upper-case (Lu) or
    /// titlecase (Lt) letter is a capital and not lower case, a lower-case one (Ll) the reverse
    /// (Unicode's derived properties; a test checks every scalar), so only the other categories
    /// need the properties looked up.
    @inline(__always)
    static func letterCase(_ s: Unicode.Scalar, _ category: Unicode.GeneralCategory) -> (isUppercase: Bool, isLowercase: Bool) {
        switch category {
        case .uppercaseLetter, .titlecaseLetter: return (true, false)
        case .lowercaseLetter: return (false, true)
        // The only other categories with Other_Uppercase or Other_Lowercase scalars (Ⅻ ⅻ Ⓐ ⓐ ª ʰ).
        case .letterNumber, .otherSymbol, .otherLetter, .modifierLetter, .nonspacingMark: return properties(ofUncased: s)
        default: return (false, false)
        }
    }

    /// The case properties of a scalar that is not a cased letter (Ⅻ, Ⓐ, ª), out of line: most
    /// callers never get here.
    @inline(never)
    private static func properties(ofUncased s: Unicode.Scalar) -> (isUppercase: Bool, isLowercase: Bool) {
        if let slot = CommonScalars.slot(s.value) {
            return (CommonScalars.has(slot, .uppercase), CommonScalars.has(slot, .lowercase))
        }
        if CommonScalars.isIdeographOrHangul(s.value) { return (false, false) }
        return (s.properties.isUppercase, s.properties.isLowercase)
    }

    /// The general category of a scalar: from `CommonScalars` for the scalars news text holds
    /// most, else the standard library's look-up (out of line).
    @inline(__always)
    package static func category(_ s: Unicode.Scalar) -> Unicode.GeneralCategory {
        if let slot = CommonScalars.slot(s.value) { return CommonScalars.categories[slot] }
        return category(outsideTable: s)
    }

    @inline(never)
    private static func category(outsideTable s: Unicode.Scalar) -> Unicode.GeneralCategory {
        CommonScalars.isIdeographOrHangul(s.value) ? .otherLetter : s.properties.generalCategory
    }

    /// White space other than line breaks: spaces, tabs, no-break and typographic spaces.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v == 0x09 || v == 0x0B || v == 0x0C }
        if v == 0x85 || v == 0x2028 || v == 0x2029 { return false }
        return isWhitespace(s)
    }

    /// A line or paragraph break: LF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    @inline(__always)
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Any white space, line breaks included: Unicode's White_Space property (tab to carriage
    /// return, space, NEL, no-break space, the typographic spaces, line and paragraph
    /// separators; not the zero-width space, which is a format character: `isInvisible`). The
    /// one answer to "is this white space" for the word, quote and summary scans.
    @inline(__always)
    package static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v &- 0x09) < 5 }
        if v < 0x100 { return v == 0xA0 || v == 0x85 }
        // General Punctuation (spaces, dashes, quotation marks) without a property look-up.
        if v >= 0x2000 && v <= 0x206F { return v <= 0x200A || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F }
        // The rest of White_Space: the Ogham space mark and the ideographic space (the tests
        // check every scalar against the property).
        return v == 0x1680 || v == 0x3000
    }

    /// Invisible format characters (zero-width space/joiners, word joiner, BOM) that scraping leaves.
    @inline(__always)
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return true
        default: return false
        }
    }

    /// A combining mark (Mn, Mc, Me): it joins the character before it.
    @inline(__always)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }
        if let slot = CommonScalars.slot(s.value) { return CommonScalars.has(slot, .mark) }
        return isMark(category(s))
    }

    /// `isMark` of a scalar whose general category is `category`.
    @inline(__always)
    static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// An ASCII digit 0–9.
    @inline(__always)
    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { (s.value &- 0x30) < 10 }

    /// An ASCII letter, by its value (a...z or A...Z; nothing from 0x80 up).
    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool { ((v | 0x20) &- 0x61) < 26 }

    /// Apostrophes that can sit inside a word: ' and ’ (and the modifier letter apostrophe ʼ).
    @inline(__always)
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x27 || v == 0x2019 || v == 0x02BC
    }

    /// Hyphens that join word parts: - and the Unicode hyphen and non-breaking hyphen (not dashes).
    @inline(__always)
    static func isHyphen(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x2D || v == 0x2010 || v == 0x2011
    }

    /// Dashes used as punctuation: en dash, em dash, horizontal bar, figure dash.
    @inline(__always)
    static func isDash(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x2012 || v == 0x2013 || v == 0x2014 || v == 0x2015
    }

    /// Characters that close a quotation or a bracket and may follow a sentence's final period.
    @inline(__always)
    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0x00BB, 0x203A: return true
        default: return false
        }
    }

    /// Unicode punctuation (general category P*), as opposed to symbols such as $ or +.
    @inline(__always)
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        if let slot = CommonScalars.slot(v) { return CommonScalars.has(slot, .punctuation) }
        return isPunctuation(category(s))
    }

    /// `isPunctuation` of a scalar whose general category is `category`.
    @inline(__always)
    static func isPunctuation(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// ASCII lower-casing of a scalar value (other scalars unchanged); enough for matching word lists.
    @inline(__always)
    static func asciiLower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(UInt8(v + 0x20)) }
        return s
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars in `range` lower-cased (ASCII) as a `String`, for comparing against word lists.
    func lowercasedString(_ range: Range<Int>) -> String {
        self[range].withUnsafeBufferPointer { ScalarText.lowercasedString($0) }
    }

    /// The scalars in `range` as a `String` (encoded to UTF-8 in one buffer: appending scalars to
    /// a `String.UnicodeScalarView` one by one is several times slower).
    func string(_ range: Range<Int>) -> String {
        self[range].withUnsafeBufferPointer { ScalarText.string($0) }
    }
}

extension UnsafeBufferPointer where Element == Unicode.Scalar {
    /// The scalars in `range` lower-cased (ASCII) as a `String`, for comparing against word lists.
    func lowercasedString(_ range: Range<Int>) -> String {
        ScalarText.lowercasedString(UnsafeBufferPointer(rebasing: self[range]))
    }
}

/// Up to eight ASCII scalars packed into a `UInt64`, one byte each (the first in the low byte),
/// A–Z lower-cased: a word-list look-up key that needs no `String`. Distinct words of at most
/// eight ASCII scalars (none of them NUL) get distinct keys; a word that cannot be packed (longer,
/// empty, or not ASCII) has no key and so is in no list built from short ASCII words.
enum PackedWord {
    /// The key of a word-list entry; the entry must be 1–8 ASCII scalars.
    static func key(_ word: String) -> UInt64 {
        let scalars = Array(word.unicodeScalars)
        guard let key = scalars.withUnsafeBufferPointer({ key($0, 0..<$0.count) }) else {
            preconditionFailure("\(word) cannot be packed")
        }
        return key
    }

    /// The lower-cased key of `s[range]`, or nil when it is empty, longer than eight scalars, or
    /// holds a scalar outside 0x01–0x7F.
    @inline(__always)
    static func key(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt64? {
        guard !range.isEmpty, range.count <= 8 else { return nil }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for i in range {
            var v = s[i].value
            guard v &- 1 < 0x7F else { return nil }
            if v &- 0x41 < 26 { v &+= 0x20 }
            key |= UInt64(v) << shift
            shift &+= 8
        }
        return key
    }

    /// Keys of a list of short ASCII words.
    static func keys(_ words: [String]) -> PackedWordSet { PackedWordSet(words.map { key($0) } as [UInt64]) }
}

/// A small set of `PackedWord` keys: the one hash table (`FlatHashMap`) as a set.
typealias PackedWordSet = FlatHashMap<UInt8>
