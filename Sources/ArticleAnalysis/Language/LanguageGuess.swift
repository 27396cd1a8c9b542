/// The language the article is written in, as an ISO 639-1 code, with a confidence from 0 to 1.
///
/// The code is "und" (undetermined) when the text has too few letters to tell.
public struct LanguageGuess: Sendable, Equatable {
    public var code: String
    public var confidence: Double
    public init(code: String, confidence: Double) { self.code = code; self.confidence = confidence }
}

/// Detects the language with a naive Bayes classifier over character trigrams.
///
/// Text is read the way langdetect built its profiles: letters lower-cased, everything else a
/// word break, each word padded with a space, Romanian comma-below letters folded into their
/// cedilla forms. Each trigram found in the profiles adds its log-probability for every
/// language (a language that lacks it gets its floor); trigrams no language knows are ignored.
/// The first `maximumTrigrams` trigrams (about 100 words, the lede) are plenty to tell a news
/// article's language and keep the cost flat.
///
/// Confidence is the posterior of the best language with each trigram counted as a third of an
/// observation: neighbouring trigrams share two letters, so treating them as independent would
/// make every guess look certain.
///
/// Without profiles (`LanguageDetector()`), every text is reported as English with confidence 0,
/// so a pipeline built without resources still runs every stage.
public struct LanguageDetector: Sendable {
    public var profiles: LanguageProfiles?
    public var maximumTrigrams = 500
    /// Fewer known trigrams than this and the language is undetermined.
    public var minimumTrigrams = 8

    public init(profiles: LanguageProfiles? = nil) { self.profiles = profiles }

    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    public func detect(_ text: ScalarText) -> LanguageGuess {
        guard let profiles, !profiles.codes.isEmpty else { return LanguageGuess(code: "en", confidence: 0) }
        let languages = profiles.codes.count
        var totals = [Int](repeating: 0, count: languages)  // in quanta of ln p
        var seen = 0
        let chunks = profiles.paddedStride / 16
        // Rows are added 16 languages at a time into 16-bit lanes, which are moved into `totals`
        // before they can overflow (at most 255 a row, so every 256 rows). Integer sums: the
        // totals are exactly those of adding one language at a time.
        withUnsafeTemporaryAllocation(of: SIMD16<UInt16>.self, capacity: chunks) { lanes in
            lanes.initialize(repeating: .zero)
            var pending = 0
            func flush() {
                for k in 0..<chunks {
                    let lane = lanes[k]
                    for j in 0..<16 where k * 16 + j < languages { totals[k * 16 + j] += Int(lane[j]) }
                    lanes[k] = .zero
                }
                pending = 0
            }
            profiles.paddedLogProbabilities.withUnsafeBytes { table in
                profiles.asciiRows.withUnsafeBufferPointer { asciiRows in
                    text.scalars.withUnsafeBufferPointer { scalars in
                        let stride = profiles.paddedStride
                        let count = scalars.count
                        var considered = 0
                        var a: UInt32 = 0x20, b: UInt32 = 0x20
                        var index = 0
                        while considered < maximumTrigrams && index <= count {
                            // One space past the end closes the last word.
                            let c = index < count ? LanguageDetector.normalizedValue(scalars[index]) : 0x20
                            index += 1
                            if b == 0x20 {  // a word starts: the window becomes " x"
                                if c != 0x20 { a = 0x20; b = c }
                                continue
                            }
                            let first = a, second = b
                            a = b; b = c
                            considered += 1
                            let row = (first | second | c) < 0x80
                                ? Int(asciiRows[LanguageProfiles.asciiIndex(first, second, c)])
                                : profiles.row(UInt64(first) << 42 | UInt64(second) << 21 | UInt64(c))
                            guard row >= 0 else { continue }
                            seen += 1
                            let base = row * stride
                            for k in 0..<chunks {
                                let v = table.loadUnaligned(fromByteOffset: base + k * 16, as: SIMD16<UInt8>.self)
                                lanes[k] &+= SIMD16<UInt16>(truncatingIfNeeded: v)
                            }
                            pending += 1
                            if pending == 256 { flush() }
                        }
                    }
                }
            }
            flush()
        }
        guard seen >= minimumTrigrams else { return LanguageGuess(code: "und", confidence: 0) }
        var best = 0
        for l in 1..<languages where totals[l] > totals[best] { best = l }
        var denominator = 0.0
        for l in 0..<languages { denominator += ReaderMath.exp(Double(totals[l] - totals[best]) * LanguageProfiles.quantum / 3) }
        return LanguageGuess(code: profiles.codes[best], confidence: 1 / denominator)
    }

    /// `normalize(_:)` as a scalar value, with the ASCII case (nearly every scalar) inline.
    @inline(__always)
    static func normalizedValue(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < 0x80 {
            let lower = v | 0x20
            return lower &- 0x61 < 26 ? lower : 0x20
        }
        return normalize(c).value
    }

    /// The character langdetect's profiles count: a lower-case letter, or a space for anything else.
    @inline(__always)
    static func normalize(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return c }
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 32)! }
            return " "
        }
        if v == 0x0219 { return "\u{015F}" }  // ș -> ş, as langdetect folds Romanian
        if v == 0x021B { return "\u{0163}" }  // ț -> ţ
        if v == 0x2019 { return " " }
        guard c.properties.isAlphabetic else { return " " }
        if c.properties.isUppercase, let lower = c.properties.lowercaseMapping.unicodeScalars.first { return lower }
        return c
    }
}
