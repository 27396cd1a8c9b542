import ArticleAnalysis

/// Words and 4-word shingles the way the article-extraction benchmark counts them: a word is a
/// run of `\w` (Python's: letters, numbers, underscore), case kept; a shingle is four words in a
/// row, hashed. Used by the benchmark's metric (`ExtractionScore`) and by the JSON-LD cross-check.
public enum WordShingles {
    /// Python's `\w` for one scalar.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        switch ScalarClass.category(s) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The hash of each word, in order (FNV-1a over the scalars).
    public static func wordHashes(_ text: String) -> [UInt64] {
        var words = WordHasher()
        for s in text.unicodeScalars { words.take(s) }
        return words.finish()
    }

    /// Hashes words scalar by scalar.
    private struct WordHasher {
        var hashes: [UInt64] = []
        var hash: UInt64 = 0xcbf29ce484222325
        var inWord = false

        @inline(__always)
        mutating func take(_ s: Unicode.Scalar) {
            if isWordScalar(s) {
                hash = (hash ^ UInt64(s.value)) &* 0x100000001b3
                inWord = true
            } else if inWord {
                hashes.append(hash)
                hash = 0xcbf29ce484222325
                inWord = false
            }
        }

        mutating func finish() -> [UInt64] {
            if inWord { hashes.append(hash) }
            return hashes
        }
    }

    /// `wordHashes(String(decoding: utf8, as: UTF8.self).lowercased())`, read straight from the
    /// UTF-8 bytes: ASCII letters lowered on the way, other scalars through their lower-case
    /// mapping (what `lowercased()` does, scalar by scalar), ill-formed bytes as U+FFFD.
    static func lowercasedWordHashes(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var words = WordHasher()
        words.hashes.reserveCapacity(utf8.count / 5)
        var i = 0
        let n = utf8.count
        while i < n {
            let byte = utf8[i]
            if byte < 0x80 {
                words.take(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
                i += 1
                continue
            }
            // A run of non-ASCII bytes, decoded as `String(decoding:as:)` does.
            var j = i + 1
            while j < n && utf8[j] >= 0x80 { j += 1 }
            var iterator = UnsafeBufferPointer(rebasing: utf8[i..<j]).makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar.isASCII { words.take(scalar) } else { for lower in scalar.properties.lowercaseMapping.unicodeScalars { words.take(lower) } }
                case .error:
                    words.take("\u{FFFD}")
                case .emptyInput:
                    break decoding
                }
            }
            i = j
        }
        return words.finish()
    }

    /// The benchmark's shingles of `text` as a multiset: hash of each run of `n` words (a text of
    /// fewer words has one shingle of all of them, an empty text one empty shingle).
    public static func shingles(_ text: String, n: Int = 4) -> [UInt64: Int] {
        let words = wordHashes(text)
        var counts: [UInt64: Int] = [:]
        let total = max(1, words.count - n + 1)
        for start in 0..<total {
            var hash: UInt64 = 0x84222325cbf29ce4
            for word in words[start..<min(words.count, start + n)] { hash = (hash ^ word) &* 0x100000001b3 &+ 0x9E3779B97F4A7C15 }
            counts[hash, default: 0] += 1
        }
        return counts
    }
}
