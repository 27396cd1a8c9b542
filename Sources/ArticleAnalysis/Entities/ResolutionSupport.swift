/// Plain-value building blocks of `EntityResolver`: fixed word sets, and the folded form of a
/// token as scalars and as a hash (its tables are `FlatHashMap`s).
///
/// The resolver compares names by the hashes of their folded forms instead of building and
/// hashing `String`s; these types hold no references, so using them costs no retain/release and
/// no allocation beyond one array per table.

/// A fixed set of hashes of lower-case words (`NERLexeme.lower`, or folded forms for ASCII
/// words, which hash the same way): the one hash table (`FlatHashMap`) as a set.
typealias ResolutionWordSet = NERKeyTable

extension FlatHashMap where Value == UInt8 {
    /// The set of the hashes (`NERHash.string`) of `words`.
    init(_ words: [String]) { self.init(words.map { NERHash.string($0) }) }
}

/// Folded forms of tokens (see `EntityResolver.fold(_:)`) and their hashes.
enum ResolutionFold {
    /// Writes the folded form of one token into `out` (emptied first): lower case, particle
    /// prefix ("al-") and punctuation removed, double letters single, a final "h" after a vowel
    /// dropped when more than three letters stay.
    @inline(__always)
    static func fold<C: Collection>(_ scalars: C, into out: inout [Unicode.Scalar]) where C.Element == Unicode.Scalar {
        out.removeAll(keepingCapacity: true)
        // Particle prefix joined by a hyphen (al-, el-, ad-, an-, ar-, as-, ash-, at-, az-): the
        // first hyphen after two or three scalars, with more than two scalars after it.
        var skip = 0
        var index = 0
        var first: UInt32 = 0, second: UInt32 = 0, third: UInt32 = 0
        let count = scalars.count
        for raw in scalars {
            let s = NERLexeme.normalized(raw)
            if s == "-" {
                if (index == 2 || index == 3) && count - index > 2 && isParticlePrefix(first, second, third, length: index) {
                    skip = index + 1
                }
                break
            }
            let v = ScalarClass.lowercased(s).value
            switch index {
            case 0: first = v
            case 1: second = v
            case 2: third = v
            default: break
            }
            index += 1
            if index > 3 { break }
        }
        var previous: Unicode.Scalar = " "
        var position = 0
        for raw in scalars {
            defer { position += 1 }
            if position < skip { continue }
            let s = ScalarClass.lowercased(NERLexeme.normalized(raw))
            guard ScalarClass.isLetter(s) || ScalarClass.isDigit(s) else { continue }
            if s == previous { continue }
            out.append(s)
            previous = s
        }
        let n = out.count
        if n > 3 && out[n - 1] == "h" {
            switch out[n - 2] {
            case "a", "e", "i", "o", "u": out.removeLast()
            default: break
            }
        }
    }

    /// The hash (`hash(_:)`) of the folded form of `scalars[start..<end]`, and whether that form
    /// is empty. ASCII tokens, nearly all of them, are folded and hashed in one pass without
    /// writing the form anywhere; others are folded into `scratch` first.
    @inline(__always)
    static func foldedHash(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int,
                           scratch: inout [Unicode.Scalar]) -> (hash: UInt64, isEmpty: Bool) {
        if let folded = asciiFoldedHash(scalars, start, end) { return folded }
        fold(scalars[start..<end], into: &scratch)
        return (hash(scratch), scratch.isEmpty)
    }

    /// `foldedHash` of an all-ASCII token, or nil when the token has another scalar.
    @inline(__always)
    private static func asciiFoldedHash(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> (hash: UInt64, isEmpty: Bool)? {
        scalars.withUnsafeBufferPointer { p -> (hash: UInt64, isEmpty: Bool)? in
            @inline(__always) func lower(_ v: UInt32) -> UInt32 { v &- 65 < 26 ? v &+ 32 : v }
            // Particle prefix joined by a hyphen: the first hyphen after two or three scalars.
            var from = start
            var i = start
            while i < end && i - start <= 3 {
                let v = p[i].value
                if v >= 0x80 { return nil }
                if v == 0x2D {
                    let dash = i - start
                    if (dash == 2 || dash == 3) && end - i > 2
                        && isParticlePrefix(lower(p[start].value), lower(p[start + 1].value),
                                            dash == 3 ? lower(p[start + 2].value) : 0, length: dash) {
                        from = i + 1
                    }
                    break
                }
                i += 1
            }
            var h = NERHash.seed, hashBeforeLast = NERHash.seed
            var last: UInt32 = 0x20, beforeLast: UInt32 = 0
            var count = 0
            for k in from..<end {
                let raw = p[k].value
                if raw >= 0x80 { return nil }
                let v = lower(raw)
                guard v &- 97 < 26 || v &- 48 < 10 else { continue }
                if v == last { continue }
                hashBeforeLast = h
                h = NERHash.add(h, v)
                beforeLast = last
                last = v
                count += 1
            }
            if count > 3 && last == 0x68 {
                switch beforeLast {
                case 0x61, 0x65, 0x69, 0x6F, 0x75: h = hashBeforeLast // a e i o u
                default: break
                }
            }
            return (h, count == 0)
        }
    }

    /// Whether the `length` (2 or 3) lower-case scalars before a hyphen are one of the particles
    /// "al", "el", "ad", "an", "ar", "as", "at", "az" or "ash".
    @inline(__always)
    private static func isParticlePrefix(_ a: UInt32, _ b: UInt32, _ c: UInt32, length: Int) -> Bool {
        if length == 3 { return a == 0x61 && b == 0x73 && c == 0x68 } // "ash"
        switch (a, b) {
        case (0x61, 0x6C), (0x65, 0x6C), (0x61, 0x64), (0x61, 0x6E), (0x61, 0x72), (0x61, 0x73), (0x61, 0x74), (0x61, 0x7A):
            return true
        default:
            return false
        }
    }

    /// A hash of a scalar sequence that is equal exactly when the sequences are equal as
    /// `String`s (canonical equivalence), the way the resolver compared names before.
    ///
    /// ASCII sequences hash their scalars (FNV-1a, as `NERHash.string`); a sequence with any
    /// other scalar hashes as a `String`, since e.g. "é" and "e" + U+0301 are the same name.
    /// (Lower-cased letters and digits outside ASCII are never canonically equivalent to ASCII.)
    @inline(__always)
    static func hash(_ scalars: [Unicode.Scalar]) -> UInt64 {
        var h = NERHash.seed
        for s in scalars {
            if s.value >= 0x80 { return nonASCIIHash(scalars) }
            h = NERHash.add(h, s.value)
        }
        return h
    }

    @inline(never)
    private static func nonASCIIHash(_ scalars: [Unicode.Scalar]) -> UInt64 {
        UInt64(bitPattern: Int64(ScalarText.string(scalars[...]).hashValue)) ^ 0x5555_5555_5555_5555
    }

    /// The hash of the folded words joined by spaces (the key of a mention), from the hashes of
    /// the words: no words hash as the empty string, one word as itself.
    static let emptyHash = NERHash.seed

    @inline(__always)
    static func joined(_ count: Int, _ chain: UInt64, _ firstWord: UInt64) -> UInt64 {
        switch count {
        case 0: return emptyHash
        case 1: return firstWord
        default: return chain
        }
    }

    /// The running hash of a sequence of two or more words: `chainStart` mixed with each word.
    static let chainStart: UInt64 = 0x6B65_795F_6A6F_696E
}
