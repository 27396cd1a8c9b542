import CMemoryHints

/// A map from 64-bit keys that are already hashes (`WordHash`, `FNV1a`, `NERHash.mix`) to small
/// values: one flat open-addressing table, linear probing, Fibonacci hashing. The one hash table
/// of the analysis code: word lists, lexicons, term and candidate numbers, gazetteers, the
/// resolver's groups.
///
/// The stages look up every word of an article several times; `Dictionary` and `Set` hash each
/// key again with SipHash, which made those look-ups the largest cost of the stages. The keys
/// here are already good hashes, so one multiply picks the slot (`FibonacciHashing`).
///
/// Key 0 marks an empty slot, so the key 0 itself is kept beside the table (`zeroValue`): every
/// 64-bit key is a key of its own. The table doubles before it is more than half full; keys are
/// never removed. Values are read only from slots whose key is set, so they are left unwritten
/// in fresh storage.
struct FlatHashMap<Value: BitwiseCopyable & Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    /// log2 of the slot count.
    private var bits: Int
    /// The value of the key 0, which cannot live in a slot (0 marks an empty one).
    private var zeroValue: Value?
    /// The number of keys.
    private(set) var count = 0

    /// A table with room for `capacity` keys before it first grows.
    init(capacity: Int = 0) {
        var bits = 3
        while (1 << bits) < 2 * capacity { bits += 1 }
        self.bits = bits
        (keys, values) = FlatHashMap.storage(1 << bits)
    }

    /// Empty slots: keys 0, values not set.
    private static func storage(_ count: Int) -> (keys: [UInt64], values: [Value]) {
        (.filled(with: 0, count: count), .unwritten(count: count))
    }

    /// The slot holding `key` (not 0) and true, or the empty slot where it would go and false:
    /// the one probe loop behind every look-up and insertion.
    @inline(__always)
    private func slot(of key: UInt64) -> (slot: Int, found: Bool) {
        keys.withUnsafeBufferPointer { k in
            let mask = k.count - 1
            var slot = FibonacciHashing.slot(key, bits: bits)
            while true {
                let found = k[slot]
                if found == key { return (slot, true) }
                if found == 0 { return (slot, false) }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// The value of `key`, or nil when it is not in the table. Setting adds the key or replaces
    /// its value (setting nil is a programming error: keys are never removed).
    @inline(__always)
    subscript(_ key: UInt64) -> Value? {
        get {
            if key == 0 { return zeroValue }
            let (slot, found) = slot(of: key)
            return found ? values[slot] : nil
        }
        set {
            guard let newValue else { preconditionFailure("FlatHashMap does not remove keys") }
            set(key, newValue)
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// Starts loading the home slot of `key` (its key and value) into the cache, without waiting:
    /// for a caller that knows a batch of keys before it looks them up.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        let slot = FibonacciHashing.slot(key, bits: bits)
        keys.withUnsafeBufferPointer { articled_prefetch($0.baseAddress! + slot) }
        values.withUnsafeBufferPointer { articled_prefetch($0.baseAddress! + slot) }
    }

    /// Sets the value of `key`, adding the key when it is new.
    @inline(__always)
    mutating func set(_ key: UInt64, _ value: Value) {
        _ = update(key, insertingIfAbsent: value) { $0 = value }
    }

    /// The value of `key`, after setting it to `value` when `key` is new: one probe where a
    /// look-up followed by `set` takes two (counting terms and candidate phrases).
    @inline(__always)
    @discardableResult
    mutating func value(of key: UInt64, insertingIfAbsent value: Value) -> Value {
        update(key, insertingIfAbsent: value) { _ in }
    }

    /// Sets the value of `key` unless the key already has one (the first value wins).
    @inline(__always)
    mutating func insertIfAbsent(_ key: UInt64, _ value: Value) {
        self.value(of: key, insertingIfAbsent: value)
    }

    /// Adds `key` with `value` when it is new, else lets `change` rewrite its value; returns the
    /// value now stored. One probe either way.
    @inline(__always)
    mutating func update(_ key: UInt64, insertingIfAbsent value: Value, _ change: (inout Value) -> Void) -> Value {
        if key == 0 {
            if var old = zeroValue {
                change(&old)
                zeroValue = old
                return old
            }
            zeroValue = value
            count += 1
            return value
        }
        if 2 * (count + 1) > keys.count { grow() }
        let (slot, found) = slot(of: key)
        if found {
            change(&values[slot])
            return values[slot]
        }
        keys[slot] = key
        values[slot] = value
        count += 1
        return value
    }

    /// Every key with its value, in increasing key order (an order that does not depend on the
    /// table's layout).
    func sortedEntries() -> [(key: UInt64, value: Value)] {
        var entries: [(key: UInt64, value: Value)] = []
        entries.reserveCapacity(count)
        if let zeroValue { entries.append((0, zeroValue)) }
        for i in keys.indices where keys[i] != 0 { entries.append((keys[i], values[i])) }
        return entries.sorted { $0.key < $1.key }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        bits += 1
        (keys, values) = FlatHashMap.storage(1 << bits)
        let mask = keys.count - 1
        for (slot, key) in oldKeys.enumerated() where key != 0 {
            var i = FibonacciHashing.slot(key, bits: bits)
            while keys[i] != 0 { i = (i &+ 1) & mask }
            keys[i] = key
            values[i] = oldValues[slot]
        }
    }
}

extension FlatHashMap where Value: Comparable {
    /// Sets the value of `key` unless the key already has a smaller one.
    @inline(__always)
    mutating func setMinimum(_ key: UInt64, _ value: Value) {
        _ = update(key, insertingIfAbsent: value) { old in if value < old { old = value } }
    }
}

extension FlatHashMap where Value == Int32 {
    /// Each of `keys` mapped to its position in the sequence (a key listed twice keeps the first).
    init<S: Sequence>(numbering keys: S) where S.Element == UInt64 {
        self.init(capacity: keys.underestimatedCount)
        for (n, key) in keys.enumerated() { insertIfAbsent(key, Int32(n)) }
    }
}

extension FlatHashMap where Value: FixedWidthInteger {
    /// A set of `keys`: each with the value 1.
    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        self.init(capacity: keys.underestimatedCount)
        for key in keys { set(key, 1) }
    }
}
