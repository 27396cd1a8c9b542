/// The closed-class English words the keyphrase and summary stages treat as carrying no topic
/// (the light stemmer that folds word forms together is in `EnglishWords+Stemmer.swift`).
enum EnglishWords {
    /// Function words (articles, pronouns, prepositions, conjunctions, auxiliaries, common adverbs
    /// and determiners), reporting verbs, and calendar words. A keyphrase never starts or ends with
    /// one, and none is ever a keyphrase alone.
    static let stopWords: Set<String> = [
        "a", "about", "above", "across", "after", "afterwards", "again", "against", "ago", "all", "almost", "alone",
        "along", "already", "also", "although", "always", "am", "among", "amongst", "an", "and", "another", "any",
        "anyone", "anything", "anyway", "anywhere", "are", "around", "as", "at", "away", "back", "be", "became",
        "because", "become", "becomes", "been", "before", "beforehand", "behind", "being", "below", "beside",
        "besides", "between", "beyond", "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing",
        "done", "down", "due", "during", "each", "either", "else", "elsewhere", "enough", "etc", "even", "ever",
        "every", "everyone", "everything", "everywhere", "except", "few", "for", "former", "formerly", "from",
        "further", "had", "has", "have", "having", "he", "hence", "her", "here", "hers", "herself", "him", "himself",
        "his", "how", "however", "i", "if", "in", "indeed", "into", "is", "it", "its", "itself", "just", "last",
        "latter", "least", "less", "like", "many", "may", "me", "meanwhile", "might", "mine", "more", "moreover",
        "most", "mostly", "much", "must", "my", "myself", "neither", "never", "nevertheless", "next", "no", "nobody",
        "none", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often", "on", "once", "one", "only", "onto",
        "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps",
        "quite", "rather", "really", "same", "several", "she", "should", "since", "so", "some", "someone",
        "something", "sometimes", "somewhere", "still", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "thence", "there", "thereafter", "thereby", "therefore", "these", "they", "this",
        "those", "though", "through", "throughout", "thus", "to", "together", "too", "toward", "towards", "under",
        "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when",
        "whenever", "where", "whereas", "whether", "which", "while", "who", "whoever", "whole", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself",
        "yourselves", "can't", "don't", "doesn't", "didn't", "isn't", "wasn't", "weren't", "won't", "wouldn't",
        "hasn't", "haven't", "hadn't", "it's", "he's", "she's", "they're", "we're", "i'm", "let", "lets", "let's",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third",
        "said", "says", "say", "saying", "told", "tell", "tells", "according", "reported", "reportedly", "added",
        "stated", "asked", "claimed", "noted", "explained", "wrote", "continued", "made", "make", "get", "got",
        "go", "went", "come", "came", "take", "took", "see", "saw", "mr", "mrs", "ms", "dr",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tomorrow", "tonight", "week", "weeks", "month", "months", "year", "years", "day", "days", "time", "times",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "morning", "afternoon", "evening", "night",
        "near", "following", "including", "despite", "aged", "nearly", "around", "early", "later", "late",
        "recent", "recently", "million", "billion", "trillion", "percent", "hundred", "thousand", "dozen", "dozens", "currently", "previously", "already", "including", "such", "certain", "various",
    ]

    /// Stop words allowed inside a keyphrase, between content words ("attacks on the West",
    /// "leader of Jabhat al-Nusrah").
    static let connectors: Set<String> = ["of", "on", "the", "for", "in", "against", "and", "de", "du", "la", "von", "van", "der"]

    /// Hashes (`WordHash`) of `stopWords` and `connectors`, for lookups without strings.
    static let stopHashes = FlatHashMap<Int32>(numbering: stopWords.sorted().map { WordHash.of($0) })
    static let connectorHashes = FlatHashMap<Int32>(numbering: connectors.sorted().map { WordHash.of($0) })
}
