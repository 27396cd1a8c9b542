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
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0].count == 1 else { throw FormatError(line: lineNumber) }
            let word = String(decoding: fields[1], as: UTF8.self)
            if fields[0].first == UInt8(ascii: "n") { negations.insert(word); continue }
            guard fields.count >= 3, let value = Double(String(decoding: fields[2], as: UTF8.self)) else {
                throw FormatError(line: lineNumber)
            }
            switch fields[0].first {
            case UInt8(ascii: "v"): valences[word] = value
            case UInt8(ascii: "b"): boosters[word] = value
            case UInt8(ascii: "s"): special[word] = value
            default: throw FormatError(line: lineNumber)
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
        let entries = table.sorted { $0.key < $1.key }
        index = FlatHashMap<Int32>(numbering: entries.map { WordHash.of($0.key) })
        values = entries.map(\.value)
    }

    var isEmpty: Bool { values.isEmpty }

    @inline(__always)
    subscript(_ hash: UInt64) -> Double? {
        guard let n = index[hash] else { return nil }
        return values[Int(n)]
    }
}
