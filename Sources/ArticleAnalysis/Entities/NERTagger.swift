import CMemoryHints

/// Greedy left-to-right BILOU decoding with an averaged-perceptron model.
///
/// Each token gets the best label allowed after the previous one (BILOU constraints), scored by
/// summing one weight row per feature. Greedy decoding lets features look at every label given
/// so far, including the document-level prediction history, which Viterbi could not afford;
/// Ratinov & Roth 2009 found it no less accurate for NER.
///
/// The features that read one word alone (its own form, or its form as a neighbour at each
/// offset) are summed once per distinct word of the document into score vectors; a token then
/// adds five such vectors plus the weights of the features that join neighbours. Weights are
/// integers, so the partial sums give exactly the scores of summing every row per token.
package struct NERTagger: Sendable {
    let model: NERModel

    package init(model: NERModel) { self.model = model }

    /// Score vectors kept per distinct word, in this order.
    enum Block: Int {
        /// `NERFeatures.wordFeatures` of the word itself (not kept for `none`).
        case own
        /// The word as the previous, next, second previous and second next token.
        case previous, next, secondPrevious, secondNext
        /// `NERFeatures.labelWordFeatures` after the label O (the most common case).
        case afterOutside
        /// `NERFeatures.positionFeatures` of a token neither first in its sentence nor in a
        /// headline (most tokens): they then read the word alone. Depends on the document (how
        /// the word is written elsewhere), so it is not among the frequent words' vectors.
        case plain

        static let count = 7
        /// The blocks that depend on the word alone (`wordVectors`, `NERFrequentWords`): the first six.
        static let wordOnly = 6
    }

    /// Fills the `Block.wordOnly` score vectors of the word `x` at `p` (`NERLabel.count` Int32 each).
    static func wordVectors(_ x: NERLexeme, table: NERWeightView, into p: UnsafeMutablePointer<Int32>) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: wordRowSlot) { slot in
            gatherWordRows(x, table: table, into: slot.baseAddress!)
            sumWordRows(slot.baseAddress!, table: table, into: p)
        }
    }

    /// Room for the rows of one word's `Block.wordOnly` features (`gatherWordRows`): where each
    /// block's rows end, then at most 13 + 3 + 3 + 1 + 1 + 2 rows.
    static let wordRowSlot = Block.wordOnly + 24

    /// Finds the occupied rows of the word `x`'s `Block.wordOnly` features and starts loading them
    /// (`NERRowList`): `slot[b]` is where block b's rows end, the rows follow from `Block.wordOnly`.
    /// The tagger does this one word ahead of `sumWordRows`, as most rows are out of cache.
    @inline(__always)
    static func gatherWordRows(_ x: NERLexeme, table: NERWeightView, into slot: UnsafeMutablePointer<Int>) {
        var rows = NERRowList(table, into: slot + Block.wordOnly, room: wordRowSlot - Block.wordOnly)
        NERFeatures.wordFeatures(x, into: &rows); slot[Block.own.rawValue] = rows.count
        NERFeatures.previousFeatures(x, edge: false, into: &rows); slot[Block.previous.rawValue] = rows.count
        NERFeatures.nextFeatures(x, edge: false, into: &rows); slot[Block.next.rawValue] = rows.count
        NERFeatures.secondPreviousFeatures(x, into: &rows); slot[Block.secondPrevious.rawValue] = rows.count
        NERFeatures.secondNextFeatures(x, into: &rows); slot[Block.secondNext.rawValue] = rows.count
        NERFeatures.labelWordFeatures(p1: 0, shape: x.shape, lower: x.lower, into: &rows); slot[Block.afterOutside.rawValue] = rows.count
    }

    /// Sums the rows `gatherWordRows` found into the word's `Block.wordOnly` score vectors at `p`.
    @inline(__always)
    static func sumWordRows(_ slot: UnsafePointer<Int>, table: NERWeightView, into p: UnsafeMutablePointer<Int32>) {
        let rows = slot + Block.wordOnly
        var i = 0
        for block in 0..<Block.wordOnly {
            var sum = NERScoreSum(table)
            let end = slot[block]
            while i < end { sum.add(row: rows[i]); i &+= 1 }
            sum.store(vector: p + block &* NERLabel.count)
        }
    }

    /// The label of every token of `document`.
    @inline(never) // kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    package func tag(_ document: NERDocument) -> [UInt8] {
        let n = document.tokenCount
        var labels = [UInt8](repeating: 0, count: n)
        guard n > 0 else { return labels }
        var history = NERHistory(document)
        let L = NERLabel.count
        let blocks = Block.count
        // Distinct words are 0..<words; `none` stands for the missing neighbour at a sentence edge.
        let words = document.forms.count
        let none = words
        var hashes: [NERWordHashes] = []
        hashes.reserveCapacity(words + 1)
        // Per word: its flags and lower-case number (the history's keys).
        var flags: [NERLexeme.Flags] = []
        flags.reserveCapacity(words)
        // Every vector is written below before it is read, so the buffer is not zeroed first;
        // `none` alone has no `.afterOutside` nor `.plain` vector (a token's own word is never `none`).
        var vectors = [Int32].unwritten(count: (words + 1) * blocks * L)
        vectors.withUnsafeMutableBufferPointer { buffer in
            (buffer.baseAddress! + (none * blocks + Block.afterOutside.rawValue) * L).update(repeating: 0, count: 2 * L)
        }
        model.withWeightView { table in
            vectors.withUnsafeMutableBufferPointer { v in
                let v = v.baseAddress!
                @inline(__always) func vector(_ word: Int, _ block: Block) -> UnsafeMutablePointer<Int32> {
                    v + (word &* blocks &+ block.rawValue) &* L
                }
                let frequent = model.frequentWords
                // Per word: its index among the frequent words, or -1.
                var frequentIndex = [Int32].unwritten(count: words)
                document.forms.withUnsafeBufferPointer { forms in
                    frequentIndex.withUnsafeMutableBufferPointer { f in
                        for word in 0..<words { f[word] = frequent.index(of: forms[word]).map { Int32($0) } ?? -1 }
                    }
                }
                // The other words' rows, two words' worth: found (and prefetched) one such word
                // ahead, summed when it comes.
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * NERTagger.wordRowSlot) { wordSlots in
                let wordSlots = wordSlots.baseAddress!
                document.forms.withUnsafeBufferPointer { forms in
                    frequentIndex.withUnsafeBufferPointer { frequentIndex in
                    frequent.vectors.withUnsafeBufferPointer { kept in
                        /// The first word from `word` on that is not a frequent one, or `words`.
                        @inline(__always) func nextRare(from word: Int) -> Int {
                            var w = word
                            while w < words && frequentIndex[w] >= 0 { w &+= 1 }
                            return w
                        }
                        var slot = 0
                        var pending = nextRare(from: 0)
                        if pending < words { NERTagger.gatherWordRows(forms[pending], table: table, into: wordSlots) }
                        for word in 0..<words {
                            let x = forms[word]
                            flags.append(x.flags)
                            let index = Int(frequentIndex[word])
                            if index >= 0 {
                                hashes.append(frequent.hashes[index])
                                vector(word, .own).update(from: kept.baseAddress! + index &* Block.wordOnly &* L, count: Block.wordOnly &* L)
                            } else {
                                // This word's rows were found when the previous such word was summed.
                                pending = nextRare(from: word &+ 1)
                                if pending < words {
                                    NERTagger.gatherWordRows(forms[pending], table: table, into: wordSlots + (slot ^ 1) &* NERTagger.wordRowSlot)
                                }
                                hashes.append(NERWordHashes(x))
                                NERTagger.sumWordRows(wordSlots + slot &* NERTagger.wordRowSlot, table: table, into: vector(word, .own))
                                slot ^= 1
                            }
                            let seen = x.flags.contains(.hasLetter) ? document.seenOfLower[Int(document.lowerOfWord[word])] : 0
                            var sum = NERScoreSum(table)
                            NERFeatures.positionFeatures(p1: hashes[word], c: hashes[word], context: seen, into: &sum)
                            sum.store(vector: vector(word, .plain))
                        }
                    }
                    }
                }
                }
                let x = NERLexeme.none
                hashes.append(NERWordHashes(x))
                var sum = NERScoreSum(table)
                NERFeatures.previousFeatures(x, edge: true, into: &sum); sum.store(vector: vector(none, .previous)); sum.reset()
                NERFeatures.nextFeatures(x, edge: true, into: &sum); sum.store(vector: vector(none, .next)); sum.reset()
                NERFeatures.secondPreviousFeatures(x, into: &sum); sum.store(vector: vector(none, .secondPrevious)); sum.reset()
                NERFeatures.secondNextFeatures(x, into: &sum); sum.store(vector: vector(none, .secondNext))

                // The occupied rows of a token's label-free conjunctions (`NERRowList`), two
                // tokens' worth: found (and prefetched) one token ahead, read when it is scored.
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * NERRowList.capacity) { rowSlots in
                let rowSlots = rowSlots.baseAddress!
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: L) { scores in
                    let scores = scores.baseAddress!
                    model.constantVectors.vectors.withUnsafeBufferPointer { constants in
                    @inline(__always) func constant(_ group: Int, _ value: Int) -> UnsafePointer<Int32> {
                        constants.baseAddress! + (group &+ value) &* L
                    }
                    hashes.withUnsafeBufferPointer { h in
                    flags.withUnsafeBufferPointer { flags in
                    document.lowerOfWord.withUnsafeBufferPointer { lowers in
                    document.context.withUnsafeBufferPointer { context in
                    document.gazetteerBits.withUnsafeBufferPointer { gazetteer in
                    labels.withUnsafeMutableBufferPointer { labels in
                        document.wordIDs.withUnsafeBufferPointer { ids in
                            /// Finds (and starts loading) the rows of token `u`'s neighbour and
                            /// suffix features; returns how many are occupied.
                            @inline(__always) func gatherRows(_ u: Int, _ sentence: Range<Int>) -> Int {
                                let up2 = u &- 2 >= sentence.lowerBound ? Int(ids[u &- 2]) : none
                                let up1 = u &- 1 >= sentence.lowerBound ? Int(ids[u &- 1]) : none
                                let un1 = u &+ 1 < sentence.upperBound ? Int(ids[u &+ 1]) : none
                                let un2 = u &+ 2 < sentence.upperBound ? Int(ids[u &+ 2]) : none
                                var rows = NERRowList(table, into: rowSlots + (u & 1) &* NERRowList.capacity, room: NERRowList.capacity)
                                NERFeatures.neighbourFeatures(p2: h[up2], p1: h[up1], c: h[Int(ids[u])], n1: h[un1], n2: h[un2], into: &rows)
                                NERFeatures.suffixFeatures(p1: h[up1], c: h[Int(ids[u])], n1: h[un1], into: &rows)
                                return rows.count
                            }
                            for sentence in document.sentences where !sentence.isEmpty {
                                var p1: UInt8 = 0, p2: UInt8 = 0
                                var rowCount = gatherRows(sentence.lowerBound, sentence)
                                for t in sentence {
                                    // The next token's rows are mostly out of cache: found now, so
                                    // they load while this token is scored.
                                    let nextRowCount = t &+ 1 < sentence.upperBound ? gatherRows(t &+ 1, sentence) : 0
                                    let c = Int(ids[t])
                                    let a1 = t - 1 >= sentence.lowerBound ? Int(ids[t - 1]) : none
                                    let a2 = t - 2 >= sentence.lowerBound ? Int(ids[t - 2]) : none
                                    let b1 = t + 1 < sentence.upperBound ? Int(ids[t + 1]) : none
                                    let b2 = t + 2 < sentence.upperBound ? Int(ids[t + 2]) : none
                                    var sum = NERScoreSum(table)
                                    sum.add(vector: vector(c, .own))
                                    sum.add(vector: vector(a1, .previous))
                                    sum.add(vector: vector(b1, .next))
                                    sum.add(vector: vector(a2, .secondPrevious))
                                    sum.add(vector: vector(b2, .secondNext))
                                    let rows = rowSlots + (t & 1) &* NERRowList.capacity
                                    for i in 0..<rowCount { sum.add(row: rows[i]) }
                                    rowCount = nextRowCount
                                    let ctx = context[t]
                                    if ctx & (NERDocument.first | NERDocument.capsSentence) == 0 {
                                        sum.add(vector: vector(c, .plain))
                                    } else {
                                        NERFeatures.positionFeatures(p1: h[a1], c: h[c], context: ctx, into: &sum)
                                    }
                                    // `NERFeatures.particleAndGazetteerFeatures`, its few-valued templates as kept vectors.
                                    sum.add(vector: constant(NERConstantVectors.particles, NERConstantVectors.particleIndex(
                                        p1: h[a1].particleBits, c: h[c].particleBits, n1: h[b1].particleBits)))
                                    var g = gazetteer[t]
                                    while g != 0 {
                                        sum.add(vector: constant(NERConstantVectors.gazetteer, g.trailingZeroBitCount))
                                        g &= g - 1
                                    }
                                    let f1: UInt8 = t == sentence.lowerBound ? 17 : p1
                                    let f2: UInt8 = t - 1 <= sentence.lowerBound ? 17 : p2
                                    sum.add(vector: constant(NERConstantVectors.labels, Int(f1) &* NERConstantVectors.labelValues &+ Int(f2)))
                                    if f1 == 0 {
                                        sum.add(vector: vector(c, .afterOutside))
                                    } else {
                                        NERFeatures.labelWordFeatures(p1: f1, shape: h[c].shape, lower: h[c].lower, into: &sum)
                                    }
                                    let wordFlags = flags[c], lower = lowers[c]
                                    let past = history.value(word: c, flags: wordFlags, lower: lower)
                                    if past != 0 {  // `NERFeatures.historyFeatures`
                                        sum.add(vector: constant(NERConstantVectors.history, Int(past)))
                                        NERFeatures.historyShapeFeatures(history: past, shape: h[c].shape, into: &sum)
                                    }
                                    sum.scores(into: scores)
                                    let choice = NERLabel.choose(scores, after: p1, isLast: t == sentence.upperBound - 1)
                                    if choice.previous != p1 { labels[t - 1] = choice.previous; p1 = choice.previous }
                                    let best = choice.label
                                    labels[t] = best
                                    history.record(flags: wordFlags, lower: lower, label: best)
                                    p2 = p1; p1 = best
                                }
                            }
                        }
                    }
                    }
                    }
                    }
                    }
                    }
                    }
                }
                }
            }
        }
        return labels
    }
}

/// The weight table as the scoring loop reads it, valid inside `NERWeightView.with`.
struct NERWeightView {
    /// `NERLabel.count` Int16 per row.
    let weights: UnsafeRawPointer
    /// One bit per row, set when the row holds a non-zero weight.
    let occupied: UnsafePointer<UInt64>
    /// A feature hash shifted right by this is its row.
    let shift: UInt64

    static func with<R>(weights: [Int16], occupied: [UInt64], rowBits: Int, _ body: (NERWeightView) -> R) -> R {
        weights.withUnsafeBytes { w in
            occupied.withUnsafeBufferPointer { o in
                body(NERWeightView(weights: w.baseAddress!, occupied: o.baseAddress!, shift: UInt64(64 - rowBits)))
            }
        }
    }

    /// The byte offset of a feature hash's row in `weights`, or nil when the row is empty. Most
    /// rows are empty; their bit (a 32 KiB bitmap that stays in cache) spares a read of the 8.5
    /// MiB table, which would mostly miss.
    @inline(__always)
    func offset(of feature: UInt64) -> Int? {
        let row = Int(truncatingIfNeeded: feature &>> shift)
        guard occupied[row &>> 6] &>> UInt64(row & 63) & 1 != 0 else { return nil }
        return row &* (NERLabel.count &* 2)
    }
}

/// Feature rows to be read soon: the byte offsets of the occupied ones are kept (so the hashes
/// are not mixed again) and their cache lines prefetched.
struct NERRowList: NERFeatureSink {
    /// Room for every row a token's neighbour and suffix features name.
    static let capacity = 10
    let table: NERWeightView
    let rows: UnsafeMutablePointer<Int>
    /// How many offsets `rows` has room for (checked in debug builds; `NERTaggerRowRoomTests`
    /// checks that the feature groups never name more rows).
    let room: Int
    private(set) var count = 0

    @inline(__always)
    init(_ table: NERWeightView, into rows: UnsafeMutablePointer<Int>, room: Int) {
        self.table = table; self.rows = rows; self.room = room
    }

    @inline(__always)
    mutating func add(_ feature: UInt64) {
        guard let offset = table.offset(of: feature) else { return }
        assert(count < room, "more feature rows than NERRowList has room for")
        articled_prefetch(table.weights + offset)
        rows[count] = offset
        count &+= 1
    }
}

/// A score vector being summed from weight rows, in Int32 like training (wrapping adds of the
/// Int16 weights).
///
/// Labels 0...15 of a row are read as eight Int32 pairs: shifting each pair left then right by
/// 16 bits gives the even labels sign-extended, shifting right gives the odd ones, so a row costs
/// a few SIMD operations. The sums stay split the same way (`even`, `odd`, then label 16), and
/// so do the vectors kept per word (17 Int32: even labels, odd labels, label 16).
struct NERScoreSum: NERFeatureSink {
    let table: NERWeightView
    var even = SIMD8<Int32>(repeating: 0)
    var odd = SIMD8<Int32>(repeating: 0)
    var last: Int32 = 0

    @inline(__always)
    init(_ table: NERWeightView) { self.table = table }

    /// Adds the weight row of a feature hash.
    @inline(__always)
    mutating func add(_ feature: UInt64) {
        guard let offset = table.offset(of: feature) else { return }
        add(row: offset)
    }

    /// Adds the (occupied) row at this byte offset of the table (`NERWeightView.offset(of:)`).
    @inline(__always)
    mutating func add(row offset: Int) {
        let pairs = table.weights.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int32>.self)
        even &+= (pairs &<< 16) &>> 16
        odd &+= pairs &>> 16
        last &+= Int32(table.weights.loadUnaligned(fromByteOffset: offset &+ 32, as: Int16.self))
    }

    /// Adds a vector kept by `store(vector:)`.
    @inline(__always)
    mutating func add(vector p: UnsafePointer<Int32>) {
        let raw = UnsafeRawPointer(p)
        even &+= raw.loadUnaligned(as: SIMD8<Int32>.self)
        odd &+= raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int32>.self)
        last &+= p[16]
    }

    /// Keeps the sum in its split layout (17 Int32).
    @inline(__always)
    func store(vector p: UnsafeMutablePointer<Int32>) {
        let raw = UnsafeMutableRawPointer(p)
        raw.storeBytes(of: even, as: SIMD8<Int32>.self)
        raw.storeBytes(of: odd, toByteOffset: 32, as: SIMD8<Int32>.self)
        p[16] = last
    }

    /// Writes the scores in label order.
    @inline(__always)
    func scores(into p: UnsafeMutablePointer<Int32>) {
        for k in 0..<8 { p[2 &* k] = even[k]; p[2 &* k &+ 1] = odd[k] }
        p[16] = last
    }

    @inline(__always)
    mutating func reset() { even = SIMD8<Int32>(repeating: 0); odd = SIMD8<Int32>(repeating: 0); last = 0 }
}

/// The score vectors and hashes of frequent words (punctuation, function words, and the
/// model's `frequentForms`), worked out once when the model is made, so a document only looks
/// them up (see `NERTagger`).
struct NERFrequentWords: Sendable {
    /// Index of each word by its `NERLexeme.word` hash.
    private var table = FlatHashMap<UInt16>()
    private var lexemes: [NERLexeme] = []
    var hashes: [NERWordHashes] = []
    /// `NERTagger.Block.wordOnly` score vectors per word.
    var vectors: [Int32] = []

    init() {}

    init(weights: [Int16], occupied: [UInt64], rowBits: Int, forms extra: [String] = []) {
        let size = NERTagger.Block.wordOnly * NERLabel.count
        for form in NERFrequentWords.forms + extra where lexemes.count < Int(UInt16.max) {
            let x = NERLexeme(form.unicodeScalars)
            guard table[x.word] == nil else { continue }
            table[x.word] = UInt16(lexemes.count)
            lexemes.append(x)
            hashes.append(NERWordHashes(x))
        }
        vectors = [Int32](repeating: 0, count: lexemes.count * size)
        NERWeightView.with(weights: weights, occupied: occupied, rowBits: rowBits) { table in
            vectors.withUnsafeMutableBufferPointer { v in
                for (i, x) in lexemes.enumerated() {
                    NERTagger.wordVectors(x, table: table, into: v.baseAddress! + i * size)
                }
            }
        }
    }

    /// The index of `x` when it is one of the frequent words.
    @inline(__always)
    func index(of x: NERLexeme) -> Int? {
        guard let i = table[x.word] else { return nil }
        let y = lexemes[Int(i)]
        return y.lower == x.lower && y.shape == x.shape ? Int(i) : nil
    }

    /// Punctuation and the most frequent words of English news, as written.
    static let forms: [String] = [
        ",", ".", "\"", "'", "(", ")", ":", ";", "-", "--", "?", "!", "'s", "n't", "%", "$", "&", "/", "...",
        "the", "of", "to", "and", "a", "in", "for", "that", "is", "on", "was", "said", "with", "he", "it", "as", "at",
        "by", "from", "his", "be", "have", "has", "are", "an", "were", "not", "but", "had", "who", "they", "this",
        "which", "been", "will", "their", "after", "also", "more", "would", "one", "its", "or", "two", "about", "up",
        "when", "than", "there", "other", "all", "into", "out", "can", "we", "our", "i", "she", "her", "him", "over",
        "new", "first", "last", "year", "years", "people", "some", "no", "what", "could", "if", "them", "so", "only",
        "those", "these", "while", "during", "against", "before", "under", "between", "where", "since", "being",
        "do", "did", "does", "may", "three", "time", "most", "many", "made", "police", "told", "says", "say",
        "according", "including", "because", "through", "then", "now", "any", "such", "four", "five", "day",
        "government", "state", "president", "reported", "killed", "well", "just", "like", "how", "very", "both",
        "each", "should", "you", "my", "me", "us", "your", "off", "down", "still", "back", "several", "later",
        "around", "world", "since", "until", "former", "second", "another", "near", "without", "made", "however",
        "The", "In", "He", "It", "A", "But", "They", "She", "This", "On", "At", "As", "After", "According", "We",
        "I", "There", "That", "For", "By", "An", "His", "If", "When", "While", "Mr.", "Mrs.", "Dr.",
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "2019", "2018", "2020",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
}
