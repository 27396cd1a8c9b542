/// Picks the phrases that best say what an article is about, from statistics of the article
/// itself (no part-of-speech tagger, no corpus), in the spirit of YAKE (Campos et al., 2020):
/// casing, position and frequency of words, and how often a phrase recurs as a unit.
///
/// 1. Candidates are runs of one to four words inside a sentence, not crossing punctuation or a
///    number, that start and end with a content word; inside, only connectors such as "of", "on",
///    "the" may appear ("attacks on the West"). Stop words (see `EnglishWords`) are never a
///    candidate alone, and a run that cuts a sequence of capitalised words in two ("leader of
///    Jabhat" out of "Jabhat al-Nusrah") is not a candidate. Words are counted by stem.
/// 2. Each content word weighs 1 + ln(frequency), up to double when written as a name or acronym
///    away from a sentence start, up to half again when it first appears in the lede.
/// 3. A candidate scores the geometric mean of its words' weights times 1 + ln(how often it
///    recurs as a unit), with a small bonus for two- and three-word phrases and a penalty for a
///    lone common noun. Candidates that name an entity (its name, an alias or a mention) recur as
///    often as the entity is mentioned and are boosted by its salience relative to the most
///    salient entity.
/// 4. Near duplicates fold: a phrase whose stemmed content words equal those of a better one
///    ("attack the West" after "attacks on the West"), that names the same entity as a better
///    one, that is a name holding or held by a better name ("Khashoggi", "Jamal Khashoggi"), or
///    that only ever occurs inside a better one ("Khorasan" inside "Khorasan Group"), is dropped.
///    Adverbs ("-ly") never appear in a phrase, and one never ends in "-ed" ("crashed").
///
/// The reported score is the phrase's raw score over the best phrase's (1 for the best, falling).
public struct KeyphraseExtractor: Sendable {
    public var count = 10
    public var maximumWords = 4

    public init() {}

    public func extract(_ text: ScalarText, _ segmentation: Segmentation, _ entities: [Entity]) -> [Keyphrase] {
        extract(text, ReaderWords(text.scalars, segmentation), entities)
    }

    /// As above, with the article's words already scanned (shared with summary and tone).
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func extract(_ text: ScalarText, _ words: ReaderWords, _ entities: [Entity]) -> [Keyphrase] {
        var document = KeyphraseDocument(text.scalars, words, maximumWords: maximumWords)
        document.scoreWords()
        return document.select(count: count, entities: entities, text: text)
    }
}
