/// A map from 64-bit keys to small values in one flat open-addressing table.
///
/// The keys of the entity code are already hashes (FNV of scalars, splitmix of features), so a
/// look-up is one multiply, a shift and usually one compare: far cheaper than `Dictionary` or
/// `Set`, which hash every key again with SipHash. Used for the fixed word lists (particles,
/// designators, ...) and the gazetteer, which are built once and only read afterwards.
struct NERKeyMap<Value: FixedWidthInteger & Sendable>: Sendable {
    /// Slot keys; `emptyKey` marks an empty slot.
    private var keys: [UInt64]
    private var values: [Value]
    /// log2 of the slot count.
    private var bits: Int
    /// The value of the key `emptyKey` itself, when it is in the table.
    private var emptyKeyValue: Value?
    private(set) var count = 0

    private static var emptyKey: UInt64 { 0 }

    /// A table with room for `capacity` keys (kept at most half full).
    init(capacity: Int = 0) {
        var bits = 3
        while (1 << bits) < 2 * capacity { bits += 1 }
        self.bits = bits
        keys = [UInt64](repeating: Self.emptyKey, count: 1 << bits)
        values = [Value](repeating: 0, count: 1 << bits)
    }

    /// A set of `keys` (each with the value 1).
    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        self.init(capacity: keys.underestimatedCount)
        for key in keys { self[key] = 1 }
    }

    /// Fibonacci hashing: the high bits of the product mix every bit of the key.
    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> UInt64(64 - bits))
    }

    /// The value of `key`, or nil when it is not in the table.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        get {
            if key == Self.emptyKey { return emptyKeyValue }
            return keys.withUnsafeBufferPointer { k in
                let mask = k.count - 1
                var i = slot(key)
                while true {
                    let found = k[i]
                    if found == key { return values[i] }
                    if found == Self.emptyKey { return nil }
                    i = (i + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { preconditionFailure("NERKeyMap does not remove keys") }
            if key == Self.emptyKey {
                if emptyKeyValue == nil { count += 1 }
                emptyKeyValue = newValue
                return
            }
            if 2 * (count + 1) > keys.count { grow() }
            let mask = keys.count - 1
            var i = slot(key)
            while keys[i] != Self.emptyKey && keys[i] != key { i = (i + 1) & mask }
            if keys[i] == Self.emptyKey { keys[i] = key; count += 1 }
            values[i] = newValue
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// Every key with its value, in increasing key order.
    func sortedEntries() -> [(key: UInt64, value: Value)] {
        var entries: [(key: UInt64, value: Value)] = []
        entries.reserveCapacity(count)
        if let emptyKeyValue { entries.append((Self.emptyKey, emptyKeyValue)) }
        for i in keys.indices where keys[i] != Self.emptyKey { entries.append((keys[i], values[i])) }
        return entries.sorted { $0.key < $1.key }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        bits += 1
        keys = [UInt64](repeating: Self.emptyKey, count: 1 << bits)
        values = [Value](repeating: 0, count: 1 << bits)
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != Self.emptyKey {
            var i = slot(key)
            while keys[i] != Self.emptyKey { i = (i + 1) & mask }
            keys[i] = key; values[i] = value
        }
    }
}

/// The usual map: small values (flags, types, word-list membership).
typealias NERKeyTable = NERKeyMap<UInt8>
