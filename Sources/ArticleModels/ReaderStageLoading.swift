import ArticleAnalysis

// Owned by the reader stages (keyphrases, summary, tone, dates, language): loads their lexicons
// and profiles from Resources/ into the pipeline, once, at start-up.
extension BundledModels {
    /// VADER's lexicon and rule words (MIT; see tone-vader.LICENSE.txt), made by scripts/convert-vader.py.
    public static let toneLexiconFile = "tone-vader.tsv"
    /// Character trigram profiles from langdetect (Apache-2.0; see language-profiles.LICENSE.txt),
    /// made by scripts/convert-langdetect.py.
    public static let languageProfilesFile = "language-profiles.tsv"

    public static func toneLexicon() throws -> ToneLexicon {
        try ToneLexicon(tsv: bytes(of: toneLexiconFile))
    }

    public static func languageProfiles() throws -> LanguageProfiles {
        try LanguageProfiles(tsv: bytes(of: languageProfilesFile))
    }

    public static func configureReaderStages(_ pipeline: inout AnalysisPipeline) throws {
        pipeline.toneScorer = ToneScorer(lexicon: try toneLexicon())
        pipeline.languageDetector = LanguageDetector(profiles: try languageProfiles())
    }
}
