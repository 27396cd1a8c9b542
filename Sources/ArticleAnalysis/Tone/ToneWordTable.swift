/// Everything the tone stage knows of a single word, found with one look-up: its valence, its
/// booster value, whether it negates, and whether it is part of a multi-word phrase.
///
/// Tone looks up every word of an article, and its tables are usually out of cache by then (the
/// entities stage streams megabytes between articles), so the table is built for few misses that
/// do not wait on one another. A small bitmap (`filter`) turns most words away; a word that
/// passes it reads one bucket. `entryNumbers` looks up a whole article in two passes, the filter
/// for every word and then the buckets of those that pass, so neither pass has a load or branch
/// waiting on an earlier load and the misses of many words overlap.
///
/// A bucket is four slots (32 bytes, within one cache line), chosen by the top `bucketBits` bits
/// of the hash times an odd constant (a one-to-one mix, `FibonacciHashing`). Those bits need not be
/// stored, so a slot holds the mixed hash shifted left by `bucketBits`, with the number of the
/// word's `Entry` in the freed low bits: the full 64-bit hash is still compared. Entries are few
/// (words share their values) and kept in a small array; entry 0 is "not a lexicon word", and an
/// empty slot is 0. The rare word whose bucket is full goes to `overflow`, read only when the
/// bucket is full.
struct ToneWordTable: Sendable {
    struct Entry: Sendable, Hashable {
        /// The word's lexicon valence, or nil when it has none.
        var valence: Double?
        /// The word's booster or dampener increment, or nil when it is neither.
        var booster: Double?
        /// A negation word ("not", "never", "doesn't").
        var isNegation = false
        /// A word of some multi-word special case or booster phrase.
        var isPhraseWord = false
    }

    static let slotsPerBucket = 4
    private let slots: [UInt64]
    private let bucketBits: UInt64
    /// Entry numbers of the words whose bucket was full.
    private let overflow: FlatHashMap<Int32>
    /// One bit per value of a hash's top 16 bits, set for the table's words: about one word in
    /// nine of a text that is not in the table passes.
    private let filter: KeyFilter
    /// Distinct entries; 0 is the entry of a word not in the table.
    let entries: [Entry]

    /// A table of `words`: each hash with its entry (a hash listed twice keeps its first entry).
    init(_ words: [(hash: UInt64, entry: Entry)]) {
        var entries = [Entry()]
        var numbers: [Entry: Int] = [Entry(): 0]
        // About one word a bucket of four (a full bucket is rare), and room for every entry's
        // number in the freed bits.
        var bits: UInt64 = 4
        while (1 << bits) < words.count { bits += 1 }
        var listed = Set<UInt64>()
        var numbered: [(hash: UInt64, number: Int)] = []
        for word in words where listed.insert(word.hash).inserted {
            let number = numbers[word.entry] ?? {
                numbers[word.entry] = entries.count
                entries.append(word.entry)
                return entries.count - 1
            }()
            numbered.append((word.hash, number))
        }
        while (1 << bits) <= entries.count { bits += 1 }
        var slots = [UInt64](repeating: 0, count: ToneWordTable.slotsPerBucket << bits)
        var overflow = FlatHashMap<Int32>()
        next: for word in numbered {
            let (bucket, shifted) = ToneWordTable.position(word.hash, bits)
            for k in bucket..<(bucket + ToneWordTable.slotsPerBucket) where slots[k] == 0 {
                slots[k] = shifted | UInt64(word.number)
                continue next
            }
            overflow.set(word.hash, Int32(word.number))
        }
        var filter = KeyFilter(bits: 16)
        for word in numbered { filter.insert(word.hash) }
        self.filter = filter
        self.slots = slots
        self.bucketBits = bits
        self.overflow = overflow
        self.entries = entries
    }

    /// The first slot of the bucket of `hash`, and the value its slot holds less the entry number.
    @inline(__always)
    private static func position(_ hash: UInt64, _ bits: UInt64) -> (bucket: Int, shifted: UInt64) {
        let mixed = FibonacciHashing.mix(hash)
        return (Int(truncatingIfNeeded: mixed >> (64 &- bits)) &* slotsPerBucket, mixed << bits)
    }

    /// The entry number of `hash` from its bucket, with the four slots compared without a branch:
    /// a slot matches when only its entry number differs from the shifted hash (an empty slot
    /// gives 0; a hash is in one slot at most).
    @inline(__always)
    private func bucketEntryNumber(_ slots: UnsafeBufferPointer<UInt64>, _ hash: UInt64, firstSlot: UInt64? = nil) -> Int32 {
        let bits = bucketBits
        let (bucket, shifted) = ToneWordTable.position(hash, bits)
        let numberMask: UInt64 = (1 << bits) &- 1
        let p = slots.baseAddress! + bucket
        @inline(__always) func number(_ slot: UInt64) -> UInt64 { slot ^ shifted <= numberMask ? slot & numberMask : 0 }
        let found = (number(firstSlot ?? p[0]) | number(p[1])) | (number(p[2]) | number(p[3]))
        if found == 0 && p[ToneWordTable.slotsPerBucket - 1] != 0, let n = overflow[hash] { return n }
        return Int32(truncatingIfNeeded: found)
    }

    /// The number of the entry of the word with hash `hash` (0 when it is not in the table).
    @inline(__always)
    func entryNumber(_ hash: UInt64) -> Int {
        guard filter.mayContain(hash) else { return 0 }
        return slots.withUnsafeBufferPointer { Int(bucketEntryNumber($0, hash)) }
    }

    /// The entry number of each of `count` words into `numbers`, `hash(k)` being the hash of word
    /// `k`: the filter for every word first, then the buckets of the words it lets through. The
    /// first slot of each of those buckets is read in a short loop of its own, which keeps the
    /// misses of many words in flight; the slots are then compared in cache.
    @inline(__always)
    func entryNumbers(count: Int, into numbers: UnsafeMutableBufferPointer<Int32>, hash: (Int) -> UInt64) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { passed in
            var passedCount = 0
            for k in 0..<count {
                numbers[k] = 0
                // Written for every word, kept when it passes: no branch waits on the filter.
                passed[passedCount] = Int32(truncatingIfNeeded: k)
                passedCount &+= filter.mayContain(hash(k)) ? 1 : 0
            }
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: passedCount) { firstSlots in
                slots.withUnsafeBufferPointer { slots in
                    for n in 0..<passedCount {
                        firstSlots[n] = slots[ToneWordTable.position(hash(Int(passed[n])), bucketBits).bucket]
                    }
                    for n in 0..<passedCount {
                        let k = Int(passed[n])
                        numbers[k] = bucketEntryNumber(slots, hash(k), firstSlot: firstSlots[n])
                    }
                }
            }
        }
    }

    /// The entry of the word with hash `hash`.
    @inline(__always)
    subscript(_ hash: UInt64) -> Entry { entries[entryNumber(hash)] }
}
