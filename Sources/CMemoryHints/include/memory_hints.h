#ifndef ARTICLED_MEMORY_HINTS_H
#define ARTICLED_MEMORY_HINTS_H

/// Asks the processor to start loading the cache line at `address` for a read soon, without
/// waiting for it (`__builtin_prefetch`; no effect on results, only on when memory is read).
/// Swift has no prefetch of its own; the NER tagger uses this for weight rows it will read one
/// token later (`NERRowList.add`), the gazetteer for table slots (`FlatHashMap.prefetch`).
static inline void articled_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
