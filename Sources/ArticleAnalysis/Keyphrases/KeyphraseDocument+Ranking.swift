extension KeyphraseDocument {
    /// The candidates best first, taken one at a time: by score, then by candidate number (first
    /// occurrence). `select` usually takes a dozen or two of a few hundred candidates, so they are
    /// picked a batch at a time, each batch the best few after the last one taken, kept in order by
    /// insertion (with their scores, so that placing one reads no other candidate): one pass over
    /// the candidates for a batch, where sorting them all costs several.
    ///
    /// `~Copyable`, so one value owns the batch and `deinit` frees it once. Sizing rule: the batch
    /// holds `batchSize` entries (at least one) and a refill writes at most that many (it drops
    /// its last entry before adding one when full); a debug build checks every write, and a test
    /// takes every candidate through batches of one.
    struct Ranking: ~Copyable {
        struct Entry {
            var score: Double
            var candidate: Int
        }
        private let candidates: [Candidate]
        private let batchSize: Int
        /// The current batch, best first, and the next entry to take from it.
        private let batch: UnsafeMutablePointer<Entry>
        private var batchCount = 0
        private var position = 0

        init(_ candidates: [Candidate], batchSize: Int) {
            self.candidates = candidates
            self.batchSize = max(1, batchSize)
            batch = .allocate(capacity: self.batchSize)
        }

        deinit { batch.deallocate() }

        /// True when `a` ranks before `b`: a higher score, or an equal score and an earlier candidate.
        @inline(__always)
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.score != b.score ? a.score > b.score : a.candidate < b.candidate
        }

        /// The best candidate not taken yet, or nil when all are taken.
        mutating func next() -> Int? {
            if position == batchCount {
                refill(after: batchCount > 0 ? batch[batchCount - 1] : nil)
                if batchCount == 0 { return nil }
            }
            position += 1
            return batch[position - 1].candidate
        }

        /// Makes the batch the best `batchSize` candidates that rank after `last` (all candidates
        /// when nil).
        private mutating func refill(after last: Entry?) {
            let batch = self.batch, size = batchSize
            var n = 0
            candidates.withUnsafeBufferPointer { c in
                let after = last ?? Entry(score: 0, candidate: -1)
                for k in c.indices {
                    let entry = Entry(score: c[k].score, candidate: k)
                    if last != nil && !Ranking.precedes(after, entry) { continue }
                    if n == size {
                        // Most candidates: a lower score than the batch's last.
                        if entry.score < batch[size - 1].score || !Ranking.precedes(entry, batch[size - 1]) { continue }
                        n -= 1
                    }
                    // After every entry it does not precede (ties keep candidate order).
                    var i = n
                    while i > 0 && Ranking.precedes(entry, batch[i - 1]) {
                        batch[i] = batch[i - 1]
                        i -= 1
                    }
                    assert(i < size && n < size, "ranking batch overrun")
                    batch[i] = entry
                    n += 1
                }
            }
            batchCount = n
            position = 0
        }
    }
}
