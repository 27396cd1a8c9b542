/// The closed word lists the quote stage decides with.
///
/// Speech verbs attribute quotes; claim verbs mark contested statements; role nouns and
/// organisation nouns let a description ("the spokeswoman", "the company") stand for an entity;
/// title words are taken off the front of a name ("Attorney General Xavier Becerra").
/// All entries are lower case; tokens find them by key (see `LexiconTable`).
enum SpeechLexicon {
    /// Verbs (and "according") that attribute a direct quote to its speaker.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
        "continued", "continues", "continuing", "stated", "states", "stating", "asked", "asks",
        "wrote", "writes", "writing", "warned", "warns", "warning", "insisted", "insists",
        "explained", "explains", "explaining", "noted", "notes", "noting", "remarked", "remarks",
        "recounted", "recalled", "recalls", "tweeted", "tweets", "announced", "announces",
        "declared", "declares", "argued", "argues", "arguing", "replied", "replies", "responded",
        "commented", "comments", "emphasized", "emphasised", "emphasizing", "emphasising",
        "observed", "observing", "admitted", "acknowledged", "cautioned", "urged", "urging",
        "read", "reads", "concluded", "suggested", "predicted", "promised", "pledged", "stressed",
        "posted", "quipped", "joked", "shouted", "exclaimed", "testified", "reported", "reports",
        "claimed", "claims", "alleged", "alleges", "according", "asking", "answered", "conceded", "complained",
    ]

    /// Extra verbs that, right before a short quoted phrase, show it is someone's words
    /// ("called it a "political maneuver"").
    static let shortQuoteVerbs: Set<String> = ["called", "calling"]

    /// Verbs that introduce indirect (reported) speech: "X said (that) ...".
    static let reportVerbs: Set<String> = [
        "said", "says", "say", "stated", "states", "added", "adds", "explained", "explains",
        "noted", "notes", "warned", "warns", "insisted", "insists", "announced", "announces",
        "reported", "reports", "confirmed", "confirms", "argued", "argues", "told", "tells",
        "wrote", "writes", "indicated", "indicates", "suggested", "suggests", "acknowledged",
        "acknowledges", "admitted", "admits", "stressed", "emphasized", "emphasised",
    ]

    /// Verbs whose object is contested: "X claims/alleges/denies ...".
    static let claimVerbs: Set<String> = [
        "claim", "claims", "claimed", "claiming", "allege", "alleges", "alleged", "alleging",
        "deny", "denies", "denied", "denying",
    ]

    /// Words that, right before a verb, show it is passive or an adjective ("was said to",
    /// "the alleged operator", "as reported by").
    static let notASubjectVerbBefore: Set<String> = [
        "was", "were", "is", "are", "been", "be", "being", "the", "a", "an", "its", "his", "her",
        "their", "our", "as", "this", "that", "these", "those",
    ]

    /// Words that may stand between a subject and its verb ("Pelosi has also said").
    static let betweenSubjectAndVerb: Set<String> = [
        "also", "further", "later", "then", "has", "had", "have", "previously", "again",
        "repeatedly", "once", "recently", "yesterday", "today", "reportedly", "would", "will",
        "had", "did", "does", "do", "still", "first", "last", "earlier", "separately", "himself",
        "herself", "themselves", "itself", "directly", "publicly", "simply", "now",
    ]

    static let personPronouns: Set<String> = ["he", "she"]
    static let groupPronouns: Set<String> = ["they", "it"]

    /// Nouns for a person's role: "the spokeswoman said", "the militant leader".
    static let personRoles: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "leader", "professor", "minister", "president",
        "official", "chief", "director", "governor", "senator", "judge", "author", "co-author",
        "scientist", "researcher", "doctor", "inventor", "father", "mother", "wife", "husband",
        "son", "daughter", "brother", "sister", "aunt", "uncle", "mayor", "chairman", "chairwoman",
        "secretary", "ambassador", "commissioner", "manager", "executive", "founder", "lawyer",
        "attorney", "prosecutor", "officer", "captain", "coach", "activist", "astronomer",
        "physicist", "economist", "analyst", "expert", "pope", "cardinal", "archbishop", "bishop",
        "priest", "king", "queen", "prince", "princess", "commander", "ceo", "host", "premier",
        "chancellor", "candidate", "congressman", "congresswoman", "lawmaker", "journalist",
        "reporter", "editor", "singer", "actor", "actress", "player", "militant", "rapporteur",
        "superintendent", "inspector", "student", "teacher", "engineer", "chair", "head",
        "co-developer", "developer", "biologist", "chemist", "geologist", "historian", "woman",
        "man", "fiancée", "fiancee", "widow", "boss", "owner", "pilot", "surgeon", "nurse",
        "representative", "diplomat", "envoy", "general", "sheriff", "investigator", "writer",
        "performer", "musician", "artist", "veteran", "athlete", "star", "politician", "monarch",
    ]

    /// Nouns for an organisation: "the company said", "the ministry warned".
    static let organizationNouns: Set<String> = [
        "company", "firm", "ministry", "agency", "department", "court", "government", "police",
        "airline", "group", "organisation", "organization", "commission", "committee", "institute",
        "university", "council", "party", "campaign", "administration", "team", "military", "army",
        "network", "website", "site", "newspaper", "channel", "broadcaster", "magazine", "bank",
        "union", "foundation", "society", "association", "charity", "club", "authority", "board",
        "office", "service", "academy", "centre", "center", "parliament", "senate", "congress",
        "regulator", "manufacturer", "carrier", "operator", "automaker", "agency's", "decree",
    ]

    /// Lower-case nouns for a group that "they" may stand for, after a name: "US intelligence".
    static let collectiveNouns: Set<String> = [
        "intelligence", "officials", "authorities", "police", "investigators", "officers",
        "sources", "agencies", "forces", "researchers", "scientists", "prosecutors", "lawmakers",
        "leaders", "experts", "analysts", "government", "military", "media", "officials'",
    ]

    /// Capitalised words that name an organisation rather than a person.
    static let organizationWords: Set<String> = [
        "ministry", "court", "company", "corporation", "corp", "inc", "ltd", "agency", "department",
        "service", "services", "university", "college", "council", "committee", "commission",
        "center", "centre", "institute", "association", "foundation", "party", "group", "office",
        "times", "news", "press", "post", "police", "army", "navy", "force", "forces", "bank",
        "society", "academy", "union", "organization", "organisation", "network", "airlines",
        "airways", "air", "parliament", "congress", "senate", "house", "assembly", "government",
        "administration", "board", "bureau", "authority", "federation", "league", "club", "team",
        "show", "radio", "tv", "magazine", "journal", "reuters", "club", "school", "hospital",
        "church", "channel", "broadcasting", "television", "motors", "motor", "systems",
        "technologies", "labs", "laboratory", "observatory", "nasa", "fund", "trust", "coalition",
        "alliance", "front", "movement", "brigade", "brigades", "ministry's", "state", "states",
        "republic", "kingdom", "city", "county", "province", "island", "islands", "river", "sea",
        "ocean", "mountain", "street", "avenue", "square", "park", "airport", "station", "museum",
        "hurricane", "storm", "typhoon", "cyclone", "depression",
    ]

    /// Titles taken off the front of a person's name; whatever comes before the last title word
    /// goes too ("Deputy Emergency Situations Minister Alexander Chupriyan").
    static let titleWords: Set<String> = [
        "president", "vice", "prime", "minister", "deputy", "secretary", "attorney", "general",
        "governor", "gov", "senator", "sen", "representative", "rep", "judge", "justice",
        "cardinal", "archbishop", "bishop", "pope", "father", "rev", "reverend", "dr", "doctor",
        "professor", "prof", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "king",
        "queen", "prince", "princess", "chancellor", "ambassador", "mayor", "chairman",
        "chairwoman", "chief", "commissioner", "director", "superintendent", "inspector",
        "sergeant", "officer", "captain", "colonel", "lieutenant", "commander", "admiral",
        "spokesman", "spokeswoman", "spokesperson", "senior", "speaker", "chair", "ceo", "executive",
        "founder", "co-founder", "co-author", "co-developer", "author", "member", "councillor",
        "councilor", "congressman", "congresswoman", "sheikh", "emir", "sultan", "imam", "rabbi",
        "coach", "manager", "lawyer", "prosecutor", "detective", "constable", "marshal", "sheriff",
        "leader", "host", "editor", "correspondent", "astronaut", "premier", "delegate", "fellow",
        "assemblyman", "assemblywoman", "whip", "adviser", "advisor", "envoy", "officer",
    ]

    /// Lower-case particles inside a name: "Mohammad bin Salman", "Ursula von der Leyen".
    static let nameParticles: Set<String> = [
        "bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "den", "du", "la", "le", "di",
        "dos", "das", "del", "y", "abu", "ben",
    ]

    /// Capitalised words that start sentences or phrases but never names.
    static let notNames: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
        "my", "your", "in", "on", "at", "but", "and", "or", "if", "when", "while", "after",
        "before", "since", "during", "according", "speaking", "despite", "although", "though",
        "as", "for", "from", "with", "by", "to", "of", "per", "unlike", "both", "some", "many",
        "most", "all", "other", "another", "each", "every", "former", "longtime", "meanwhile",
        "however", "yesterday", "today", "tomorrow", "tonight", "he", "she", "it", "they", "we",
        "i", "you", "there", "here", "what", "who", "which", "why", "how", "where", "not", "no",
        "yes", "so", "also", "then", "now", "just", "only", "even", "still", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december",
        "earlier", "later", "last", "next", "first", "following", "instead", "rather", "thus",
        "overall", "namely", "currently", "additionally", "furthermore", "moreover", "similarly",
        "officials", "police", "authorities", "residents", "researchers", "scientists", "local",
        "regional", "rescuers", "witnesses", "reports", "critics", "experts", "analysts",
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "rip", "ok",
    ]

    /// Small words that may sit inside a title or name in title case ("Person of the Year").
    static let titleCaseSmallWords: Set<String> = [
        "of", "the", "a", "an", "and", "or", "for", "on", "in", "to", "at", "by", "with", "vs",
        "de", "la", "le", "von", "van", "bin", "al", "el", "from", "into", "over", "under",
    ]

    /// Prepositions that make a following name an object, not a speaker ("speaking to X",
    /// "an interview with X") or a place ("in Istanbul").
    static let objectPrepositions: Set<String> = [
        "to", "with", "in", "at", "from", "near", "across", "into", "throughout", "outside",
        "inside", "towards", "toward", "against", "about", "on", "over", "under", "for", "of",
        "between", "among", "via", "through", "around", "beyond", "within",
    ]

    /// Words after a reporting verb that begin a prepositional or time phrase, after which the
    /// reported clause starts at "that" ("said in a filing that ...").
    static let phraseOpeners: Set<String> = [
        "in", "on", "at", "during", "after", "before", "yesterday", "today", "last", "this", "to",
        "via", "through", "while", "when", "earlier", "later", "on", "from", "by", "with", "for",
        "recently", "previously", "also", "again", "publicly", "repeatedly",
    ]

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col",
        "sgt", "capt", "mt", "no", "vs", "u.s", "u.k", "u.n", "e.u", "inc", "corp", "co", "ltd",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "a.m", "p.m", "e.g", "i.e", "etc", "approx", "est", "fig", "op", "rev", "hon",
    ]

    /// Prepositions that make a following fallback name a place: "in Istanbul".
    static let placePrepositions: Set<String> = [
        "in", "at", "from", "near", "across", "into", "throughout", "outside", "towards", "toward",
    ]

    /// Auxiliaries that make a following speech verb passive: "was told by X".
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "being", "is", "are"]

    /// Words that open a description ("the Wooster professor"): the words between them and the
    /// noun belong to the description.
    static let descriptionDeterminers: Set<String> = [
        "the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
    ]

    /// Words that start a new clause: a speech verb after them is not the quotation's attribution.
    static let clauseWords: Set<String> = [
        "as", "while", "when", "after", "before", "because", "and", "but", "which", "that", "who",
        "where", "if", "although", "though", "since", "until", "or", "so", "whose", "whom",
    ]
}
