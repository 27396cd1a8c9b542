import ArticleAnalysis

/// What each distinct `class` or `id` value of a page says (`ClassNames`), read once per value.
///
/// A page repeats its class values hundreds of times, so the look-up is the common case: the
/// value is hashed where the tag left it (FNV-1a over its lower-cased bytes, eight at a time),
/// with no copy, and the 64-bit hash is the key (collisions between the few thousand values of
/// a page are vanishingly unlikely at 64 bits, as for the analysis's word tables). Only a value
/// not seen before is lower-cased into an array and read. One flat open-addressing table,
/// linear probing, doubled before it is half full; hash 0 lives beside it.
struct ClassNameCache {
    private var keys: [UInt64]
    private var values: [ClassNames]
    private var bits: Int
    private var count = 0
    private var zeroValue: ClassNames?
    private var scratch: [UInt8] = []

    init() {
        bits = 10
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [ClassNames](repeating: ClassNames(), count: 1 << bits)
    }

    /// What `value` (as written in the tag, any case) says.
    mutating func names(_ value: UnsafeBufferPointer<UInt8>) -> ClassNames {
        let key = Self.hash(value)
        if key == 0 {
            if let zeroValue { return zeroValue }
            let names = read(value)
            zeroValue = names
            return names
        }
        var slot = FibonacciHashing.slot(key, bits: bits)
        let mask = (1 << bits) - 1
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        let names = read(value)
        keys[slot] = key
        values[slot] = names
        count += 1
        if 2 * count > keys.count { grow() }
        return names
    }

    /// Lowers `value` into `scratch` (kept from value to value), eight bytes a step, and reads it.
    private mutating func read(_ value: UnsafeBufferPointer<UInt8>) -> ClassNames {
        let n = value.count
        guard let source = value.baseAddress, n > 0 else { return ClassNames(value) }
        if scratch.count < n { scratch = [UInt8](repeating: 0, count: max(n, 2 * scratch.count)) }
        return scratch.withUnsafeMutableBufferPointer { buffer in
            let target = UnsafeMutableRawPointer(buffer.baseAddress!), raw = UnsafeRawPointer(source)
            var i = 0
            while i + 8 <= n {
                target.storeBytes(of: Self.lowered(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)), toByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < n { buffer[i] = source[i] >= 0x41 && source[i] <= 0x5A ? source[i] | 0x20 : source[i]; i += 1 }
            return ClassNames(UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        bits += 1
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [ClassNames](repeating: ClassNames(), count: 1 << bits)
        let mask = (1 << bits) - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = FibonacciHashing.slot(key, bits: bits)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// FNV-1a over the value's bytes with ASCII upper case lowered, eight bytes (little-endian)
    /// a step, then its length.
    static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = value.baseAddress else { return FNV1a.step(FNV1a.offsetBasis, wide: 0) }
        let raw = UnsafeRawPointer(base)
        let n = value.count
        var h = FNV1a.offsetBasis
        var i = 0
        while i + 8 <= n {
            h = FNV1a.step(h, wide: lowered(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        if i < n {
            var word: UInt64 = 0
            for k in i..<n { word |= UInt64(base[k]) << (8 * UInt64(k - i)) }
            h = FNV1a.step(h, wide: lowered(word))
        }
        return FNV1a.step(h, wide: UInt64(n))
    }

    /// `word` with each byte from `A` to `Z` lowered (the others, UTF-8 bytes included, as they are).
    @inline(__always)
    static func lowered(_ word: UInt64) -> UInt64 {
        let ones = ByteWords.ones, highs = ByteWords.highs
        let low7 = word & ~highs
        // High bit of each byte whose low seven bits are >= 0x41, and of each >= 0x5B; no carry crosses a byte.
        let atLeastA = (low7 &+ (0x80 - 0x41) &* ones) & highs
        let pastZ = (low7 &+ (0x80 - 0x5B) &* ones) & highs
        let upper = atLeastA & ~pastZ & ~word
        return word | (upper >> 2)
    }
}
