/// A map from 64-bit word hashes (`WordHash`) to small integers: open addressing with linear
/// probing and a multiplicative hash.
///
/// The reader stages look up every word of an article several times (stop words, lexicons,
/// terms, candidate phrases); `Dictionary` hashes each key with SipHash, which made those
/// lookups the largest cost of the stages. The keys here are already good hashes, so one
/// multiply picks the slot. Key 0 marks an empty slot (a real `WordHash` is never 0 in practice;
/// it is remapped if it is).
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 16) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        (keys, values) = HashIndex.storage(1 << bits)
        shift = 64 - bits
    }

    /// Empty slots: keys 0, values not set (a value is read only where its key is set).
    private static func storage(_ count: Int) -> (keys: [UInt64], values: [Int32]) {
        (.filled(with: 0, count: count), .unwritten(count: count))
    }

    /// An index of `keys`, each mapped to its position in the sequence.
    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        let list = Array(keys)
        self.init(capacity: list.count)
        for (n, key) in list.enumerated() where self[key] == nil { insert(key, Int32(n)) }
    }

    @inline(__always)
    private static func fix(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The slot holding `key` (already passed through `fix`) and true, or the empty slot where
    /// it would go and false: the one probe loop behind look-ups and insertions.
    @inline(__always)
    private func slot(of key: UInt64) -> (slot: Int, found: Bool) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let k = keys[slot]
            if k == key { return (slot, true) }
            if k == 0 { return (slot, false) }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    subscript(_ key: UInt64) -> Int32? {
        let (slot, found) = slot(of: HashIndex.fix(key))
        return found ? values[slot] : nil
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// Sets the value of `key` (adding it when new).
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = HashIndex.fix(key)
        let (slot, found) = slot(of: key)
        if !found { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    /// The value of `key`, after setting it to `value` when `key` is new: one probe where a
    /// lookup followed by `insert` takes two (counting terms and candidate phrases).
    @inline(__always)
    mutating func value(of key: UInt64, insertingIfAbsent value: Int32) -> Int32 {
        if (count + 1) * 2 > keys.count { grow() }
        let key = HashIndex.fix(key)
        let (slot, found) = slot(of: key)
        if found { return values[slot] }
        keys[slot] = key
        values[slot] = value
        count += 1
        return value
    }

    /// Empties the index, keeping its capacity.
    mutating func removeAll() {
        guard count > 0 else { return }
        keys.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        count = 0
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        (keys, values) = HashIndex.storage(oldKeys.count * 2)
        shift -= 1
        count = 0
        for (slot, key) in oldKeys.enumerated() where key != 0 { insert(key, oldValues[slot]) }
    }
}
