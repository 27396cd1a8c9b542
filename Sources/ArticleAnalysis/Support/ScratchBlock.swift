/// One block of scratch memory, taken once and carved into tables: the owner of the memory
/// behind a stage's flat tables (`Summarizer.pick`), freed when the block goes.
///
/// `~Copyable`, so exactly one value owns the memory and `deinit` frees it once (a copy cannot
/// free it twice). The tables it hands out are views into the block: they are valid while the
/// block lives, so the owner keeps it alive to the end of their use (`withExtendedLifetime`).
///
/// The caller states how many elements its tables take in all (`capacity`); taking more is a
/// programming error, checked by a precondition in debug builds (release builds trust the
/// sizing rule the caller documents and tests at its edge).
struct ScratchBlock<Element: BitwiseCopyable>: ~Copyable {
    private let memory: UnsafeMutableBufferPointer<Element>
    /// How many elements the tables taken so far hold.
    private(set) var used = 0

    /// A block of `capacity` elements (not initialised: each table is written before it is read).
    init(capacity: Int) {
        memory = .allocate(capacity: max(0, capacity))
    }

    deinit { memory.deallocate() }

    /// The elements the block holds in all.
    var capacity: Int { memory.count }

    /// Calls `body` with the whole block as one table (the block lives through the call).
    func withWhole<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(memory)
    }

    /// The next `count` elements of the block, as a table.
    mutating func table(_ count: Int) -> UnsafeMutableBufferPointer<Element> {
        assert(count >= 0 && used + count <= memory.count, "scratch block overrun: \(used) + \(count) > \(memory.count)")
        defer { used += count }
        return UnsafeMutableBufferPointer(rebasing: memory[used..<(used + count)])
    }
}
