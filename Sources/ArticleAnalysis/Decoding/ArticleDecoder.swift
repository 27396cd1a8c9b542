/// The encoding an article's bytes were read in.
public enum SourceEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf8WithBOM = "utf-8-bom"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    case windows1252 = "windows-1252"
}

/// Text decoded from bytes, with how it was decoded.
public struct DecodedText: Sendable {
    /// The text, byte-order mark removed, every line ending (CRLF, CR) turned into LF.
    public var text: String
    public var encoding: SourceEncoding
    /// True when the bytes were not valid UTF-8 and were read as Windows-1252.
    public var isFallback: Bool
}

/// Turns article bytes into text.
///
/// Order of decisions:
/// 1. No bytes: `.empty`.
/// 2. A byte-order mark decides: EF BB BF is UTF-8, FF FE UTF-16 little-endian, FE FF UTF-16
///    big-endian. Bytes invalid in the marked encoding are `.undecodable` (a marker that lies is
///    not guessed around).
/// 3. Without a marker: a NUL byte means `.binary` (no text format here has them; UTF-16 without a
///    marker is not accepted). Valid UTF-8 is UTF-8.
/// 4. Otherwise Windows-1252, flagged `isFallback`; bytes it leaves undefined (0x81, 0x8D, 0x8F,
///    0x90, 0x9D) make the input `.undecodable` instead, since no guess would be honest.
/// 5. The decoded text is refused as `.binary` when it holds U+0000 or more than `maxControlShare`
///    control characters (other than tab, LF, CR, FF), and as `.empty` when it holds only white space.
/// 6. CRLF and lone CR become LF.
public struct ArticleDecoder: Sendable {
    /// The largest share of control characters (other than tab, CR, LF, FF) a text may hold.
    public var maxControlShare = 0.01

    public init() {}

    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    public func decode(_ bytes: [UInt8]) throws(AnalysisError) -> DecodedText {
        if bytes.isEmpty { throw .empty }
        var decoded: DecodedText
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes[3...], as: UTF8.self) else {
                throw .undecodable("invalid UTF-8 after a UTF-8 byte-order mark")
            }
            decoded = DecodedText(text: text, encoding: .utf8WithBOM, isFallback: false)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = Self.utf16(bytes[2...], littleEndian: little) else {
                throw .undecodable("invalid UTF-16 after a byte-order mark")
            }
            decoded = DecodedText(text: text, encoding: little ? .utf16LittleEndian : .utf16BigEndian, isFallback: false)
        } else {
            return try decodeUnmarked(bytes)
        }
        try check(decoded.text)
        decoded.text = Self.normalizingLineEndings(decoded.text)
        return decoded
    }

    /// The same decisions and text as `decode`, as UTF-8 bytes, for a reader that works on bytes
    /// (the web page reader): unmarked valid UTF-8 with a visible ASCII character and no control
    /// character, CR, C1 control or U+FFFD (nearly every page) comes back as the input itself,
    /// after one pass (`isPlainUTF8`), without making a `String` of a whole page; anything else
    /// goes through `decode`.
    public func decodeUTF8(_ bytes: [UInt8]) throws(AnalysisError) -> (utf8: [UInt8], encoding: SourceEncoding, isFallback: Bool) {
        let marked = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !marked && bytes.withUnsafeBufferPointer({ Self.isPlainUTF8($0) }) { return (bytes, .utf8, false) }
        let decoded = try decode(bytes)
        return (Array(decoded.text.utf8), decoded.encoding, decoded.isFallback)
    }

    /// Text `decode` would return unchanged, in one pass: well-formed UTF-8 (Unicode 3.9, table
    /// 3-7: no overlong forms, surrogates or values past U+10FFFF), no NUL, C0 control other than
    /// tab/LF/FF, CR, DEL, C1 control (C2 80–C2 9F) or U+FFFD (EF BF BD), and a visible ASCII
    /// character. Runs of printable ASCII are passed eight bytes at a time (thirty-two once a visible one is seen).
    package static func isPlainUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let n = buffer.count
        let ones = ByteWords.ones, highs = ByteWords.highs
        var visible = false
        var i = 0
        @inline(__always) func continuation(_ k: Int) -> Bool { k < n && base[k] & 0xC0 == 0x80 }
        @inline(__always) func below(_ word: UInt64, _ limit: UInt8) -> UInt64 { ByteWords.belowInASCII(word, limit) }
        @inline(__always) func plain(_ word: UInt64) -> Bool { notPlain(word) == 0 }
        /// Marks (high bits) on bytes past DEL-1 (high bit, or DEL + 1 carrying into it) and on
        /// bytes below space other than tab and LF; no marks on exactly the plain words.
        @inline(__always) func notPlain(_ word: UInt64) -> UInt64 {
            let controls = below(word, 0x20)
            return (word | (word &+ ones)) & highs | controls & ~(below(word ^ (0x09 &* ones), 1) | below(word ^ (0x0A &* ones), 1))
        }
        @inline(__always) func load(_ at: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        while i < n {
            // Once a visible character is seen, runs of plain ASCII go thirty-two bytes a step in
            // a loop of their own (one branch per step, nothing else to track).
            if visible {
                while i + 32 <= n && notPlain(load(i)) | notPlain(load(i + 8)) | notPlain(load(i + 16)) | notPlain(load(i + 24)) == 0 { i += 32 }
                while i + 16 <= n && plain(load(i)) && plain(load(i + 8)) { i += 16 }
                while i + 8 <= n && plain(load(i)) { i += 8 }
                guard i < n else { break }
            }
            // (Once a visible character is seen, the loops above have tested this word already.)
            if !visible && i + 8 <= n {
                let word = load(i)
                // Eight ASCII bytes, none DEL, and below space only tabs and LFs: passed at once.
                if plain(word) {
                    if below(word, 0x21) != highs { visible = true }
                    i += 8
                    continue
                }
            }
            let lead = base[i]
            switch lead {
            case 0x09, 0x0A, 0x0C, 0x20:
                i += 1
            case 0x21..<0x7F:
                visible = true
                i += 1
            case 0x00..<0x80:
                return false  // NUL, CR, other C0 controls, DEL
            case 0xC2..<0xE0:
                guard continuation(i + 1), !(lead == 0xC2 && base[i + 1] < 0xA0) else { return false }  // C2 80–9F: C1
                i += 2
            case 0xE0..<0xF0:
                guard i + 1 < n else { return false }
                let second = base[i + 1]
                let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80, high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                guard second >= low && second <= high, continuation(i + 2),
                      !(lead == 0xEF && second == 0xBF && base[i + 2] == 0xBD) else { return false }  // U+FFFD
                i += 3
            case 0xF0..<0xF5:
                guard i + 1 < n else { return false }
                let second = base[i + 1]
                let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80, high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                guard second >= low && second <= high, continuation(i + 2), continuation(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return visible
    }

    /// Bytes without a byte-order mark: one pass over the bytes collects which kinds of byte occur
    /// (`ByteKind`), which settles the common case (ASCII text without control characters or CR)
    /// without looking at the text again. The answers are the ones `check` and
    /// `normalizingLineEndings` give: for valid UTF-8 the text's UTF-8 is the input bytes.
    private func decodeUnmarked(_ bytes: [UInt8]) throws(AnalysisError) -> DecodedText {
        let seen = Self.survey(bytes)
        if seen & ByteKind.nul != 0 { throw .binary("it contains NUL bytes") }
        var decoded: DecodedText
        if seen & ByteKind.high == 0 {
            decoded = DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, isFallback: false)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            decoded = DecodedText(text: text, encoding: .utf8, isFallback: false)
        } else {
            guard let text = Self.windows1252(bytes) else {
                throw .undecodable("it is not UTF-8, and holds bytes Windows-1252 does not define")
            }
            decoded = DecodedText(text: text, encoding: .windows1252, isFallback: true)
            try check(decoded.text)
            decoded.text = Self.normalizingLineEndings(decoded.text)
            return decoded
        }
        if seen & ByteKind.control == 0 && seen & ByteKind.visible != 0
            && (seen & ByteKind.controlLead == 0 || !Self.holdsC1ControlOrReplacement(bytes)) {
            // A visible character and no control character (C0 and DEL are single bytes; C1
            // controls are C2 80–C2 9F, U+FFFD is EF BF BD): nothing to refuse.
        } else {
            try check(decoded.text)
        }
        if seen & ByteKind.carriageReturn != 0 { decoded.text = Self.normalizingLineEndings(decoded.text) }
        return decoded
    }

    /// Which kinds of byte (`ByteKind`) occur in `bytes`, in one pass.
    private static func survey(_ bytes: [UInt8]) -> UInt8 {
        ByteKind.table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { buffer in
                var seen: UInt8 = 0
                var i = 0
                // Eight bytes at a time while they are all printable ASCII (0x20-0x7E), the bulk
                // of a web page; a word with any other byte goes through the table byte by byte.
                if let base = buffer.baseAddress {
                    let raw = UnsafeRawPointer(base)
                    let spaces: UInt64 = 0x2020_2020_2020_2020
                    while i + 8 <= buffer.count {
                        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let belowSpace = ByteWords.below(word, 0x20)
                        let delOrHigh = (word | (word &+ ByteWords.ones)) & ByteWords.highs
                        if belowSpace | delOrHigh == 0 {
                            if word != spaces { seen |= ByteKind.visible }
                        } else {
                            for k in i..<(i + 8) { seen |= table[Int(buffer[k])] }
                        }
                        i += 8
                    }
                }
                while i < buffer.count { seen |= table[Int(buffer[i])]; i += 1 }
                return seen
            }
        }
    }

    /// Valid UTF-8 holds a C1 control (C2 80–C2 9F) or U+FFFD (EF BF BD). Eight bytes at a time:
    /// a word with neither lead byte (C2, EF) is skipped whole (web pages are long and hold few).
    private static func holdsC1ControlOrReplacement(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            func isControlAt(_ i: Int) -> Bool {
                let byte = buffer[i]
                if byte == 0xC2 { return i + 1 < n && buffer[i + 1] & 0xE0 == 0x80 }
                if byte == 0xEF { return i + 2 < n && buffer[i + 1] == 0xBF && buffer[i + 2] == 0xBD }
                return false
            }
            func holds(_ word: UInt64, _ byte: UInt8) -> Bool { ByteWords.equal(word, byte) != 0 }
            var i = 0
            if let base = buffer.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if holds(word, 0xC2) || holds(word, 0xEF) {
                        for k in i..<(i + 8) where isControlAt(k) { return true }
                    }
                    i += 8
                }
            }
            while i < n { if isControlAt(i) { return true }; i += 1 }
            return false
        }
    }

    /// Kinds of byte, as bits, for the first pass over unmarked input.
    private enum ByteKind {
        static let nul: UInt8 = 1
        /// C0 controls other than tab, LF, FF, CR; and DEL.
        static let control: UInt8 = 2
        /// Visible ASCII, 0x21–0x7E.
        static let visible: UInt8 = 4
        static let carriageReturn: UInt8 = 8
        /// 0x80 and above: not ASCII.
        static let high: UInt8 = 16
        /// C2 or EF: the first byte of a C1 control (C2 80–C2 9F) or of U+FFFD (EF BF BD).
        static let controlLead: UInt8 = 32

        static let table: [UInt8] = (0..<256).map { byte -> UInt8 in
            switch byte {
            case 0x00: return nul
            case 0x0D: return carriageReturn
            case 0x09, 0x0A, 0x0C, 0x20: return 0
            case 0x01..<0x20, 0x7F: return control
            case 0x21..<0x7F: return visible
            case 0xC2, 0xEF: return high | controlLead
            default: return high
            }
        }
    }

    /// Refuses binary and blank text. Works on the UTF-8 bytes: C0 controls and DEL are single
    /// bytes, C1 controls are C2 80–C2 9F, U+FFFD is EF BF BD; a code point starts at every byte
    /// that is not a continuation byte.
    private func check(_ text: String) throws(AnalysisError) {
        var controls = 0, total = 0
        var visible = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { total += 1 }
            switch byte {
            case 0x00: throw .binary("it contains NUL characters")
            case 0x09, 0x0A, 0x0C, 0x0D, 0x20: break
            case 0x01..<0x20, 0x7F: controls += 1
            case 0x21..<0x7F: visible = true
            case 0x80...0x9F where previous == 0xC2: controls += 1
            case 0xBD where previous == 0xBF && beforePrevious == 0xEF: controls += 1
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        if !visible {
            // No visible ASCII: look for a visible character among the others.
            visible = text.unicodeScalars.contains { !$0.properties.isWhitespace && $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
            if !visible { throw .empty }
        }
        if Double(controls) > Double(total) * maxControlShare {
            throw .binary("\(controls) of its \(total) characters are control characters")
        }
    }

    /// CRLF and lone CR become LF; text without CR is returned as it is.
    static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                out.append(0x0A); previousWasCR = true
            } else {
                if !(byte == 0x0A && previousWasCR) { out.append(byte) }
                previousWasCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// Windows-1252's 0x80–0x9F row; 0 marks the five bytes it leaves undefined. (The HTML
    /// parser reads numeric character references 0x80–0x9F with it too.)
    package static let windows1252Row: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    private static func windows1252(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                let value = windows1252Row[Int(byte - 0x80)]
                guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}
