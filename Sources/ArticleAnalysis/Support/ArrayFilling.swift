extension Array where Element: BitwiseCopyable {
    /// `count` copies of `value`, written into fresh storage in one fill: `Array(repeating:count:)`
    /// stores them one by one (about 14 instructions an element), and the reader stages make
    /// several such tables for every article (a fill of zeros is a memset).
    @inline(__always)
    static func filled(with value: Element, count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: value)
            initialized = count
        }
    }

    /// `count` elements left as fresh storage holds them, for a table whose every element is
    /// written before it is read (values beside a hash table's keys, vectors a loop fills): a
    /// fill would only be overwritten.
    @inline(__always)
    static func unwritten(count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
