/// The word lists the tone stage scores with: VADER's sentiment lexicon and rule words.
///
/// The data comes from the MIT-licensed `vaderSentiment` package, converted at build time by
/// scripts/convert-vader.py into the `tone-vader.tsv` resource (ArticleModels loads it once and
/// passes the bytes here; this library reads no files). Keys are lower case, with "'" as apostrophe.
public struct ToneLexicon: Sendable {
    /// Mean valence of each lexicon entry, from -4 (most negative) to 4 (most positive).
    public let valences: [String: Double]
    /// Degree adverbs and their increment: boosters ("very", +0.293) and dampeners ("barely", -0.293).
    public let boosters: [String: Double]
    /// Words that negate what follows ("not", "never", "doesn't").
    public let negations: Set<String>
    /// Phrases whose valence replaces that of the word inside them ("kiss of death", "bus stop").
    public let specialCases: [String: Double]

    // The phrase tables by `WordHash`, for phrases of two words or more.
    let boosterByHash: HashedValues
    let specialCaseByHash: HashedValues
    /// Valence, booster value, negation and phrase-word flags of every single word of the tables,
    /// so each word of a text is looked up once.
    let words: ToneWordTable

    public init(valences: [String: Double], boosters: [String: Double], negations: Set<String>, specialCases: [String: Double]) {
        self.valences = valences; self.boosters = boosters; self.negations = negations; self.specialCases = specialCases
        let valenceByHash = HashedValues(valences)
        boosterByHash = HashedValues(boosters)
        let negationHashes = FlatHashMap<Int32>(numbering: negations.sorted().map { WordHash.of($0) })
        specialCaseByHash = HashedValues(specialCases)
        // Every word of a phrase of two words or more in `specialCases` or `boosters`: a phrase of
        // the text with a word outside this set cannot be in those tables.
        var phraseWords = Set<UInt64>()
        for key in Array(specialCases.keys) + Array(boosters.keys) {
            let words = key.split(separator: " ")
            if words.count >= 2 { for word in words { phraseWords.insert(WordHash.of(String(word))) } }
        }
        let hashes = Set(Set(valences.keys).union(boosters.keys).union(negations).map { WordHash.of($0) }).union(phraseWords).sorted()
        words = ToneWordTable(hashes.map { [boosterByHash] hash in
            (hash, ToneWordTable.Entry(valence: valenceByHash[hash], booster: boosterByHash[hash],
                                       isNegation: negationHashes.contains(hash), isPhraseWord: phraseWords.contains(hash)))
        })
    }

    /// An empty lexicon: every text scores neutral.
    public static let empty = ToneLexicon(valences: [:], boosters: [:], negations: [], specialCases: [:])

    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var description: String { "tone lexicon: malformed line \(line)" }
    }

    /// Reads the `tone-vader.tsv` format: one entry a line, tab-separated, `#` starts a comment;
    /// `v word valence`, `b word increment`, `n word`, `s phrase valence`.
    public init(tsv bytes: [UInt8]) throws(FormatError) {
        var valences: [String: Double] = [:], boosters: [String: Double] = [:]
        var negations: Set<String> = [], special: [String: Double] = [:]
        valences.reserveCapacity(8000)
        try bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(FormatError) in
            try TabSeparatedLine.forEach(in: b) { (line: TabSeparatedLine) throws(FormatError) in
                func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }
                guard line.count >= 2, line[0].count == 1 else { throw FormatError(line: line.number) }
                let kind = b[line[0].lowerBound]
                let word = text(line[1])
                if kind == UInt8(ascii: "n") { negations.insert(word); return }
                guard line.count >= 3, let value = PlainDecimal.double(b, line[2]) ?? Double(text(line[2])) else {
                    throw FormatError(line: line.number)
                }
                switch kind {
                case UInt8(ascii: "v"): valences[word] = value
                case UInt8(ascii: "b"): boosters[word] = value
                case UInt8(ascii: "s"): special[word] = value
                default: throw FormatError(line: line.number)
                }
            }
        }
        self.init(valences: valences, boosters: boosters, negations: negations, specialCases: special)
    }
}

/// A word table by `WordHash`: the index gives the position of the value.
struct HashedValues: Sendable {
    let index: FlatHashMap<Int32>
    let values: [Double]

    init(_ table: [String: Double]) {
        // In hash order (strings compared only when two hashes are equal, where the smaller
        // key comes first and keeps the hash, as in key order): comparing strings was most of the
        // lexicon's load time.
        let entries = table.map { (hash: WordHash.of($0.key), key: $0.key, value: $0.value) }
            .sorted { $0.hash != $1.hash ? $0.hash < $1.hash : $0.key < $1.key }
        index = FlatHashMap<Int32>(numbering: entries.map(\.hash))
        values = entries.map(\.value)
    }

    var isEmpty: Bool { values.isEmpty }

    @inline(__always)
    subscript(_ hash: UInt64) -> Double? {
        guard let n = index[hash] else { return nil }
        return values[Int(n)]
    }
}
