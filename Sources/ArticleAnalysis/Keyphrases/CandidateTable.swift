/// Finds keyphrase candidates by key while they are collected: an open-addressing table (linear
/// probing, a multiplicative hash) of candidate numbers, whose keys are read from the candidates
/// themselves.
///
/// A slot is 4 bytes where `FlatHashMap` keeps an 8-byte key and a 4-byte value, and the slots are
/// filled in one pass: the table is new, cold memory for every article, so it is kept small.
/// -1 marks an empty slot. (`FlatHashMap` keeps its keys; this index of keys kept elsewhere is
/// the one table that does not.)
///
/// `~Copyable`, so one value owns the slots and `deinit` frees them once. Sizing rule: the slot
/// count is a power of two at least twice the number of candidates (it doubles before it would
/// be more than half full), so a probe always reaches an empty slot; a debug build checks it, and
/// a test grows the table from its smallest size through many doublings.
struct CandidateTable: ~Copyable {
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

    deinit { slots.deallocate() }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: FibonacciHashing.mix(key) >> shift) }

    /// The number of the candidate with `key` among the first `count` of `candidates`, or `new`
    /// (which must be `count`) after adding it as the number of `key`, whose candidate the caller
    /// then writes at `candidates[new]`: one probe finds a key or the slot where it goes. The
    /// table doubles before it is more than half full.
    @inline(__always)
    mutating func number(of key: UInt64, _ candidates: UnsafePointer<KeyphraseDocument.Candidate>, ifAbsent new: Int) -> Int {
        if (count + 1) * 2 > mask + 1 { grow(candidates) }
        assert((count + 1) * 2 <= mask + 1, "candidate table more than half full")
        var slot = home(key)
        while true {
            let number = Int(slots[slot])
            if number < 0 { break }
            if candidates[number].key == key { return number }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(new)
        count += 1
        return new
    }

    /// Doubles the table, placing again the candidates it holds.
    private mutating func grow(_ candidates: UnsafePointer<KeyphraseDocument.Candidate>) {
        let oldSlots = slots, oldSize = mask + 1
        (slots, mask, shift) = CandidateTable.allocate(bits: 64 - shift + 1)
        for k in 0..<oldSize where oldSlots[k] >= 0 { place(candidates[Int(oldSlots[k])].key, oldSlots[k]) }
        oldSlots.deallocate()
    }

    @inline(__always)
    private func place(_ key: UInt64, _ number: Int32) {
        var slot = home(key)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = number
    }
}
