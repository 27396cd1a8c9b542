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
        // In quanta of ln p, then the number of known trigrams.
        var totals = [Int].filled(with: 0, count: languages + 1)
        totals.withUnsafeMutableBufferPointer { totals in
            text.scalars.withUnsafeBufferPointer { scalars in
                LanguageDetector.count(scalars, profiles, profiles.trigramTable.bytes, maximumTrigrams, totals)
            }
        }
        let seen = totals[languages]
        guard seen >= minimumTrigrams else { return LanguageGuess(code: "und", confidence: 0) }
        var best = 0
        for l in 1..<languages where totals[l] > totals[best] { best = l }
        var denominator = 0.0
        for l in 0..<languages { denominator += ReaderMath.exp(Double(totals[l] - totals[best]) * LanguageProfiles.quantum / 3) }
        return LanguageGuess(code: profiles.codes[best], confidence: 1 / denominator)
    }

    /// Adds the `trigramTable` rows of the first `maximum` trigrams of `scalars` to `totals`,
    /// column by column: the log-probabilities of each language, then the number of trigrams the
    /// profiles know.
    ///
    /// It works in two passes. The first reads the text and notes the table row of every trigram,
    /// with no load at all for a trigram of ASCII letters and spaces; the second adds those rows.
    /// The table is usually out of cache when an article arrives; here no load waits for another,
    /// so the processor has many misses in flight.
    ///
    /// Rows are added 16 columns at a time: their 16 bytes are loaded as 8 lanes of 16 bits,
    /// each lane holding two columns, and a mask and a shift split them into two sums of 16-bit
    /// lanes (`lowBytes`: columns 0, 2, ..., 14 on a little-endian machine; `highBytes`: 1, 3,
    /// ..., 15), so no byte is widened on its own. The sums are moved into `totals` before they
    /// can overflow (a row adds at most 255 a lane, so every 256 rows). These are integer sums,
    /// exactly those of adding one language at a time.
    static func count(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ profiles: LanguageProfiles, _ table: UnsafeRawBufferPointer,
                      _ maximum: Int, _ totals: UnsafeMutableBufferPointer<Int>) {
        // No more trigrams than scalars plus the closing space.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, min(maximum, scalars.count + 1))) { rows in
            let count = tableRows(scalars, profiles, maximum, rows)
            addRows(UnsafeBufferPointer(rebasing: rows[0..<count]), profiles.stride, table, totals)
        }
    }

    /// Writes the `trigramTable` row of each of the first `maximum` trigrams of `scalars` to
    /// `rows`, in text order, and returns how many there are.
    @inline(__always)
    static func tableRows(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ profiles: LanguageProfiles,
                          _ maximum: Int, _ rows: UnsafeMutableBufferPointer<Int32>) -> Int {
        let count = scalars.count
        var considered = 0
        var a: UInt32 = 0x20, b: UInt32 = 0x20
        var index = 0
        while considered < maximum && index <= count {
            // One space past the end closes the last word.
            let c = index < count ? normalizedValue(scalars[index]) : 0x20
            index += 1
            if b == 0x20 {  // a word starts: the window becomes " x"
                if c != 0x20 { a = 0x20; b = c }
                continue
            }
            let first = a, second = b
            a = b; b = c
            rows[considered] = Int32(truncatingIfNeeded: (first | second | c) < 0x80
                ? LanguageProfiles.asciiIndex(first, second, c)
                : profiles.tableRow(UInt64(first) << 42 | UInt64(second) << 21 | UInt64(c)))
            considered += 1
        }
        return considered
    }

    /// Adds the `table` rows `rows` (each `stride` bytes) to `totals`, column by column.
    ///
    /// Each 16-byte part of the rows is added in a pass of its own: the first pass takes the cache
    /// misses in a loop short enough to keep many in flight; the others read lines now in cache.
    @inline(__always)
    static func addRows(_ rows: UnsafeBufferPointer<Int32>, _ stride: Int, _ table: UnsafeRawBufferPointer,
                        _ totals: UnsafeMutableBufferPointer<Int>) {
        let columns = totals.count
        // The column of a lane's low byte is the even one on a little-endian machine.
        let lowParity = UInt16(1).littleEndian == 1 ? 0 : 1
        for offset in Swift.stride(from: 0, to: min(stride, columns + 15) / 16 * 16, by: 16) {
            var lowBytes = SIMD8<UInt16>.zero, highBytes = SIMD8<UInt16>.zero
            var pending = 0
            func flush() {
                for j in 0..<8 {
                    let low = offset + 2 * j + lowParity, high = offset + 2 * j + 1 - lowParity
                    if low < columns { totals[low] += Int(lowBytes[j]) }
                    if high < columns { totals[high] += Int(highBytes[j]) }
                }
                lowBytes = .zero; highBytes = .zero
                pending = 0
            }
            for row in rows {
                let pairs = table.loadUnaligned(fromByteOffset: Int(row) &* stride &+ offset, as: SIMD8<UInt16>.self)
                lowBytes &+= pairs & 0x00FF
                highBytes &+= pairs &>> 8
                pending += 1
                if pending == 256 { flush() }
            }
            flush()
        }
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
