/// The page's own statement of its article body (JSON-LD `articleBody`), used to check the
/// extraction: a block whose word triples are in that body is article text.
///
/// Only a check: the text comes from the page's HTML, never from the JSON-LD (which is often cut
/// short, stripped of paragraphs, or stale).
struct BodyCrossCheck {
    private var triples: Set<UInt64> = []
    /// One bit per value of a triple's top 16 bits: most triples of a page are not in the body
    /// and are turned away here, before the set hashes them again.
    private var filter = [UInt64](repeating: 0, count: 1024)
    /// Words in the declared body.
    private(set) var wordCount = 0
    /// UTF-8 bytes of the declared body.
    private(set) var byteCount = 0

    init(_ body: String) {
        var body = body
        let words = body.withUTF8 { WordShingles.lowercasedWordHashes($0) }
        wordCount = words.count
        byteCount = body.utf8.count
        guard words.count >= 3 else { return }
        triples.reserveCapacity(words.count)
        for i in 0..<(words.count - 2) {
            let triple = Self.triple(words[i], words[i + 1], words[i + 2])
            triples.insert(triple)
            filter[Int(triple >> 54)] |= 1 << ((triple >> 48) & 63)
        }
    }

    /// Enough text to be trusted as a body.
    var isUsable: Bool { wordCount >= 50 }

    /// The share of `text` (in bytes) whose word triples are in the declared body.
    func matchedBytes(_ text: [UInt8]) -> Int {
        let words = text.withUnsafeBufferPointer { WordShingles.lowercasedWordHashes($0) }
        guard words.count >= 3 else { return 0 }
        var hits = 0
        for i in 0..<(words.count - 2) {
            let triple = Self.triple(words[i], words[i + 1], words[i + 2])
            if filter[Int(triple >> 54)] & (1 << ((triple >> 48) & 63)) != 0 && triples.contains(triple) { hits += 1 }
        }
        return text.count * hits / (words.count - 2)
    }

    private static func triple(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        ((a &* 31 ^ b) &* 0x100000001b3 ^ c) &* 0x9E3779B97F4A7C15
    }
}
