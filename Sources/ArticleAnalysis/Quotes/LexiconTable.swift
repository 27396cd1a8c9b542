/// The word lists of `SpeechLexicon` as bits per word, looked up once per token.
///
/// Each word token gets a 64-bit key of its lower-cased scalars (`WordHash`) while it is
/// tokenised; a `FlatHashMap` maps keys to the lists the word is on. One integer probe per token
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
    /// The flags of each listed word, by key.
    private var table = FlatHashMap<UInt32>()
    /// 8192 bits (1 KiB): most words are on no list, and this small filter answers them without
    /// touching the table, which other stages push out of the cache.
    private var filter = KeyFilter(bits: 13)

    /// The key of a word (`WordHash`: FNV-1a of the lower-cased scalars, "’" as "'"), or of
    /// a mark token (its scalar as it is).
    @inline(__always)
    static func key<C: Collection>(_ scalars: C) -> UInt64 where C.Element == Unicode.Scalar {
        var hash = FNV1a.offsetBasis
        for s in scalars { hash = FNV1a.step(hash, WordHash.fold(s)) }
        return hash
    }

    static let according = key("according".unicodeScalars)

    init(_ lists: [(Set<String>, LexiconFlags)]) {
        for (words, flag) in lists {
            for word in words {
                let k = Self.key(word.unicodeScalars)
                filter.insert(k)
                _ = table.update(k, insertingIfAbsent: flag.rawValue) { $0 |= flag.rawValue }
            }
        }
    }

    @inline(__always)
    func flags(_ k: UInt64) -> LexiconFlags {
        if !filter.mayContain(k) { return [] }
        return LexiconFlags(rawValue: table[k] ?? 0)
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
    static let his = LexiconTable.key("his".unicodeScalars)
    static let her = LexiconTable.key("her".unicodeScalars)
    static let their = LexiconTable.key("their".unicodeScalars)
    static let its = LexiconTable.key("its".unicodeScalars)
    static let told = LexiconTable.key("told".unicodeScalars)
    static let tells = LexiconTable.key("tells".unicodeScalars)
}
