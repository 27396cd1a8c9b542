/// What the tagger knows about one token on its own: hashes of its forms plus a few flags.
///
/// Computed once per token from its scalars, so the feature templates only mix integers. Forms
/// are taken after `NERLexeme.normalized(_:)`, which folds typographic apostrophes, quotes and
/// dashes to the ASCII ones the CoNLL training text uses: "al-Qaeda’s" and "al-Qaeda's" look the
/// same to the model.
package struct NERLexeme: Sendable, Equatable {
    /// The exact (normalised) form.
    var word: UInt64
    /// The lower-case form.
    var lower: UInt64
    /// The collapsed word shape: "Xx", "X.X.", "xx-Xx", "d-d" ("Jabhat" -> "Xx", "US" -> "X").
    var shape: UInt64
    /// Lower-case prefixes and suffixes of 1...4 scalars (0 when the token is shorter).
    var prefix: (UInt64, UInt64, UInt64, UInt64)
    var suffix: (UInt64, UInt64, UInt64, UInt64)
    var flags: Flags
    /// Scalars in the token.
    var length: Int

    package static func == (a: NERLexeme, b: NERLexeme) -> Bool {
        a.word == b.word && a.lower == b.lower && a.shape == b.shape && a.prefix == b.prefix && a.suffix == b.suffix
            && a.flags == b.flags && a.length == b.length
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        /// First scalar is an upper-case letter.
        static let initialCapital = Flags(rawValue: 1 << 0)
        /// At least one letter and no lower-case letter.
        static let allCapitals = Flags(rawValue: 1 << 1)
        static let hasDigit = Flags(rawValue: 1 << 2)
        static let hasLetter = Flags(rawValue: 1 << 3)
        /// No letter or digit at all ("," "(" "'s" is not this: it has a letter).
        static let punctuation = Flags(rawValue: 1 << 4)
        /// A name particle: al, bin, ibn, abu, van, de, ... (alone or as "al-" before a capital).
        static let particle = Flags(rawValue: 1 << 5)
        static let hasHyphen = Flags(rawValue: 1 << 6)
        /// Has a lower-case letter after the first scalar ("McDonald", "Nusrah").
        static let hasLower = Flags(rawValue: 1 << 7)
        /// At least one upper-case letter anywhere ("al-Qaeda", "McDonald", "US").
        static let hasCapital = Flags(rawValue: 1 << 8)
    }

    /// Folds typographic punctuation to ASCII: ’ ‘ ` -> ', “ ” „ -> ", – — -> -.
    @inline(__always)
    static func normalized(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return s.value == 0x60 ? "'" : s }
        switch s.value {
        case 0x2019, 0x2018, 0x0060, 0x02BC, 0x2032: return "'"
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return "\""
        case 0x2013, 0x2014, 0x2012, 0x2010, 0x2011: return "-"
        default: return s
        }
    }

    /// How a (normalised) scalar counts in a word's shape and flags: the first of upper case,
    /// lower case, digit, other letter (as lower case, but not for `hasLower`), or none of these.
    private enum ShapeClass {
        case upper, lower, digit, otherLetter, other
    }

    @inline(__always)
    private static func shapeClass(_ s: Unicode.Scalar) -> ShapeClass {
        let v = s.value
        if v < 0x80 {
            if v &- 65 < 26 { return .upper }
            if v &- 97 < 26 { return .lower }
            return v &- 48 < 10 ? .digit : .other
        }
        return shapeClassOutsideASCII(s)
    }

    @inline(never)
    private static func shapeClassOutsideASCII(_ s: Unicode.Scalar) -> ShapeClass {
        if ScalarClass.isUppercase(s) { return .upper }
        if ScalarClass.isLowercase(s) { return .lower }
        if ScalarClass.isDigit(s) { return .digit }
        return ScalarClass.isLetter(s) ? .otherLetter : .other
    }

    /// Analyses one token. `scalars` may hold typographic forms; they are normalised here.
    ///
    /// One pass over the scalars. Each scalar is classified once (`shapeClass`); only an
    /// upper-case letter needs lower-casing, every other scalar is its own lower-case form.
    package init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        var word = NERHash.seed, lower = NERHash.seed, shape = NERHash.seed
        var lastShape: UInt32 = 0
        var flags: Flags = []
        var count = 0
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        // A lower-case letter, or a letter without case: either keeps the token from being all capitals.
        var hasNonCapitalLetter = false
        // A ring of the last four lower-case scalars gives the suffixes without a second pass.
        var ring: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        for raw in scalars {
            let s = NERLexeme.normalized(raw)
            var l = s
            let shapeValue: UInt32
            switch NERLexeme.shapeClass(s) {
            case .upper:
                shapeValue = 88; flags.insert(.hasLetter); flags.insert(.hasCapital)
                if count == 0 { flags.insert(.initialCapital) }
                l = ScalarClass.lowercased(s)
            case .lower:
                shapeValue = 120; hasNonCapitalLetter = true; flags.insert(.hasLetter)
                if count > 0 { flags.insert(.hasLower) }
            case .digit:
                shapeValue = 100; flags.insert(.hasDigit)
            case .otherLetter:
                shapeValue = 120; hasNonCapitalLetter = true; flags.insert(.hasLetter)
            case .other:
                shapeValue = s.value
                if s == "-" { flags.insert(.hasHyphen) }
            }
            word = NERHash.add(word, s.value)
            lower = NERHash.add(lower, l.value)
            if shapeValue != lastShape { shape = NERHash.add(shape, shapeValue); lastShape = shapeValue }
            switch count {
            case 0: prefixes.0 = lower
            case 1: prefixes.1 = lower
            case 2: prefixes.2 = lower
            case 3: prefixes.3 = lower
            default: break
            }
            ring = (ring.1, ring.2, ring.3, l.value)
            count += 1
        }
        if flags.contains(.hasCapital) && !hasNonCapitalLetter { flags.insert(.allCapitals) }
        if !flags.contains(.hasLetter) && !flags.contains(.hasDigit) { flags.insert(.punctuation) }
        var suffix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        if count >= 1 { suffix.0 = NERHash.add(NERHash.seed, ring.3) }
        if count >= 2 { suffix.1 = NERHash.add(NERHash.add(NERHash.seed, ring.2), ring.3) }
        if count >= 3 { suffix.2 = NERHash.add(NERHash.add(NERHash.add(NERHash.seed, ring.1), ring.2), ring.3) }
        if count >= 4 { suffix.3 = NERHash.add(NERHash.add(NERHash.add(NERHash.add(NERHash.seed, ring.0), ring.1), ring.2), ring.3) }
        if NERLexeme.particles.contains(lower) || (count > 3 && NERLexeme.particlePrefixes.contains(prefixes.2)) {
            flags.insert(.particle)
        }
        self.word = word; self.lower = lower; self.shape = shape
        self.prefix = prefixes; self.suffix = suffix
        self.flags = flags; self.length = count
    }

    /// The lexeme of a missing neighbour (before the first or after the last token of a sentence).
    static let none = NERLexeme(EmptyCollection<Unicode.Scalar>())

    /// Lower-case name particles that sit inside names: "Osama bin Laden", "Ludwig van Beethoven".
    static let particles = NERKeyTable(
        ["al", "el", "bin", "ibn", "abu", "abou", "umm", "bint", "ben", "van", "von", "de", "da", "del", "della", "der",
         "den", "di", "du", "dos", "das", "la", "le", "ter", "ten", "zu", "ul", "ad", "ash", "az"].map { NERHash.string($0) })
    /// Particles written joined with a hyphen: the hash of the first three scalars ("al-", "el-", "ad-").
    static let particlePrefixes = NERKeyTable(["al-", "el-", "ad-", "an-", "ar-", "as-", "ash", "az-", "at-"].map { NERHash.string($0) })
}

/// The entity code's hashes: word forms by `FNV1a` (the one string hash; these names keep the
/// call sites short), and a strong 64-bit mix for feature conjunctions.
enum NERHash {
    static let seed = FNV1a.offsetBasis

    @inline(__always)
    static func add(_ h: UInt64, _ v: UInt32) -> UInt64 { FNV1a.step(h, v) }

    static func string(_ s: String) -> UInt64 { FNV1a.of(s.unicodeScalars) }

    /// Mixes two values into one well-spread 64-bit hash (splitmix64 finaliser).
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = FibonacciHashing.mix(a) ^ (b &+ 0x632B_E59B_D9B4_E019 &+ (a << 6) &+ (a >> 2))
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func mix3(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { mix(mix(a, b), c) }
}
