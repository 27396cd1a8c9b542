@testable import ArticleAnalysis
import ArticleModels
import XCTest

final class LanguageDetectorTests: XCTestCase {
    static let profiles: Result<LanguageProfiles, any Error> = Result { try BundledModels.languageProfiles() }

    func detect(_ string: String) throws -> LanguageGuess {
        LanguageDetector(profiles: try Self.profiles.get()).detect(ScalarText(string))
    }

    // Written for these tests.
    static let french = """
        Le conseil municipal a voté mardi soir un nouveau plan pour les transports publics. Selon le maire, \
        les travaux commenceront au printemps et dureront deux ans. Les habitants du quartier ont exprimé leurs \
        inquiétudes lors d'une réunion publique, mais la plupart se disent favorables au projet.
        """
    static let german = """
        Der Stadtrat hat am Dienstagabend einen neuen Plan für den öffentlichen Nahverkehr beschlossen. Nach \
        Angaben des Bürgermeisters beginnen die Arbeiten im Frühjahr und dauern zwei Jahre. Die Anwohner äußerten \
        bei einer Bürgerversammlung ihre Sorgen, doch die meisten unterstützen das Vorhaben.
        """
    static let spanish = """
        El ayuntamiento aprobó el martes por la noche un nuevo plan para el transporte público. Según el alcalde, \
        las obras comenzarán en primavera y durarán dos años. Los vecinos del barrio expresaron su preocupación \
        en una reunión pública, pero la mayoría apoya el proyecto.
        """
    static let english = """
        The city council approved a new plan for public transport on Tuesday evening. According to the mayor, \
        work will begin in the spring and last two years. Residents voiced their concerns at a public meeting, \
        but most of them support the project.
        """

    func testProfilesLoad() throws {
        let profiles = try Self.profiles.get()
        XCTAssertGreaterThanOrEqual(profiles.codes.count, 15)
        for code in ["en", "fr", "de", "es", "it", "pt", "nl", "ru"] { XCTAssert(profiles.codes.contains(code), code) }
        XCTAssertThrowsError(try LanguageProfiles(tsv: Array("en\tthe\n".utf8)))
    }

    func testDetectsCommonLanguages() throws {
        for (text, code) in [(Self.english, "en"), (Self.french, "fr"), (Self.german, "de"), (Self.spanish, "es")] {
            let guess = try detect(text)
            XCTAssertEqual(guess.code, code)
            XCTAssertGreaterThan(guess.confidence, 0.9, code)
            XCTAssertLessThanOrEqual(guess.confidence, 1, code)
        }
        XCTAssertEqual(try detect("Il presidente ha detto che il governo non cambierà la legge sulle pensioni quest'anno.").code, "it")
        XCTAssertEqual(try detect("O governo anunciou que não vai mudar a lei das pensões este ano, disse o ministro.").code, "pt")
        XCTAssertEqual(try detect("Президент заявил, что правительство не будет менять закон о пенсиях в этом году.").code, "ru")
    }

    func testCapitalsAndPunctuationDoNotMatter() throws {
        XCTAssertEqual(try detect(Self.french.uppercased()).code, "fr")
        XCTAssertEqual(try detect("«" + Self.german + "» — 2019!").code, "de")
    }

    func testTooLittleTextIsUndetermined() throws {
        XCTAssertEqual(try detect("").code, "und")
        XCTAssertEqual(try detect("12 345 — 678").code, "und")
        XCTAssertEqual(try detect("").confidence, 0)
    }

    func testWithoutProfilesEverythingIsEnglish() {
        XCTAssertEqual(LanguageDetector().detect(ScalarText(Self.french)), LanguageGuess(code: "en", confidence: 0))
    }

    func testReferenceArticleIsEnglish() throws {
        let analysis = try ReaderFixtures.bundledPipeline().analyze(
            ArticleInput(bytes: try ReaderFixtures.referenceArticle(), name: "al-nusrah-interview.txt"))
        XCTAssertEqual(analysis.language.code, "en")
        XCTAssertGreaterThan(analysis.language.confidence, 0.99)
        XCTAssertEqual(analysis.skipped, [])
    }

    /// A French article still gets a language, dates and the rest; the English-only stages are
    /// skipped and the JSON says so.
    func testNonEnglishArticleSkipsEnglishOnlyStages() throws {
        let analysis = try ReaderFixtures.analyze(Self.french + "\n\nLe projet coûtera 40 millions d'euros en 2020.", received: "2019-01-05T10:00:00Z")
        XCTAssertEqual(analysis.language.code, "fr")
        for stage in ["keyphrases", "summary", "tone"] { XCTAssert(analysis.skipped.contains(stage), stage) }
        XCTAssertEqual(analysis.keyphrases, [])
        XCTAssertEqual(analysis.summary, [])
        XCTAssertNil(analysis.tone)
        XCTAssert(analysis.dates.contains { $0.value == "2020" })
        let json = String(decoding: analysis.jsonBytes(), as: UTF8.self)
        XCTAssert(json.contains("\"code\":\"fr\"") || json.contains("\"code\": \"fr\""), json)
        XCTAssert(json.contains("\"keyphrases\""))
        XCTAssert(json.contains("\"skipped\""))
    }

    /// Every Wikinews article is English, with high confidence.
    func testWikinewsArticlesAreEnglish() throws {
        let detector = LanguageDetector(profiles: try Self.profiles.get())
        for article in try ReaderFixtures.wikinews() {
            let guess = detector.detect(ScalarText(String(decoding: article.bytes, as: UTF8.self)))
            XCTAssertEqual(guess.code, "en", article.file)
            XCTAssertGreaterThan(guess.confidence, 0.9, article.file)
        }
    }

    /// The table's ASCII rows hold the same log-probabilities as the hashed rows, and a 1 in the
    /// known column; rows of unknown trigrams are zeros.
    func testASCIIRowsMatchTheHashedRows() throws {
        let profiles = try Self.profiles.get()
        let languages = profiles.codes.count
        XCTAssertEqual(profiles.stride % 32, 0)
        XCTAssertGreaterThan(profiles.stride, languages)
        func tableRow(_ n: Int) -> ArraySlice<UInt8> { profiles.trigramTable[(n * profiles.stride)..<((n + 1) * profiles.stride)] }
        let letters = Array(" abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        var known = 0
        for a in letters { for b in letters { for c in letters {
            let key = LanguageProfiles.pack(a, b, c)
            let row = profiles.row(key)
            var expected = [UInt8](repeating: 0, count: profiles.stride)
            if row >= 0 {
                known += 1
                for l in 0..<languages { expected[l] = profiles.logProbabilities[row * languages + l] }
                expected[languages] = 1
                XCTAssertEqual(Array(tableRow(profiles.tableRow(key))), expected)
            } else {
                XCTAssertEqual(profiles.tableRow(key), profiles.unknownRow)
            }
            XCTAssertEqual(Array(tableRow(LanguageProfiles.asciiIndex(a.value, b.value, c.value))), expected)
        } } }
        XCTAssertGreaterThan(known, 1000)
        XCTAssertEqual(Array(tableRow(profiles.unknownRow)), [UInt8](repeating: 0, count: profiles.stride))
    }

    /// The vector sums (two languages a lane, split by mask and shift, moved out every 256 rows)
    /// equal the log-probabilities added one language at a time, for the bundled profiles and
    /// for made-up ones of more than 32 languages and of maximal bytes.
    func testRowSumsMatchAddingOneLanguageAtATime() throws {
        let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog, über straße; ", count: 60).unicodeScalars)
        var made: [UInt64: Int] = [:]
        let letters = Array(" abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        for a in letters { for b in letters { for c in letters.prefix(8) { made[LanguageProfiles.pack(a, b, c)] = made.count } } }
        let languages = 37
        var bytes = [UInt8](repeating: 0, count: made.count * languages)
        for n in bytes.indices { bytes[n] = n % 5 == 0 ? 255 : UInt8(truncatingIfNeeded: n &* 2_654_435_761 >> 7) }
        let madeUp = LanguageProfiles(codes: (0..<languages).map { "l\($0)" }, rows: made, logProbabilities: bytes)
        for profiles in [try Self.profiles.get(), madeUp] {
            let languages = profiles.codes.count
            var totals = [Int](repeating: 0, count: languages + 1)  // and the known trigrams
            var expected = [Int](repeating: 0, count: languages)
            totals.withUnsafeMutableBufferPointer { totals in
                text.withUnsafeBufferPointer { LanguageDetector.count($0, profiles, profiles.trigramTable.bytes, 2000, totals) }
            }
            let seen = totals.removeLast()
            // The same trigrams, one language at a time.
            var known = 0, considered = 0
            var a: UInt32 = 0x20, b: UInt32 = 0x20
            for index in 0...text.count where considered < 2000 {
                let c = index < text.count ? LanguageDetector.normalizedValue(text[index]) : 0x20
                if b == 0x20 {
                    if c != 0x20 { a = 0x20; b = c }
                    continue
                }
                let first = a, second = b
                a = b; b = c
                considered += 1
                let row = profiles.row(UInt64(first) << 42 | UInt64(second) << 21 | UInt64(c))
                guard row >= 0 else { continue }
                known += 1
                for l in 0..<languages { expected[l] += Int(profiles.logProbabilities[row * languages + l]) }
            }
            XCTAssertGreaterThan(known, 300)
            XCTAssertEqual(seen, known)
            XCTAssertEqual(totals, expected)
        }
    }
}
