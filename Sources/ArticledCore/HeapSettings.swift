import Glibc

/// glibc malloc settings that keep a long article's peak memory to what it holds.
///
/// glibc serves a block of at least its mmap threshold (128 KiB at start) with a mapping of its
/// own, returned to the system when freed; but the first time such a block is freed it raises
/// the threshold to that block's size (up to 32 MiB). After that, the arrays of a long article
/// (several MiB each) come from the heap, and those freed between stages stay resident as holes
/// the next stage's arrays only partly reuse: about 60 MB of a 16 MB article's 420 MB peak.
/// A fixed threshold turns the dynamic raise off, so every large array is its own mapping and
/// goes back as soon as it is freed. News articles (a few KiB) allocate nothing that large.
public enum HeapSettings {
    /// The fixed threshold: blocks from 4 MiB up are mapped on their own. A news article's
    /// largest arrays (a few hundred KiB: the tagger's word vectors, the quote tokens' room)
    /// stay below it, so they reuse heap pages instead of costing a fresh mapping and its page
    /// faults every time; a long article's token and word arrays (tens of MiB) are above it.
    public static let mappedBlockBytes: Int32 = 4 << 20

    /// Fixes the mmap threshold (`mallopt(M_MMAP_THRESHOLD, …)`, looked up at run time: the
    /// Glibc module does not import malloc.h). Call once at start, before the models are loaded.
    public static func mapLargeBlocks(threshold: Int32 = mappedBlockBytes) {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in malloc.h
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, threshold)
    }

    /// Returns freed heap pages to the system (glibc keeps them otherwise: an idle daemon would
    /// go on holding the peak of its largest article, and a long article's cleaning leaves many
    /// freed small blocks). glibc's `malloc_trim`, looked up at run time like `mallopt`.
    @Sendable public static func returnFreeMemory() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }
}
