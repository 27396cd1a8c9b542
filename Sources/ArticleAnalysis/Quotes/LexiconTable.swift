/// The word lists of `SpeechLexicon` as bits per word, looked up once per token.
///
/// Each word token gets a 64-bit FNV-1a key of its lower-cased scalars while it is tokenised; a
/// small open-addressing table maps keys to the lists the word is on. One integer probe per token
/// replaces the several `Set<String>` look-ups (each a SipHash of the word) the rules would
/// otherwise make, which is most of the stage's cost.
struct LexiconFlags: OptionSet, Sendable {
    let rawValue: UInt32
    static let speechVerb = LexiconFlags(rawValue: 1 << 0)
    static let reportVerb = LexiconFlags(rawValue: 1 << 1)
    static let claimVerb = LexiconFlags(rawValue: 1 << 2)
    static let shortQuoteVerb = LexiconFlags(rawValue: 1 << 3)
    static let notName = LexiconFlags(rawValue: 1 << 4)
    static let titleWord = LexiconFlags(rawValue: 1 << 5)
    static let organizationWord = LexiconFlags(rawValue: 1 << 6)
    static let nameParticle = LexiconFlags(rawValue: 1 << 7)
    static let personRole = LexiconFlags(rawValue: 1 << 8)
    static let organizationNoun = LexiconFlags(rawValue: 1 << 9)
    static let abbreviation = LexiconFlags(rawValue: 1 << 10)
    static let notASubjectVerbBefore = LexiconFlags(rawValue: 1 << 11)
    static let titleCaseSmallWord = LexiconFlags(rawValue: 1 << 12)
    static let betweenSubjectAndVerb = LexiconFlags(rawValue: 1 << 13)
    static let personPronoun = LexiconFlags(rawValue: 1 << 14)
    static let groupPronoun = LexiconFlags(rawValue: 1 << 15)
    static let collectiveNoun = LexiconFlags(rawValue: 1 << 16)
    static let objectPreposition = LexiconFlags(rawValue: 1 << 17)
    static let phraseOpener = LexiconFlags(rawValue: 1 << 18)
    static let clauseWord = LexiconFlags(rawValue: 1 << 19)
    static let placePreposition = LexiconFlags(rawValue: 1 << 20)
    static let passiveAuxiliary = LexiconFlags(rawValue: 1 << 21)
    static let descriptionDeterminer = LexiconFlags(rawValue: 1 << 22)
}

struct LexiconTable: Sendable {
    /// Open addressing; each slot holds a key, `values` the word's flags at the same index.
    /// 0 is an empty slot.
    private var slots: [UInt64]
    private var values: [UInt32]
    private let mask: Int
    /// One bit per key hash (8192 bits, 1 KiB): most words are on no list, and this small filter
    /// answers them without touching the table, which other stages push out of the cache.
    private var filter: [UInt64]

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3
    /// Or-ed into every key, so that no key is 0 (the empty slot).
    static let keyMark: UInt64 = 0x1000

    /// FNV-1a over the scalar values.
    @inline(__always)
    static func key<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var hash = offsetBasis
        for s in scalars { hash = (hash ^ UInt64(s.value)) &* prime }
        return hash | keyMark
    }

    /// Adds the lower-cased form of `s` to an FNV-1a hash: ASCII and Latin-1 capitals folded, the
    /// typographic apostrophe as "'", other scalars by their Unicode lower-case mapping.
    @inline(__always)
    static func addLowered(_ s: Unicode.Scalar, to hash: inout UInt64) {
        var v = s.value
        if v < 0x80 {
            if v &- 0x41 < 26 { v += 32 }
        } else if v < 0x100 {
            // Latin-1: the capitals À–Þ (but ×) are their small letters less 0x20; the rest map to themselves.
            if v >= 0xC0 && v <= 0xDE && v != 0xD7 { v += 32 }
        } else if v == 0x2019 {
            v = 0x27
        } else if v >= 0x300 && v < 0x370 {
            // Combining diacritical marks map to themselves.
        } else {
            for l in s.properties.lowercaseMapping.unicodeScalars { hash = (hash ^ UInt64(l.value)) &* prime }
            return
        }
        hash = (hash ^ UInt64(v)) &* prime
    }

    /// The key of the lower-cased form of `scalars` (see `addLowered`): what `key` gives for
    /// the lower-cased word.
    @inline(__always)
    static func loweredKey<C: Collection>(_ scalars: C) -> UInt64 where C.Element == Unicode.Scalar {
        var hash = offsetBasis
        for s in scalars { addLowered(s, to: &hash) }
        return hash | keyMark
    }

    static let according = key("according".unicodeScalars)

    init(_ lists: [(Set<String>, LexiconFlags)]) {
        var capacity = 512
        let total = lists.reduce(0) { $0 + $1.0.count }
        while capacity < total * 2 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        values = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        filter = [UInt64](repeating: 0, count: 128)
        for (words, flag) in lists {
            for word in words {
                let k = Self.key(word.unicodeScalars)
                let bit = Int(truncatingIfNeeded: k >> 40) & 8191
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
                var i = Int(truncatingIfNeeded: k >> 12) & mask
                while slots[i] != 0 && slots[i] != k { i = (i + 1) & mask }
                slots[i] = k
                values[i] |= flag.rawValue
            }
        }
    }

    @inline(__always)
    func flags(_ k: UInt64) -> LexiconFlags {
        let bit = Int(truncatingIfNeeded: k >> 40) & 8191
        if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return [] }
        var i = Int(truncatingIfNeeded: k >> 12) & mask
        while true {
            let slot = slots[i]
            if slot == k { return LexiconFlags(rawValue: values[i]) }
            if slot == 0 { return [] }
            i = (i + 1) & mask
        }
    }

    static let shared = LexiconTable([
        (SpeechLexicon.speechVerbs, .speechVerb), (SpeechLexicon.reportVerbs, .reportVerb),
        (SpeechLexicon.claimVerbs, .claimVerb), (SpeechLexicon.shortQuoteVerbs, .shortQuoteVerb),
        (SpeechLexicon.notNames, .notName), (SpeechLexicon.titleWords, .titleWord),
        (SpeechLexicon.organizationWords, .organizationWord), (SpeechLexicon.nameParticles, .nameParticle),
        (SpeechLexicon.personRoles, .personRole), (SpeechLexicon.organizationNouns, .organizationNoun),
        (SpeechLexicon.abbreviations, .abbreviation), (SpeechLexicon.notASubjectVerbBefore, .notASubjectVerbBefore),
        (SpeechLexicon.titleCaseSmallWords, .titleCaseSmallWord),
        (SpeechLexicon.betweenSubjectAndVerb, .betweenSubjectAndVerb),
        (SpeechLexicon.personPronouns, .personPronoun), (SpeechLexicon.groupPronouns, .groupPronoun),
        (SpeechLexicon.collectiveNouns, .collectiveNoun), (SpeechLexicon.objectPrepositions, .objectPreposition),
        (SpeechLexicon.phraseOpeners, .phraseOpener), (SpeechLexicon.clauseWords, .clauseWord),
        (SpeechLexicon.placePrepositions, .placePreposition), (SpeechLexicon.passiveAuxiliaries, .passiveAuxiliary),
        (SpeechLexicon.descriptionDeterminers, .descriptionDeterminer),
    ])
}

/// Keys (`LexiconTable.key`) of single words the rules compare tokens with.
enum QuoteKeys {
    static let that = LexiconTable.key("that".unicodeScalars)
    static let to = LexiconTable.key("to".unicodeScalars)
    static let of = LexiconTable.key("of".unicodeScalars)
    static let `for` = LexiconTable.key("for".unicodeScalars)
    static let on = LexiconTable.key("on".unicodeScalars)
    static let the = LexiconTable.key("the".unicodeScalars)
    static let a = LexiconTable.key("a".unicodeScalars)
    static let an = LexiconTable.key("an".unicodeScalars)
    static let by = LexiconTable.key("by".unicodeScalars)
    static let `as` = LexiconTable.key("as".unicodeScalars)
    static let it = LexiconTable.key("it".unicodeScalars)
    static let they = LexiconTable.key("they".unicodeScalars)
    static let i = LexiconTable.key("i".unicodeScalars)
    static let we = LexiconTable.key("we".unicodeScalars)
    static let from = LexiconTable.key("from".unicodeScalars)
    static let at = LexiconTable.key("at".unicodeScalars)
    static let who = LexiconTable.key("who".unicodeScalars)
    static let which = LexiconTable.key("which".unicodeScalars)
    static let whose = LexiconTable.key("whose".unicodeScalars)
    static let `where` = LexiconTable.key("where".unicodeScalars)
    static let told = LexiconTable.key("told".unicodeScalars)
    static let tells = LexiconTable.key("tells".unicodeScalars)
}
