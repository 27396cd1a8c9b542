/// Finds keyphrase candidates by key while they are collected: an open-addressing table (linear
/// probing, a multiplicative hash) of candidate numbers, whose keys are read from the candidates
/// themselves.
///
/// A slot is 4 bytes where `HashIndex` keeps an 8-byte key and a 4-byte value, and it is zeroed
/// with one fill: the table is new, cold memory for every article, and about one key in four of
/// an article's phrases is new, so it is mostly probed and rarely grown. -1 marks an empty slot.
struct CandidateTable {
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    /// A table for about `capacity` candidates before it first grows.
    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        (slots, mask, shift) = CandidateTable.allocate(bits: bits)
    }

    private static func allocate(bits: UInt64) -> (UnsafeMutablePointer<Int32>, Int, UInt64) {
        let size = 1 << Int(bits)
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        return (slots, size - 1, 64 - bits)
    }

    func deallocate() { slots.deallocate() }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The number of the candidate with `key` among the first `count` of `candidates`, or -1.
    @inline(__always)
    func find(_ key: UInt64, _ candidates: UnsafePointer<KeyphraseDocument.Candidate>, _ count: Int) -> Int {
        var slot = home(key)
        while true {
            let number = Int(slots[slot])
            if number < 0 { return -1 }
            if candidates[number].key == key { return number }
            slot = (slot + 1) & mask
        }
    }

    /// Adds candidate `number` (its key not in the table), growing the table to keep it at most
    /// half full.
    mutating func add(_ key: UInt64, number: Int, _ candidates: UnsafePointer<KeyphraseDocument.Candidate>) {
        if (count + 1) * 2 > mask + 1 {
            let oldSlots = slots, oldSize = mask + 1
            (slots, mask, shift) = CandidateTable.allocate(bits: 64 - shift + 1)
            for k in 0..<oldSize where oldSlots[k] >= 0 { place(candidates[Int(oldSlots[k])].key, oldSlots[k]) }
            oldSlots.deallocate()
        }
        place(key, Int32(number))
        count += 1
    }

    @inline(__always)
    private func place(_ key: UInt64, _ number: Int32) {
        var slot = home(key)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = number
    }
}
