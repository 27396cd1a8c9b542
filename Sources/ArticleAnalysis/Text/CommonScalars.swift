/// The general category and letter case of the scalars news text holds most outside ASCII, in
/// one small table: everything below U+0800 (Latin-1, Latin Extended, IPA, Greek, Cyrillic,
/// Armenian, Hebrew, Arabic), General Punctuation (U+2000–U+206F: typographic spaces, dashes,
/// quotation marks), and CJK punctuation with the kana (U+3000–U+30FF). `ScalarClass` reads it before asking the standard library, whose look-up
/// (a search through all of Unicode's ranges) cost web pages about 5% of their analysis: every
/// stage asks about every non-ASCII scalar again.
///
/// The table is filled from the standard library's own answers the first time it is read, so
/// it cannot disagree with them; `ScalarClassTests` checks every scalar anyway.
enum CommonScalars {
    /// What the predicates ask, one bit each of a scalar's byte in `flags` (bit `rawValue`):
    /// the general category is a resilient standard-library enum, so reading one from a table,
    /// or switching on it, goes through value witnesses; a byte does not.
    enum Property: UInt8 {
        /// Uppercase or titlecase (`ScalarClass.isUppercase`); Unicode's Lowercase property.
        case uppercase, lowercase
        /// `ScalarClass.isLetter` (a letter or a combining mark); decimal number (Nd).
        case letter, decimal
        /// Punctuation (P*); combining mark (Mn, Mc, Me).
        case punctuation, mark
    }

    /// Scalars below this are in the table from slot 0.
    private static let lowEnd: UInt32 = 0x800
    /// General Punctuation, in the table after the low scalars.
    private static let punctuationStart: UInt32 = 0x2000, punctuationCount: UInt32 = 0x70
    /// CJK Symbols and Punctuation, Hiragana, Katakana, in the table after General Punctuation.
    private static let kanaStart: UInt32 = 0x3000, kanaCount: UInt32 = 0x100

    private static var scalars: [Unicode.Scalar] {
        (Array(0..<lowEnd) + Array(punctuationStart..<(punctuationStart + punctuationCount)) + Array(kanaStart..<(kanaStart + kanaCount)))
            .map { Unicode.Scalar($0)! }  // surrogates are not scalars, and none is in these ranges
    }

    /// The general category of each scalar in the table.
    static let categories: [Unicode.GeneralCategory] = scalars.map(\.properties.generalCategory)

    /// The `Property` bits of each scalar in the table.
    static let flags: [UInt8] = scalars.map { s in
        let p = s.properties, category = p.generalCategory
        var properties: [Property] = []
        if p.isUppercase || category == .titlecaseLetter { properties.append(.uppercase) }
        if p.isLowercase { properties.append(.lowercase) }
        // The category groups are ScalarClass's own (the case properties are not: its
        // `letterCase` reads this table).
        if ScalarClass.isLetter(category) { properties.append(.letter) }
        if ScalarClass.isMark(category) { properties.append(.mark) }
        if category == .decimalNumber { properties.append(.decimal) }
        if ScalarClass.isPunctuation(category) { properties.append(.punctuation) }
        return properties.reduce(0) { $0 | 1 << $1.rawValue }
    }

    /// Whether the scalar in `slot` has `property`.
    @inline(__always)
    static func has(_ slot: Int, _ property: Property) -> Bool { flags[slot] >> property.rawValue & 1 != 0 }

    /// The slot of scalar value `v` in `categories` and `flags`, or nil when the table does not hold it.
    @inline(__always)
    static func slot(_ v: UInt32) -> Int? {
        if v < lowEnd { return Int(v) }
        if v &- punctuationStart < punctuationCount { return Int(lowEnd + (v - punctuationStart)) }
        if v &- kanaStart < kanaCount { return Int(lowEnd + punctuationCount + (v - kanaStart)) }
        return nil
    }

    /// CJK Unified Ideographs (U+4E00–U+9FFF) and Hangul syllables (U+AC00–U+D7A3): other
    /// letters, neither upper nor lower case, every one (checked on every scalar by the tests).
    @inline(__always)
    static func isIdeographOrHangul(_ v: UInt32) -> Bool {
        v &- 0x4E00 < 0x5200 || v &- 0xAC00 < 0x2BA4
    }
}
