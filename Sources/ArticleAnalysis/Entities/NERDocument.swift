/// One document as the tagger sees it: the lexemes of its distinct word forms, the form of each
/// token, its sentences, and the document-level facts the features use.
///
/// Training (CoNLL tokens) and analysis (tokens of an article) both build this, so the features
/// are computed by one piece of code and cannot drift apart. A lexeme (about 100 bytes) is kept
/// once per distinct form, not once per token: most words of a text recur, and a long text would
/// otherwise hold a lexeme for each of its millions of tokens (4 bytes a token instead of 104).
package struct NERDocument: Sendable {
    /// The lexeme of each distinct word form, in order of first appearance (`NERWordForms`).
    package var forms: [NERLexeme]
    /// Per token: the number of its word form in `forms`, so what depends on the word alone is
    /// worked out once per form, not once per token.
    var wordIDs: [Int32]
    /// Token ranges of the sentences, in order, covering every token.
    package var sentences: [Range<Int>]
    /// Per token: bit 0 first of its sentence, bit 1 last, bit 2 in an all-capitals sentence
    /// (a headline), bits 3-4 how the same word is written elsewhere in the document mid-sentence
    /// (bit 3: in lower case, bit 4: capitalised).
    var context: [UInt8]

    static let first: UInt8 = 1, last: UInt8 = 2, capsSentence: UInt8 = 4, seenLower: UInt8 = 8, seenCapital: UInt8 = 16

    /// Per token: gazetteer matches, bit `4 * type + position` (BILU) for every name of the
    /// gazetteer that covers the token.
    var gazetteerBits: [UInt16]
    /// Per word form: the number of its distinct lower-case form (keys the prediction history and
    /// how a word is written elsewhere).
    var lowerOfWord: [Int32]
    /// Number of distinct lower-case forms.
    var lowerCount: Int
    /// Per lower-case form: how it is written mid-sentence outside headlines (`seenLower`,
    /// `seenCapital`), the bits `context` gives its tokens that have a letter.
    var seenOfLower: [UInt8]

    /// The number of tokens.
    package var tokenCount: Int { wordIDs.count }

    /// The lexeme of every token, read through its form.
    package var lexemes: NERTokenLexemes { NERTokenLexemes(forms: forms, wordIDs: wordIDs) }

    /// Builds the document from the lexemes of its tokens and the token ranges of its sentences
    /// (training and tests: the tokens' lexemes are numbered into forms here).
    package init(lexemes: [NERLexeme], sentences: [Range<Int>], gazetteer: NERGazetteer? = nil) {
        var numbering = NERWordForms(expectedTokens: lexemes.count)
        var wordIDs: [Int32] = []
        wordIDs.reserveCapacity(lexemes.count)
        for x in lexemes { wordIDs.append(numbering.number(x)) }
        self.init(forms: numbering.forms, wordIDs: wordIDs, sentences: sentences, gazetteer: gazetteer)
    }

    /// Builds the document from its distinct word forms, the form of each token and the token
    /// ranges of its sentences.
    package init(forms: [NERLexeme], wordIDs: [Int32], sentences: [Range<Int>], gazetteer: NERGazetteer? = nil) {
        self.forms = forms
        self.wordIDs = wordIDs
        self.sentences = sentences
        let n = wordIDs.count
        var bits = [UInt16].filled(with: 0, count: n)
        if let gazetteer, !gazetteer.isEmpty {
            // Per form: the key of a name starting with it, and whether one may (a capital): the
            // names' keys are chains of the forms' lower-case hashes.
            let starts = forms.map { NERGazetteer.key(NERGazetteer.chainStart, $0) }
            let capitals = forms.map { $0.flags.contains(.hasCapital) }
            let lowers = forms.map(\.lower)
            capitals.withUnsafeBufferPointer { capitals in
            starts.withUnsafeBufferPointer { starts in
                lowers.withUnsafeBufferPointer { lowers in
                    wordIDs.withUnsafeBufferPointer { ids in
                        bits.withUnsafeMutableBufferPointer { bits in
                            gazetteer.mark(starts: starts, capitals: capitals, lowers: lowers, ids, sentences, into: bits)
                        }
                    }
                }
            }
            }
        }
        self.gazetteerBits = bits
        // The lower-case forms, numbered in order of first appearance among the word forms.
        var lowerNumbers = FlatHashMap<Int32>(capacity: forms.count)
        var lowerOfWord: [Int32] = []
        lowerOfWord.reserveCapacity(forms.count)
        for x in forms {
            let count = Int32(lowerNumbers.count)
            lowerOfWord.append(lowerNumbers.value(of: x.lower, insertingIfAbsent: count))
        }
        self.lowerOfWord = lowerOfWord
        self.lowerCount = lowerNumbers.count
        (self.context, self.seenOfLower) = NERDocument.context(forms, wordIDs, lowerOfWord, lowerCount: lowerNumbers.count, sentences: sentences)
    }

    /// The `context` bits of every token, and the `seenOfLower` bits (see there).
    private static func context(_ forms: [NERLexeme], _ wordIDs: [Int32], _ lowerOfWord: [Int32], lowerCount: Int,
                                sentences: [Range<Int>]) -> (context: [UInt8], seen: [UInt8]) {
        let n = wordIDs.count
        var context = [UInt8].filled(with: 0, count: n)
        // How each lower-case form is written mid-sentence outside headlines: tells "Tuesday"
        // (always capitalised) from "Then" (a capital only at the start of a sentence).
        var seen = [UInt8].filled(with: 0, count: lowerCount)
        var anySeen = false
        forms.withUnsafeBufferPointer { forms in
            wordIDs.withUnsafeBufferPointer { ids in
                for sentence in sentences where !sentence.isEmpty {
                    context[sentence.lowerBound] |= NERDocument.first
                    context[sentence.upperBound - 1] |= NERDocument.last
                    var letterTokens = 0, capitalTokens = 0
                    for i in sentence {
                        let x = forms[Int(ids[i])]
                        if x.flags.contains(.hasLetter) && x.length > 1 {
                            letterTokens += 1
                            if x.flags.contains(.allCapitals) { capitalTokens += 1 }
                        }
                    }
                    let isCaps = letterTokens >= 2 && capitalTokens * 10 >= letterTokens * 7
                    if isCaps {
                        for i in sentence { context[i] |= NERDocument.capsSentence }
                    } else {
                        for i in sentence where i != sentence.lowerBound {
                            let word = Int(ids[i])
                            let f = forms[word].flags
                            guard f.contains(.hasLetter) else { continue }
                            let bit: UInt8 = f.contains(.initialCapital) ? NERDocument.seenCapital : (f.contains(.allCapitals) ? 0 : NERDocument.seenLower)
                            if bit != 0 { seen[Int(lowerOfWord[word])] |= bit; anySeen = true }
                        }
                    }
                }
                if anySeen {
                    for i in 0..<n {
                        let word = Int(ids[i])
                        if forms[word].flags.contains(.hasLetter) { context[i] |= seen[Int(lowerOfWord[word])] }
                    }
                }
            }
        }
        return (context, seen)
    }
}

/// Where the hashes of feature templates go: an array of hashes (training keeps them) or a
/// running score vector (tagging adds the weight row of each hash at once).
package protocol NERFeatureSink {
    mutating func add(_ feature: UInt64)
}

extension Array: NERFeatureSink where Element == UInt64 {
    @inline(__always)
    package mutating func add(_ feature: UInt64) { append(feature) }
}

/// The parts of the feature hashes that depend on one word alone, mixed once per distinct word.
///
/// A conjunction `mix(mix(template, a), b)` of two tokens' values starts with `mix(template, a)`,
/// which depends only on the first token: the tagger keeps these per distinct word of the
/// document, so a conjunction costs one mix per token instead of two.
struct NERWordHashes: Sendable {
    var lower: UInt64, shape: UInt64
    /// `flags & (initialCapital | particle)`, and `flags & (initialCapital | allCapitals)`.
    var particleBits: UInt64, capitalBits: UInt64
    /// As the previous token: templates 19, 21, 23, 35. As the one before: 27.
    var previousShape: UInt64, previousLower: UInt64, previousLowerShape: UInt64, previousSuffix: UInt64
    var secondPreviousShape: UInt64
    /// As the current token: templates 20, 22, 24, 28.
    var currentShape: UInt64, currentLower: UInt64, currentShapeLower: UInt64, currentShapeShapes: UInt64
    /// As the next token: template 36.
    var nextSuffix: UInt64

    @inline(__always)
    init(_ x: NERLexeme) {
        let m = NERHash.mix
        lower = x.lower; shape = x.shape
        particleBits = UInt64(x.flags.rawValue & 0x21); capitalBits = UInt64(x.flags.rawValue & 0x3)
        previousShape = m(19, x.shape); previousLower = m(21, x.lower); previousLowerShape = m(23, x.lower)
        previousSuffix = m(35, x.suffix.2); secondPreviousShape = m(27, x.shape)
        currentShape = m(20, x.shape); currentLower = m(22, x.lower); currentShapeLower = m(24, x.shape)
        currentShapeShapes = m(28, x.shape)
        nextSuffix = m(36, x.suffix.2)
    }
}

/// The feature templates: which facts about a token and its neighbours the model weighs.
///
/// Static features depend only on the text and are scored once per token; dynamic ones depend
/// on the labels already given (the previous two labels, and what the same word was labelled
/// earlier in the document — Ratinov & Roth's "prediction history", which makes a name tagged
/// once tagged the same way again).
///
/// The static templates come in groups by what they read, so the tagger can score the groups
/// that read one word alone once per distinct word: `wordFeatures` (the token itself),
/// `previousFeatures`, `nextFeatures`, `secondPreviousFeatures`, `secondNextFeatures` (one
/// neighbour), and `contextFeatures` (conjunctions of neighbours, position, gazetteer).
package enum NERFeatures {
    /// Bumped whenever a template changes meaning; a model records the version it was trained with.
    static let version: UInt32 = 2

    /// Hashes of the static features of token `t`, every group.
    @inline(__always)
    package static func staticFeatures<Sink: NERFeatureSink>(_ doc: NERDocument, _ t: Int, sentence: Range<Int>, into out: inout Sink) {
        let lx = doc.lexemes
        let none = NERLexeme.none
        let hasP1 = t - 1 >= sentence.lowerBound, hasN1 = t + 1 < sentence.upperBound
        let p1 = hasP1 ? lx[t - 1] : none
        let p2 = t - 2 >= sentence.lowerBound ? lx[t - 2] : none
        let n1 = hasN1 ? lx[t + 1] : none
        let n2 = t + 2 < sentence.upperBound ? lx[t + 2] : none
        wordFeatures(lx[t], into: &out)
        previousFeatures(p1, edge: !hasP1, into: &out)
        nextFeatures(n1, edge: !hasN1, into: &out)
        secondPreviousFeatures(p2, into: &out)
        secondNextFeatures(n2, into: &out)
        contextFeatures(p2: NERWordHashes(p2), p1: NERWordHashes(p1), c: NERWordHashes(lx[t]), n1: NERWordHashes(n1), n2: NERWordHashes(n2),
                        context: doc.context[t], gazetteer: doc.gazetteerBits[t], into: &out)
    }

    /// Features of the token's own form: bias, word, lower case, shape, prefixes, suffixes, length.
    @inline(__always)
    static func wordFeatures<Sink: NERFeatureSink>(_ c: NERLexeme, into out: inout Sink) {
        let m = NERHash.mix, m3 = NERHash.mix3
        out.add(m(1, 0))
        out.add(m(2, c.word))
        out.add(m(3, c.lower))
        out.add(m(4, c.shape))
        if c.prefix.0 != 0 { out.add(m(5, c.prefix.0)) }
        if c.prefix.1 != 0 { out.add(m(6, c.prefix.1)) }
        if c.prefix.2 != 0 { out.add(m(7, c.prefix.2)) }
        if c.prefix.3 != 0 { out.add(m(8, c.prefix.3)) }
        if c.suffix.0 != 0 { out.add(m(9, c.suffix.0)) }
        if c.suffix.1 != 0 { out.add(m(10, c.suffix.1)) }
        if c.suffix.2 != 0 { out.add(m(11, c.suffix.2)) }
        if c.suffix.3 != 0 { out.add(m(12, c.suffix.3)) }
        out.add(m3(34, UInt64(min(c.length, 12)), c.shape))
    }

    /// Features of the previous token; `edge` when there is none (`p1` is then `NERLexeme.none`).
    @inline(__always)
    static func previousFeatures<Sink: NERFeatureSink>(_ p1: NERLexeme, edge: Bool, into out: inout Sink) {
        let m = NERHash.mix
        let e: UInt64 = edge ? 1 : 0
        out.add(m(13, p1.lower &+ e))
        out.add(m(17, p1.shape &+ e))
        out.add(m(25, p1.word))
    }

    /// Features of the next token; `edge` when there is none (`n1` is then `NERLexeme.none`).
    @inline(__always)
    static func nextFeatures<Sink: NERFeatureSink>(_ n1: NERLexeme, edge: Bool, into out: inout Sink) {
        let m = NERHash.mix
        let e: UInt64 = edge ? 1 : 0
        out.add(m(14, n1.lower &+ e))
        out.add(m(18, n1.shape &+ e))
        out.add(m(26, n1.word))
    }

    @inline(__always)
    static func secondPreviousFeatures<Sink: NERFeatureSink>(_ p2: NERLexeme, into out: inout Sink) {
        out.add(NERHash.mix(15, p2.lower))
    }

    @inline(__always)
    static func secondNextFeatures<Sink: NERFeatureSink>(_ n2: NERLexeme, into out: inout Sink) {
        out.add(NERHash.mix(16, n2.lower))
    }

    /// Conjunctions of neighbours, sentence position, headline, how the word is written
    /// elsewhere, name particles and gazetteer matches (`NERWordHashes.init(NERLexeme.none)` for
    /// missing neighbours): `neighbourFeatures`, `positionFeatures`, `particleAndGazetteerFeatures`.
    @inline(__always)
    static func contextFeatures<Sink: NERFeatureSink>(p2: NERWordHashes, p1: NERWordHashes, c: NERWordHashes, n1: NERWordHashes, n2: NERWordHashes,
                                                      context ctx: UInt8, gazetteer: UInt16, into out: inout Sink) {
        neighbourFeatures(p2: p2, p1: p1, c: c, n1: n1, n2: n2, into: &out)
        positionFeatures(p1: p1, c: c, context: ctx, into: &out)
        particleAndGazetteerFeatures(p1: p1, c: c, n1: n1, gazetteer: gazetteer, into: &out)
    }

    /// The token's shape and lower-case form joined with its neighbours'.
    @inline(__always)
    static func neighbourFeatures<Sink: NERFeatureSink>(p2: NERWordHashes, p1: NERWordHashes, c: NERWordHashes, n1: NERWordHashes, n2: NERWordHashes,
                                                        into out: inout Sink) {
        let m = NERHash.mix
        out.add(m(p1.previousShape, c.shape))          // 19
        out.add(m(c.currentShape, n1.shape))           // 20
        out.add(m(p1.previousLower, c.lower))          // 21
        out.add(m(c.currentLower, n1.lower))           // 22
        out.add(m(p1.previousLowerShape, c.shape))     // 23
        out.add(m(c.currentShapeLower, n1.lower))      // 24
        out.add(m(m(p2.secondPreviousShape, p1.shape), c.shape))  // 27
        out.add(m(m(c.currentShapeShapes, n1.shape), n2.shape))   // 28
    }

    /// Sentence position, headline, and how the word is written elsewhere in the document. For a
    /// token neither first in its sentence nor in a headline these read the word alone (its
    /// shape, capitals and `seen` bits): the tagger sums them once per word (`NERTagger.Block.plain`).
    @inline(__always)
    static func positionFeatures<Sink: NERFeatureSink>(p1: NERWordHashes, c: NERWordHashes, context ctx: UInt8, into out: inout Sink) {
        let m = NERHash.mix, m3 = NERHash.mix3
        // Position and headline: a capital means less at the start of a sentence or in a headline.
        let position = UInt64(ctx & (NERDocument.first | NERDocument.capsSentence))
        out.add(m3(29, position, c.shape))
        if ctx & NERDocument.capsSentence != 0 {
            out.add(m(30, c.lower))
            out.add(m3(31, p1.lower, c.lower))
        }
        // How the word is written elsewhere in the document, with where this occurrence sits.
        let seen = UInt64(ctx & (NERDocument.seenLower | NERDocument.seenCapital | NERDocument.first | NERDocument.capsSentence))
        out.add(m3(32, seen, c.capitalBits))
    }

    /// Name particles around the token, suffixes of its neighbours, and the gazetteer names that cover it.
    @inline(__always)
    static func particleAndGazetteerFeatures<Sink: NERFeatureSink>(p1: NERWordHashes, c: NERWordHashes, n1: NERWordHashes, gazetteer: UInt16,
                                                                   into out: inout Sink) {
        particleFeatures(p1: p1.particleBits, c: c.particleBits, n1: n1.particleBits, into: &out)
        suffixFeatures(p1: p1, c: c, n1: n1, into: &out)
        // Names of the training data that cover this token, with where the token sits in them.
        var g = gazetteer
        while g != 0 {
            gazetteerFeatures(bit: g.trailingZeroBitCount, into: &out)
            g &= g - 1
        }
    }

    /// Name particles and their neighbours: "bin Laden", "Abu Mohammed al-Julani" (template 33;
    /// each argument is a word's `NERWordHashes.particleBits`, one of 0, 1, 32, 33).
    @inline(__always)
    static func particleFeatures<Sink: NERFeatureSink>(p1: UInt64, c: UInt64, n1: UInt64, into out: inout Sink) {
        out.add(NERHash.mix(33, p1 | c << 8 | n1 << 16))
    }

    /// The neighbours' suffixes with the token's shape (templates 35, 36).
    @inline(__always)
    static func suffixFeatures<Sink: NERFeatureSink>(p1: NERWordHashes, c: NERWordHashes, n1: NERWordHashes, into out: inout Sink) {
        out.add(NERHash.mix(p1.previousSuffix, c.shape))         // 35
        out.add(NERHash.mix(n1.nextSuffix, c.shape))             // 36
    }

    /// One gazetteer match bit of the token (template 37; `NERDocument.gazetteerBits`).
    @inline(__always)
    static func gazetteerFeatures<Sink: NERFeatureSink>(bit: Int, into out: inout Sink) {
        out.add(NERHash.mix(37, UInt64(bit)))
    }

    /// Hashes of the label templates: "the previous label was `p1`" and "the two previous were
    /// `p2` `p1`" (17 stands for the sentence start).
    @inline(__always)
    static func labelFeatures<Sink: NERFeatureSink>(p1: UInt8, p2: UInt8, into out: inout Sink) {
        let m = NERHash.mix
        out.add(m(101, UInt64(p1)))
        out.add(m(102, UInt64(p2) << 8 | UInt64(p1)))
    }

    /// The previous label with the token's shape and with its lower-case form.
    @inline(__always)
    static func labelWordFeatures<Sink: NERFeatureSink>(p1: UInt8, shape: UInt64, lower: UInt64, into out: inout Sink) {
        let m3 = NERHash.mix3
        out.add(m3(103, UInt64(p1), shape))
        out.add(m3(104, UInt64(p1), lower))
    }

    /// The prediction history of the word (see `NERHistory.value`), alone and with the shape.
    @inline(__always)
    static func historyFeatures<Sink: NERFeatureSink>(history: UInt8, shape: UInt64, into out: inout Sink) {
        guard history != 0 else { return }
        historyAloneFeatures(history: history, into: &out)
        historyShapeFeatures(history: history, shape: shape, into: &out)
    }

    /// The prediction history with the word's shape (template 106).
    @inline(__always)
    static func historyShapeFeatures<Sink: NERFeatureSink>(history: UInt8, shape: UInt64, into out: inout Sink) {
        out.add(NERHash.mix3(106, UInt64(history), shape))
    }

    /// The prediction history alone (template 105; `history` 1...5).
    @inline(__always)
    static func historyAloneFeatures<Sink: NERFeatureSink>(history: UInt8, into out: inout Sink) {
        out.add(NERHash.mix(105, UInt64(history)))
    }

    /// Hash of "the previous label was `p1`" and related templates; `history` is the entity type
    /// the same word was given most often earlier in the document (0 none, 1 O, 2... type + 2).
    @inline(__always)
    package static func dynamicFeatures<Sink: NERFeatureSink>(_ doc: NERDocument, _ t: Int, p1: UInt8, p2: UInt8, history: UInt8, into out: inout Sink) {
        let c = doc.lexemes[t]
        labelFeatures(p1: p1, p2: p2, into: &out)
        labelWordFeatures(p1: p1, shape: c.shape, lower: c.lower, into: &out)
        historyFeatures(history: history, shape: c.shape, into: &out)
    }
}

/// Per document memory of the entity types the tagger gave each word so far.
///
/// Keyed by the lower-case form of words with a capital (`NERDocument.lowerIDs`), so a headline
/// "SYRIA" and "Syria" in the body share their history.
package struct NERHistory {
    /// Per lower-case form: how often it was labelled O, PER, ORG, LOC, MISC.
    private var counts: [(UInt16, UInt16, UInt16, UInt16, UInt16)]
    /// Per lower-case form: the current `value` (0 until a label is recorded).
    private var values: [UInt8]

    package init(_ document: NERDocument) {
        counts = Array(repeating: (0, 0, 0, 0, 0), count: document.lowerCount)
        values = [UInt8](repeating: 0, count: document.lowerCount)
    }

    /// The history value for token `t`: 0 when its word was never seen, else 1 + the most
    /// frequent class (0 O, 1 PER, 2 ORG, 3 LOC, 4 MISC).
    @inline(__always)
    package func value(_ document: NERDocument, _ t: Int) -> UInt8 {
        let word = Int(document.wordIDs[t])
        return value(word: word, flags: document.forms[word].flags, lower: document.lowerOfWord[word])
    }

    /// `value(_:_:)` for a token of the word form with these flags and lower-case number.
    @inline(__always)
    func value(word: Int, flags: NERLexeme.Flags, lower: Int32) -> UInt8 {
        guard flags.contains(.hasLetter) else { return 0 }
        return values[Int(lower)]
    }

    /// Records the label given to a token whose word starts with a capital (lower-case words
    /// carry no name evidence worth remembering).
    @inline(__always)
    package mutating func record(_ document: NERDocument, _ t: Int, label: UInt8) {
        let word = Int(document.wordIDs[t])
        record(flags: document.forms[word].flags, lower: document.lowerOfWord[word], label: label)
    }

    /// `record(_:_:label:)` for a token of the word form with these flags and lower-case number.
    @inline(__always)
    mutating func record(flags: NERLexeme.Flags, lower: Int32, label: UInt8) {
        guard flags.contains(.initialCapital) else { return }
        let id = Int(lower)
        var c = counts[id]
        switch NERLabel.type(label) {
        case 0: c.1 &+= 1
        case 1: c.2 &+= 1
        case 2: c.3 &+= 1
        case 3: c.4 &+= 1
        default: c.0 &+= 1
        }
        counts[id] = c
        var best: UInt16 = c.0, cls: UInt8 = 0
        if c.1 > best { best = c.1; cls = 1 }
        if c.2 > best { best = c.2; cls = 2 }
        if c.3 > best { best = c.3; cls = 3 }
        if c.4 > best { best = c.4; cls = 4 }
        values[id] = cls + 1
    }
}

/// Names seen in the training data, by type: a set of hashed lower-case token sequences.
///
/// Built by the trainer from the gold entities (up to four tokens each). While training, each
/// document is matched against a gazetteer built from the other folds of the data only, so the
/// model learns how far to trust a match on names it has not seen.
public struct NERGazetteer: Sendable {
    /// Type bits (1 << type index) by hash of the lower-case token sequence.
    private(set) var entries = NERKeyTable()
    /// The keys' filter (`KeyFilter`, 32 KiB): `mark` tries up to four chains for every
    /// capitalised token and most name no entry; the filter turns most of those away before the
    /// table (about 1 MiB of keys for the shipped model, mostly out of cache) is read.
    private var filter = KeyFilter(bits: 18)
    static let longest = 4

    package init() {}

    /// A gazetteer with room for `capacity` names.
    init(capacity: Int) { entries = NERKeyTable(capacity: capacity) }

    /// Sets the type bits of a name's key (`key(_:_:)` chain).
    mutating func set(_ key: UInt64, types: UInt8) {
        entries[key] = types
        filter.insert(key)
    }

    var isEmpty: Bool { entries.count == 0 }
    package var count: Int { entries.count }

    @inline(__always)
    static func key(_ h: UInt64, _ lexeme: NERLexeme) -> UInt64 { NERHash.mix(h, lexeme.lower) }

    /// The key chain's start: a name's key is `key(key(chainStart, first), second)…`.
    static let chainStart: UInt64 = 0x5A5A

    package mutating func add(_ lexemes: ArraySlice<NERLexeme>, type: Int) {
        guard lexemes.count <= NERGazetteer.longest else { return }
        var h = NERGazetteer.chainStart
        for l in lexemes { h = NERGazetteer.key(h, l) }
        set(h, types: (entries[h] ?? 0) | UInt8(1 << type))
    }

    /// Sets the match bits of every token of `sentences` covered by a gazetteer name starting
    /// with a capitalised token. Per word form: `starts` the key of a name starting with it,
    /// `capitals` whether it has a capital, `lowers` its lower-case hash; `ids` the form of each token.
    ///
    /// Two passes: the keys of every candidate name (a capitalised token and the up to three
    /// tokens after it, in its sentence) that pass the filter are gathered and their table slots
    /// prefetched, then looked up. Looked up one by one, most of them waited on a table slot out
    /// of cache.
    func mark(starts: UnsafeBufferPointer<UInt64>, capitals: UnsafeBufferPointer<Bool>, lowers: UnsafeBufferPointer<UInt64>,
              _ ids: UnsafeBufferPointer<Int32>, _ sentences: [Range<Int>], into bits: UnsafeMutableBufferPointer<UInt16>) {
        // Per candidate: its key, and its first token times 8 plus its length (1...4).
        var keys: [UInt64] = [], places: [Int] = []
        for sentence in sentences {
            for i in sentence where capitals[Int(ids[i])] {
                var h = starts[Int(ids[i])]
                var length = 1
                while true {
                    if filter.mayContain(h) {
                        entries.prefetch(h)
                        keys.append(h); places.append(i &* 8 &+ length)
                    }
                    guard length < NERGazetteer.longest && i + length < sentence.upperBound else { break }
                    h = NERHash.mix(h, lowers[Int(ids[i + length])])
                    length += 1
                }
            }
        }
        for (h, place) in zip(keys, places) {
            guard let types = entries[h] else { continue }
            let i = place >> 3, length = place & 7
            for type in 0..<4 where types & (1 << type) != 0 {
                let base = UInt16(4 * type)
                if length == 1 { bits[i] |= 1 << (base + 3); continue }
                bits[i] |= 1 << base
                for k in (i + 1)..<(i + length - 1) { bits[k] |= 1 << (base + 1) }
                bits[i + length - 1] |= 1 << (base + 2)
            }
        }
    }
}
