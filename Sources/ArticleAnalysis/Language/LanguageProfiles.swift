/// Character trigram profiles of the languages the detector knows.
///
/// Built at build time by scripts/convert-langdetect.py from the profiles that ship with the
/// Apache-2.0 `langdetect` package (the `language-profiles.tsv` resource; ArticleModels loads it
/// once and passes the bytes here). Each language keeps its most frequent trigrams of lower-cased
/// text, words padded with a space (" th", "the", "he "), with ln p(trigram | language).
public struct LanguageProfiles: Sendable {
    /// ISO 639-1 codes, in the order of each row of `logProbabilities`.
    public let codes: [String]
    /// Row index of each known trigram (three scalars packed by `LanguageProfiles.pack`).
    let rows: [UInt64: Int]
    /// The same as an open-addressing table (power-of-two size, linear probing), which is what
    /// the detector reads: one multiply and usually one probe per trigram.
    let slotKeys: [UInt64]
    let slotRows: [Int32]
    let slotShift: UInt64
    /// `rows.count * codes.count` log-probabilities, quantised: ln p = `quantumBase` +
    /// `quantum` x value. A language without the trigram has its floor. One byte a value keeps
    /// the table small enough to stay in cache, which is most of the detector's speed.
    let logProbabilities: [UInt8]
    static let quantum = 0.05
    static let quantumBase = -14.0
    /// The table the detector adds: one row of `stride` bytes (a multiple of 32, so a row is
    /// added as whole 32-byte vectors) per trigram, holding its `logProbabilities` and, in column
    /// `codes.count`, a 1 that counts it as known; the other bytes are zeros.
    ///
    /// The first `asciiTrigrams` rows are those of every trigram of spaces and ASCII letters, in
    /// `asciiIndex(_:_:_:)` order, all zeros for a trigram no language has: the detector's usual
    /// trigram is found with arithmetic on the text alone, and the only load is of the row it
    /// adds. Row `asciiTrigrams + n` is row `n` of `logProbabilities`, for the trigrams found by
    /// hashing (`row(_:)`), and the last row, `unknownRow`, is all zeros for those not found.
    let trigramTable: CacheAlignedBytes
    let stride: Int
    static let asciiTrigrams = 27 * 27 * 27
    var unknownRow: Int { LanguageProfiles.asciiTrigrams + rows.count }

    /// The code of a normalised ASCII scalar in `asciiIndex(_:_:_:)`: 0 for a space (0x20), 1...26
    /// for a...z (0x61...0x7A): the low five bits.
    @inline(__always)
    static func asciiCode(_ v: UInt32) -> Int { Int(v & 0x1F) }

    /// The `trigramTable` row of three normalised ASCII scalars (spaces or lower-case letters).
    @inline(__always)
    static func asciiIndex(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> Int {
        (asciiCode(a) &* 27 &+ asciiCode(b)) &* 27 &+ asciiCode(c)
    }

    @inline(__always)
    static func quantize(_ logp: Float) -> UInt8 {
        UInt8(max(0, min(255, ((Double(logp) - quantumBase) / quantum).rounded())))
    }

    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var description: String { "language profiles: malformed line \(line)" }
    }

    /// The empty set: the detector then reports "und".
    public static let empty = LanguageProfiles(codes: [], rows: [:], logProbabilities: [])

    init(codes: [String], rows: [UInt64: Int], logProbabilities: [UInt8]) {
        self.codes = codes; self.rows = rows; self.logProbabilities = logProbabilities
        var bits: UInt64 = 4
        while (1 << bits) < rows.count * 2 { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var slots = [Int32](repeating: -1, count: 1 << bits)
        let mask = (1 << Int(bits)) - 1
        for (key, row) in rows {
            var slot = Int(truncatingIfNeeded: FibonacciHashing.mix(key) >> (64 - bits))
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            slots[slot] = Int32(row)
        }
        slotKeys = keys; slotRows = slots; slotShift = 64 - bits

        let languages = codes.count
        // The detector adds 32 columns at a time: the languages and the known-trigram count.
        let stride = (languages + 1 + 31) / 32 * 32
        // No table without languages (the detector does not count then).
        var table = [UInt8](repeating: 0, count: languages == 0 ? 0 : (LanguageProfiles.asciiTrigrams + rows.count + 1) * stride)
        func copy(row: Int, to tableRow: Int) {
            for l in 0..<languages { table[tableRow * stride + l] = logProbabilities[row * languages + l] }
            table[tableRow * stride + languages] = 1
        }
        func isASCIIKey(_ v: UInt64) -> Bool { v == 0x20 || (v >= 0x61 && v <= 0x7A) }
        for (key, row) in rows where languages > 0 {
            copy(row: row, to: LanguageProfiles.asciiTrigrams + row)
            let a = key >> 42, b = (key >> 21) & 0x1F_FFFF, c = key & 0x1F_FFFF
            guard isASCIIKey(a), isASCIIKey(b), isASCIIKey(c) else { continue }
            copy(row: row, to: LanguageProfiles.asciiIndex(UInt32(a), UInt32(b), UInt32(c)))
        }
        trigramTable = CacheAlignedBytes(table); self.stride = stride
    }

    /// The row of a trigram, or -1 when no language has it.
    @inline(__always)
    func row(_ key: UInt64) -> Int {
        let mask = slotKeys.count - 1
        var slot = Int(truncatingIfNeeded: FibonacciHashing.mix(key) >> slotShift)
        while true {
            let k = slotKeys[slot]
            if k == key { return Int(slotRows[slot]) }
            if k == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The `trigramTable` row of a trigram, found by hashing: `asciiTrigrams` past its row, or
    /// `unknownRow` when no language has it.
    @inline(__always)
    func tableRow(_ key: UInt64) -> Int {
        let row = row(key)
        return row >= 0 ? LanguageProfiles.asciiTrigrams + row : unknownRow
    }

    /// Reads `language <TAB> trigram <TAB> ln p` lines; an empty trigram gives the language's floor.
    public init(tsv bytes: [UInt8]) throws(FormatError) {
        var codes: [String] = [], floors: [Float] = []
        var entries: [(language: Int, gram: UInt64, logp: Float)] = []
        entries.reserveCapacity(bytes.count / 12)
        try bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(FormatError) in
            // The bytes of the last code appended, so a line of the same language makes no string.
            var lastCode = 0..<0
            try TabSeparatedLine.forEach(in: b) { (line: TabSeparatedLine) throws(FormatError) in
                func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }
                guard line.count == 3, let logp = PlainDecimal.float(b, line[2]) ?? Float(text(line[2])) else {
                    throw FormatError(line: line.number)
                }
                let codeBytes = line[0]
                if codes.isEmpty || !b[codeBytes].elementsEqual(b[lastCode]) {
                    let code = text(codeBytes)
                    if codes.last != code { codes.append(code); floors.append(-20) }
                    lastCode = codeBytes
                }
                let language = codes.count - 1
                if line[1].isEmpty { floors[language] = logp; return }
                var scalars: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) = (" ", " ", " ")
                var count = 0
                for scalar in text(line[1]).unicodeScalars {
                    switch count {
                    case 0: scalars.0 = scalar
                    case 1: scalars.1 = scalar
                    case 2: scalars.2 = scalar
                    default: break
                    }
                    count += 1
                }
                guard count == 3 else { throw FormatError(line: line.number) }
                entries.append((language, LanguageProfiles.pack(scalars.0, scalars.1, scalars.2), logp))
            }
        }
        var rows: [UInt64: Int] = [:]
        rows.reserveCapacity(entries.count)
        // The row of each entry, numbered in order of first appearance: one lookup an entry.
        var rowOfEntry: [Int] = []
        rowOfEntry.reserveCapacity(entries.count)
        for entry in entries {
            let next = rows.count
            if let row = rows[entry.gram] { rowOfEntry.append(row) } else { rows[entry.gram] = next; rowOfEntry.append(next) }
        }
        var table = [UInt8](repeating: 0, count: rows.count * codes.count)
        let floorValues = floors.map { LanguageProfiles.quantize($0) }
        for row in 0..<rows.count {
            for language in codes.indices { table[row * codes.count + language] = floorValues[language] }
        }
        for (entry, row) in zip(entries, rowOfEntry) { table[row * codes.count + entry.language] = LanguageProfiles.quantize(entry.logp) }
        self.init(codes: codes, rows: rows, logProbabilities: table)
    }

    /// Three scalars as one key (21 bits each).
    @inline(__always)
    static func pack(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 42 | UInt64(b.value) << 21 | UInt64(c.value)
    }
}

/// Immutable bytes whose first byte starts a 64-byte cache line, so a table of 32-byte rows never
/// has a row across two lines (a Swift array's elements start 32 bytes into a 16-byte aligned
/// block, which would split every other row).
///
/// Sendable although the compiler cannot see it (`@unchecked`): the bytes are allocated and
/// written only in `init`, before the object is shared with any other thread; afterwards they are
/// reachable only as an `UnsafeRawBufferPointer` (read-only) through a `let`, so every access from
/// any thread is a read of memory nobody writes; the class is final (no subclass can add state),
/// and `deinit` frees the bytes once, when the last reference goes.
final class CacheAlignedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(_ source: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: source.count, alignment: 64)
        source.withUnsafeBytes { copy.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(copy)
    }

    deinit { bytes.deallocate() }

    var count: Int { bytes.count }
    subscript(_ range: Range<Int>) -> ArraySlice<UInt8> { ArraySlice(bytes[range]) }
}
