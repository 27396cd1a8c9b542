import ArticleAnalysis

/// The near-duplicate side of the index, in memory: the LSH buckets of every indexed (or queued)
/// article's MinHash signature and an 8-bit fingerprint of each signature value, so that a
/// lookup finds its candidates and rules out nearly all of them without touching SQLite.
///
/// Why in memory: kept in SQLite, the buckets cost 32 row inserts per article and 32 B-tree
/// look-ups plus one row read per candidate per lookup, which was most of the index's cost in the
/// daemon and the p99 of a lookup on 100,000 articles (near-copies of one story are candidates of
/// each other by the hundred). The table is derived from the `signature` column of `articles`,
/// loaded when the index opens, kept up to date by every write, and rebuilt after removals.
///
/// A candidate whose fingerprints agree in at least `threshold` of the positions may be a
/// duplicate (8-bit fingerprints of equal values are equal, so this never rules out a true one);
/// only those are checked on the whole signature, which the caller reads (`Candidate`).
/// Memory: about 500 bytes per article (32 bucket entries of 8 bytes in growable bins, 128 bytes
/// of fingerprints, the article id, a hash of its SHA-256, its name): some 50 MB for 100,000
/// articles.
struct NearDuplicateTable {
    /// A possible duplicate: the slot, the article id when it is written (0 while queued), and
    /// whether it is an exact copy (the same SHA-256: similarity 1, nothing to check).
    struct Candidate: Equatable {
        var slot: Int32
        var article: Int64
        var exact = false
        /// Positions whose fingerprints agree: at least those whose values agree, so
        /// `agreements / 128` bounds the similarity from above.
        var agreements = MinHashSignature.count
    }

    /// One band's buckets: entries `key << 32 | slot` in 2^k bins chosen by the key's top bits
    /// (the keys are hashes, so bins fill evenly); a lookup scans one bin of ~`binTarget` entries.
    struct Band {
        var bins: [[UInt64]] = Array(repeating: [], count: 64)
        var count = 0
        static let binTarget = 32

        var shift: UInt32 { UInt32(32 - bins.count.trailingZeroBitCount) }

        mutating func insert(_ key: UInt32, slot: Int32) {
            if count >= bins.count * Self.binTarget { grow() }
            bins[Int(key >> shift)].append(UInt64(key) << 32 | UInt64(UInt32(bitPattern: slot)))
            count += 1
        }

        func slots(_ key: UInt32, into found: inout [Int32]) {
            for entry in bins[Int(key >> shift)] where UInt32(truncatingIfNeeded: entry >> 32) == key {
                found.append(Int32(bitPattern: UInt32(truncatingIfNeeded: entry)))
            }
        }

        /// Doubles the bins (every entry moves to one of two).
        private mutating func grow() {
            var wider = [[UInt64]](repeating: [], count: bins.count * 2)
            let newShift = shift - 1
            for bin in bins { for entry in bin { wider[Int(UInt32(truncatingIfNeeded: entry >> 32) >> newShift)].append(entry) } }
            bins = wider
        }
    }

    private var bands = [Band](repeating: Band(), count: MinHashSignature.bands)
    /// `MinHashSignature.count` fingerprint bytes per slot.
    private var fingerprints: [UInt8] = []
    /// Per slot: the article id once written; 0 while queued; -1 when the slot is dead (its
    /// article turned out to be indexed already).
    private var articles: [Int64] = []
    /// Per slot: a hash of the article's SHA-256, so an exact copy (the corpus of a busy
    /// newsroom repeats wire copy) is listed without reading anything.
    private var digests: [Int] = []
    /// Per slot: the article's input name (what `duplicates` lists), UTF-8 in one arena.
    private var nameBytes: [UInt8] = []
    private var nameEnds: [Int] = []
    /// Slots of articles whose signature is empty (a text without words): only exact copies
    /// (same SHA-256) find them, so they are listed apart, by a hash of their SHA-256.
    private var wordless: [Int: [Int32]] = [:]

    /// Slots in use.
    var count: Int { articles.count }

    /// Adds an article; returns its slot. `article` is 0 while the article is queued.
    mutating func add(signature: MinHashSignature, sha256: String, name: String, article: Int64) -> Int32 {
        let slot = Int32(articles.count)
        articles.append(article)
        digests.append(sha256.hashValue)
        nameBytes.append(contentsOf: name.utf8)
        nameEnds.append(nameBytes.count)
        if signature.isEmpty {
            fingerprints.append(contentsOf: repeatElement(0, count: MinHashSignature.count))
            wordless[sha256.hashValue, default: []].append(slot)
        } else {
            fingerprints.append(contentsOf: signature.values.lazy.map(Self.fingerprint))
            for (band, key) in signature.bandKeys.enumerated() { bands[band].insert(Self.bucket(key), slot: slot) }
        }
        return slot
    }

    /// The queued article in `slot` is written as `article`, or (`article` nil) it was not written
    /// because its result was indexed already: the slot no longer counts.
    mutating func written(_ slot: Int32, as article: Int64?) {
        articles[Int(slot)] = article ?? -1
    }

    /// Slots whose article may repeat `signature` by at least `threshold`: a shared band and
    /// enough equal fingerprints, or (for an empty signature) possibly the same SHA-256. Check
    /// each on its whole signature and SHA-256.
    func candidates(of signature: MinHashSignature, sha256: String, threshold: Double) -> [Candidate] {
        var found: [Int32] = []
        var agreeing: [(slot: Int32, agreements: Int)] = []
        if signature.isEmpty {
            agreeing = (wordless[sha256.hashValue] ?? []).map { ($0, MinHashSignature.count) }
        } else {
            for (band, key) in signature.bandKeys.enumerated() { bands[band].slots(Self.bucket(key), into: &found) }
            found.sort()
            var previous: Int32 = -1
            var mine = [UInt8](repeating: 0, count: MinHashSignature.count)
            for j in 0..<MinHashSignature.count { mine[j] = Self.fingerprint(signature.values[j]) }
            let needed = Int((threshold * Double(MinHashSignature.count)).rounded(.up))
            for slot in found where slot != previous {
                previous = slot
                let same = agreements(mine, slot)
                if same >= needed { agreeing.append((slot, same)) }
            }
        }
        let digest = sha256.hashValue
        return agreeing.compactMap { slot, same in
            let article = articles[Int(slot)]
            return article < 0 ? nil : Candidate(slot: slot, article: article, exact: digests[Int(slot)] == digest, agreements: same)
        }
    }

    /// The input name of the article in `slot`.
    func name(_ slot: Int32) -> String {
        let start = slot == 0 ? 0 : nameEnds[Int(slot) - 1]
        return String(decoding: nameBytes[start..<nameEnds[Int(slot)]], as: UTF8.self)
    }

    /// Positions where `mine` and the fingerprints of `slot` are equal.
    private func agreements(_ mine: [UInt8], _ slot: Int32) -> Int {
        let base = Int(slot) * MinHashSignature.count
        var same = 0
        for j in 0..<MinHashSignature.count where fingerprints[base + j] == mine[j] { same += 1 }
        return same
    }

    /// The 8-bit fingerprint of a signature value (its low bits: a minimum of a random
    /// permutation is uniform in all its bits).
    @inline(__always)
    static func fingerprint(_ value: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: value) }

    /// The 32 bits of a band key kept in a bin (the band is the table's, not the key's).
    @inline(__always)
    static func bucket(_ key: Int64) -> UInt32 { UInt32(truncatingIfNeeded: key) }
}

extension MinHashSignature {
    /// The signature of a text without words; also what a stored signature of the wrong length reads as.
    static let empty = MinHashSignature(values: Array(repeating: .max, count: count))
}
