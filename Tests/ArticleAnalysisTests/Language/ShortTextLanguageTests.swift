import ArticleModels
import XCTest
@testable import ArticleAnalysis

/// Short English texts full of names must not be taken for another language and lose their
/// analysis: an unreliable guess runs the stages of the default language.
final class ShortTextLanguageTests: XCTestCase {
    static let pipeline: Result<AnalysisPipeline, any Error> = Result { try AnalysisPipeline.bundled() }

    func analyze(_ text: String, defaultLanguage: String? = "en") throws -> Analysis {
        var pipeline = try Self.pipeline.get()
        pipeline.defaultLanguage = defaultLanguage
        return try pipeline.analyze(ArticleInput(bytes: Array(text.utf8), name: "brief.txt"))
    }

    /// The sentence of issue 14.
    func testTheShortSentenceOfTheIssueYieldsItsEntitiesAndQuote() throws {
        let analysis = try analyze("President Joe Biden met Angela Merkel in Berlin on Monday. \"We will win,\" said John Smith.")
        XCTAssertEqual(analysis.skipped, [])
        let names = Set(analysis.entities.map(\.name))
        XCTAssertTrue(names.isSuperset(of: ["Joe Biden", "Angela Merkel", "Berlin", "John Smith"]), "\(names)")
        XCTAssertEqual(analysis.quotes.count, 1)
        XCTAssertEqual(analysis.quotes.first?.speaker?.name, "John Smith")
        if analysis.language.code != "en" { XCTAssertFalse(analysis.language.reliable) }
    }

    /// Name-dense one-line briefs, written for this test.
    static let briefs = [
        "Jan Van der Berg joined Ajax Amsterdam from PSV Eindhoven on Tuesday.",
        "Hans Müller and Jürgen Schmidt of Bayern Munich met Olaf Scholz in Hamburg.",
        "Rafael Nadal beat Novak Djokovic in Madrid, Spain.",
        "Vladimir Putin spoke with Emmanuel Macron about Ukraine on Friday.",
        "Jean-Pierre Dubois, mayor of Lyon, opened the Musée des Beaux-Arts.",
        "Sao Paulo 2 Santos 1, Gremio 2 Vitoria 2, Parana 3 Guarani 0.",
        "Lars Løkke Rasmussen met Erna Solberg and Stefan Löfven in Oslo.",
        "Giuseppe Conte and Matteo Salvini left Palazzo Chigi in Rome.",
        "Vitesse Arnhem drew with Sparta Rotterdam at GelreDome.",
        "Ahmed Mansour of Al Jazeera interviewed Abu Mohammed al-Julani in Idlib.",
    ]

    func testNameDenseBriefsAreAnalysedAsEnglish() throws {
        for brief in Self.briefs {
            let analysis = try analyze(brief)
            XCTAssertTrue(analysis.language.code == "en" || !analysis.language.reliable, "\(brief): \(analysis.language)")
            XCTAssertEqual(analysis.skipped, [], brief)
            XCTAssertFalse(analysis.entities.isEmpty, brief)
        }
    }

    func testFirstSentencesOfTheWikinewsArticlesAreAnalysedAsEnglish() throws {
        try CorpusFiles.requireCorpus()
        var checked = 0
        for (name, bytes) in CorpusFiles.wikinews() {
            let text = ScalarText(ArticleCleaner().clean(try ArticleDecoder().decode(bytes).text).body)
            guard let first = Segmenter().segment(text).sentences.first else { continue }
            let sentence = text[first.span]
            let analysis = try analyze(sentence)
            XCTAssertTrue(analysis.language.code == "en" || !analysis.language.reliable, "\(name): \(sentence) \(analysis.language)")
            XCTAssertEqual(analysis.skipped, [], "\(name): \(sentence)")
            checked += 1
        }
        XCTAssertEqual(checked, 171)
    }

    func testAReliableGuessOfAnotherLanguageStillSkipsTheEnglishStages() throws {
        let french = """
            Le conseil municipal a voté mardi soir un nouveau plan pour les transports publics. Selon le maire, \
            les travaux commenceront au printemps et dureront deux ans. Les habitants du quartier ont exprimé leurs \
            inquiétudes lors d'une réunion publique, mais la plupart se disent favorables au projet.
            """
        let analysis = try analyze(french)
        XCTAssertEqual(analysis.language.code, "fr")
        XCTAssertTrue(analysis.language.reliable)
        XCTAssertEqual(analysis.skipped, ["entities", "quotes", "keyphrases", "summary", "tone"])
    }

    func testWithoutADefaultLanguageAnUnreliableForeignGuessSkips() throws {
        let analysis = try analyze("Vitesse Arnhem 1 Sparta Rotterdam 1", defaultLanguage: nil)
        if analysis.language.code != "en" {
            XCTAssertFalse(analysis.language.reliable)
            XCTAssertFalse(analysis.skipped.isEmpty)
        }
    }

    func testNamesAreNotEvidenceOfTheLanguage() throws {
        // An English results table of Dutch clubs.
        let table = (["Results of Dutch first division matches played on Sunday:"]
            + Array(repeating: "Vitesse Arnhem 1 Sparta Rotterdam 1\nFeyenoord Rotterdam 2 Graafschap Doetinchem 1\nWillem II Tilburg 1 RKC Waalwijk 3", count: 12)
            + ["The league resumes after the international break, officials of the football association said."]).joined(separator: "\n")
        let analysis = try analyze(table, defaultLanguage: nil)
        XCTAssertEqual(analysis.language.code, "en")
        XCTAssertEqual(analysis.skipped, [])
        // A fixtures list: names and "v" (a word of Czech, too).
        let fixtures = (["Fixtures for the weekend:"] + Array(repeating: "Division two - Ayr v Berwick , Clyde v Queen of the South , Dumbarton v Brechin , Livingston v Hamilton .", count: 10)).joined(separator: "\n")
        XCTAssertEqual(try analyze(fixtures, defaultLanguage: nil).language.code, "en")
    }
}
