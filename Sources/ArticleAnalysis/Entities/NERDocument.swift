/// One document as the tagger sees it: the lexemes of its tokens, its sentences, and the
/// document-level facts the features use.
///
/// Training (CoNLL tokens) and analysis (tokens of an article) both build this, so the features
/// are computed by one piece of code and cannot drift apart.
struct NERDocument: Sendable {
    var lexemes: [NERLexeme]
    /// Token ranges of the sentences, in order, covering every token.
    var sentences: [Range<Int>]
    /// Per token: bit 0 first of its sentence, bit 1 last, bit 2 in an all-capitals sentence
    /// (a headline), bits 3-4 how the same word is written elsewhere in the document mid-sentence
    /// (bit 3: in lower case, bit 4: capitalised).
    var context: [UInt8]

    static let first: UInt8 = 1, last: UInt8 = 2, capsSentence: UInt8 = 4, seenLower: UInt8 = 8, seenCapital: UInt8 = 16

    /// Builds the document from the scalars of each token, grouped by sentence.
    /// Per token: gazetteer matches, bit `4 * type + position` (BILU) for every name of the
    /// gazetteer that covers the token.
    var gazetteerBits: [UInt16]

    init(lexemes: [NERLexeme], sentences: [Range<Int>], gazetteer: NERGazetteer? = nil) {
        self.lexemes = lexemes
        self.sentences = sentences
        var bits = [UInt16](repeating: 0, count: lexemes.count)
        if let gazetteer, !gazetteer.isEmpty {
            for sentence in sentences { gazetteer.mark(lexemes, sentence, into: &bits) }
        }
        self.gazetteerBits = bits
        var context = [UInt8](repeating: 0, count: lexemes.count)
        // How each lower-case form is written mid-sentence outside headlines: tells "Tuesday"
        // (always capitalised) from "Then" (a capital only at the start of a sentence).
        var seen: [UInt64: UInt8] = [:]
        for sentence in sentences where !sentence.isEmpty {
            context[sentence.lowerBound] |= NERDocument.first
            context[sentence.upperBound - 1] |= NERDocument.last
            var letterTokens = 0, capitalTokens = 0
            for i in sentence {
                let f = lexemes[i].flags
                if f.contains(.hasLetter) && lexemes[i].length > 1 {
                    letterTokens += 1
                    if f.contains(.allCapitals) { capitalTokens += 1 }
                }
            }
            let isCaps = letterTokens >= 2 && capitalTokens * 10 >= letterTokens * 7
            if isCaps {
                for i in sentence { context[i] |= NERDocument.capsSentence }
            } else {
                for i in sentence where i != sentence.lowerBound && lexemes[i].flags.contains(.hasLetter) {
                    let f = lexemes[i].flags
                    let bit: UInt8 = f.contains(.initialCapital) ? NERDocument.seenCapital : (f.contains(.allCapitals) ? 0 : NERDocument.seenLower)
                    if bit != 0 { seen[lexemes[i].lower, default: 0] |= bit }
                }
            }
        }
        if !seen.isEmpty {
            for i in lexemes.indices where lexemes[i].flags.contains(.hasLetter) {
                context[i] |= seen[lexemes[i].lower] ?? 0
            }
        }
        self.context = context
    }
}

/// The feature templates: which facts about a token and its neighbours the model weighs.
///
/// Static features depend only on the text and are scored once per token; dynamic ones depend
/// on the labels already given (the previous two labels, and what the same word was labelled
/// earlier in the document — Ratinov & Roth's "prediction history", which makes a name tagged
/// once tagged the same way again).
enum NERFeatures {
    /// Bumped whenever a template changes meaning; a model records the version it was trained with.
    static let version: UInt32 = 2

    /// Appends the hashes of the static features of token `t` to `out`.
    @inline(__always)
    static func staticFeatures(_ doc: NERDocument, _ t: Int, sentence: Range<Int>, into out: inout [UInt64]) {
        let lx = doc.lexemes
        let c = lx[t]
        let ctx = doc.context[t]
        let none = NERLexeme.none
        let p1 = t - 1 >= sentence.lowerBound ? lx[t - 1] : none
        let p2 = t - 2 >= sentence.lowerBound ? lx[t - 2] : none
        let n1 = t + 1 < sentence.upperBound ? lx[t + 1] : none
        let n2 = t + 2 < sentence.upperBound ? lx[t + 2] : none
        let edgeP1: UInt64 = t - 1 >= sentence.lowerBound ? 0 : 1
        let edgeN1: UInt64 = t + 1 < sentence.upperBound ? 0 : 1
        let m = NERHash.mix, m3 = NERHash.mix3
        out.append(m(1, 0))
        out.append(m(2, c.word))
        out.append(m(3, c.lower))
        out.append(m(4, c.shape))
        if c.prefix.0 != 0 { out.append(m(5, c.prefix.0)) }
        if c.prefix.1 != 0 { out.append(m(6, c.prefix.1)) }
        if c.prefix.2 != 0 { out.append(m(7, c.prefix.2)) }
        if c.prefix.3 != 0 { out.append(m(8, c.prefix.3)) }
        if c.suffix.0 != 0 { out.append(m(9, c.suffix.0)) }
        if c.suffix.1 != 0 { out.append(m(10, c.suffix.1)) }
        if c.suffix.2 != 0 { out.append(m(11, c.suffix.2)) }
        if c.suffix.3 != 0 { out.append(m(12, c.suffix.3)) }
        out.append(m(13, p1.lower &+ edgeP1))
        out.append(m(14, n1.lower &+ edgeN1))
        out.append(m(15, p2.lower))
        out.append(m(16, n2.lower))
        out.append(m(17, p1.shape &+ edgeP1))
        out.append(m(18, n1.shape &+ edgeN1))
        out.append(m3(19, p1.shape, c.shape))
        out.append(m3(20, c.shape, n1.shape))
        out.append(m3(21, p1.lower, c.lower))
        out.append(m3(22, c.lower, n1.lower))
        out.append(m3(23, p1.lower, c.shape))
        out.append(m3(24, c.shape, n1.lower))
        out.append(m(25, p1.word))
        out.append(m(26, n1.word))
        out.append(m3(m(27, p2.shape), p1.shape, c.shape))
        out.append(m3(m(28, c.shape), n1.shape, n2.shape))
        // Position and headline: a capital means less at the start of a sentence or in a headline.
        let position = UInt64(ctx & (NERDocument.first | NERDocument.capsSentence))
        out.append(m3(29, position, c.shape))
        if ctx & NERDocument.capsSentence != 0 {
            out.append(m(30, c.lower))
            out.append(m3(31, p1.lower, c.lower))
        }
        // How the word is written elsewhere in the document, with where this occurrence sits.
        let seen = UInt64(ctx & (NERDocument.seenLower | NERDocument.seenCapital | NERDocument.first | NERDocument.capsSentence))
        out.append(m3(32, seen, UInt64(c.flags.rawValue & 0x3)))
        // Name particles and their neighbours: "bin Laden", "Abu Mohammed al-Julani".
        let particles = UInt64(p1.flags.rawValue & 0x21) | UInt64(c.flags.rawValue & 0x21) << 8 | UInt64(n1.flags.rawValue & 0x21) << 16
        out.append(m(33, particles))
        out.append(m3(34, UInt64(min(c.length, 12)), c.shape))
        out.append(m3(35, p1.suffix.2, c.shape))
        out.append(m3(36, n1.suffix.2, c.shape))
        // Names of the training data that cover this token, with where the token sits in them.
        var g = doc.gazetteerBits[t]
        while g != 0 {
            let bit = UInt64(g.trailingZeroBitCount)
            out.append(m(37, bit))
            g &= g - 1
        }
    }

    /// Hash of "the previous label was `p1`" and related templates; `history` is the entity type
    /// the same word was given most often earlier in the document (0 none, 1 O, 2... type + 2).
    @inline(__always)
    static func dynamicFeatures(_ doc: NERDocument, _ t: Int, p1: UInt8, p2: UInt8, history: UInt8, into out: inout [UInt64]) {
        let c = doc.lexemes[t]
        let m = NERHash.mix, m3 = NERHash.mix3
        out.append(m(101, UInt64(p1)))
        out.append(m(102, UInt64(p2) << 8 | UInt64(p1)))
        out.append(m3(103, UInt64(p1), c.shape))
        out.append(m3(104, UInt64(p1), c.lower))
        if history != 0 {
            out.append(m(105, UInt64(history)))
            out.append(m3(106, UInt64(history), c.shape))
        }
    }
}

/// Per document memory of the entity types the tagger gave each word so far.
///
/// Keyed by the lower-case form of words with a capital, so a headline "SYRIA" and "Syria" in the
/// body share their history.
struct NERHistory {
    private var counts: [UInt64: (UInt16, UInt16, UInt16, UInt16, UInt16)] = [:]

    init() {}

    /// The history value for `lexeme`: 0 when never seen, else 1 + the most frequent class
    /// (0 O, 1 PER, 2 ORG, 3 LOC, 4 MISC).
    @inline(__always)
    func value(_ lexeme: NERLexeme) -> UInt8 {
        guard lexeme.flags.contains(.hasLetter), let c = counts[lexeme.lower] else { return 0 }
        var best: UInt16 = c.0, cls: UInt8 = 0
        if c.1 > best { best = c.1; cls = 1 }
        if c.2 > best { best = c.2; cls = 2 }
        if c.3 > best { best = c.3; cls = 3 }
        if c.4 > best { best = c.4; cls = 4 }
        return cls + 1
    }

    /// Records the label given to a word that starts with a capital (lower-case words carry no
    /// name evidence worth remembering).
    @inline(__always)
    mutating func record(_ lexeme: NERLexeme, label: UInt8) {
        guard lexeme.flags.contains(.initialCapital) else { return }
        let type = NERLabel.type(label)
        var c = counts[lexeme.lower] ?? (0, 0, 0, 0, 0)
        switch type {
        case 0: c.1 &+= 1
        case 1: c.2 &+= 1
        case 2: c.3 &+= 1
        case 3: c.4 &+= 1
        default: c.0 &+= 1
        }
        counts[lexeme.lower] = c
    }
}

/// Names seen in the training data, by type: a set of hashed lower-case token sequences.
///
/// Built by the trainer from the gold entities (up to four tokens each). While training, each
/// document is matched against a gazetteer built from the other folds of the data only, so the
/// model learns how far to trust a match on names it has not seen.
public struct NERGazetteer: Sendable {
    /// Type bits (1 << type index) by hash of the lower-case token sequence.
    var entries: [UInt64: UInt8] = [:]
    static let longest = 4

    init() {}

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    @inline(__always)
    static func key(_ h: UInt64, _ lexeme: NERLexeme) -> UInt64 { NERHash.mix(h, lexeme.lower) }

    mutating func add(_ lexemes: ArraySlice<NERLexeme>, type: Int) {
        guard lexemes.count <= NERGazetteer.longest else { return }
        var h: UInt64 = 0x5A5A
        for l in lexemes { h = NERGazetteer.key(h, l) }
        entries[h, default: 0] |= UInt8(1 << type)
    }

    /// Sets the match bits of every token of `sentence` covered by a gazetteer name starting
    /// with a capitalised token.
    func mark(_ lexemes: [NERLexeme], _ sentence: Range<Int>, into bits: inout [UInt16]) {
        for i in sentence where lexemes[i].flags.contains(.hasCapital) {
            var h: UInt64 = 0x5A5A
            var length = 0
            while length < NERGazetteer.longest && i + length < sentence.upperBound {
                h = NERGazetteer.key(h, lexemes[i + length])
                length += 1
                guard let types = entries[h] else { continue }
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
}
