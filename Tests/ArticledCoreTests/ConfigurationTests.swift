import ArticledCore
import Foundation
import XCTest

final class ConfigurationTests: XCTestCase {
    func testShippedConfigurationHoldsTheDefaults() throws {
        let shipped = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/articled.conf").path
        XCTAssertEqual(try ConfigurationFile.load(path: shipped), DaemonConfiguration())
    }

    func testValuesAreRead() throws {
        let configuration = try ConfigurationFile.parse("""
            # comment
            [spool]
            root = "/srv/news/"   # trailing comment
            [processing]
            workers = 3
            max_bytes = 512 KiB
            after_success = delete
            queue_limit = 10
            rescan_seconds = 2.5
            [logging]
            level = DEBUG
            """)
        XCTAssertEqual(configuration.spoolRoot, "/srv/news")
        XCTAssertEqual(configuration.inbox, "/srv/news/inbox")
        XCTAssertEqual(configuration.workers, 3)
        XCTAssertEqual(configuration.maxBytes, 512 * 1024)
        XCTAssertEqual(configuration.afterSuccess, .delete)
        XCTAssertEqual(configuration.queueLimit, 10)
        XCTAssertEqual(configuration.rescanSeconds, 2.5)
        XCTAssertEqual(configuration.logLevel, .debug)
    }

    func testDefaultLanguage() throws {
        XCTAssertEqual(DaemonConfiguration().defaultLanguage, "en")
        XCTAssertEqual(try ConfigurationFile.parse("[analysis]\ndefault_language = \"de\"").defaultLanguage, "de")
        XCTAssertNil(try ConfigurationFile.parse("[analysis]\ndefault_language = none").defaultLanguage)
        XCTAssertThrowsError(try ConfigurationFile.parse("[analysis]\ndefault_language = English"))
    }

    func testQuoteAttribution() throws {
        XCTAssertTrue(DaemonConfiguration().learnedQuotes)
        XCTAssertTrue(try ConfigurationFile.parse("[analysis]\nquotes = learned").learnedQuotes)
        XCTAssertFalse(try ConfigurationFile.parse("[analysis]\nquotes = \"rules\"").learnedQuotes)
        XCTAssertThrowsError(try ConfigurationFile.parse("[analysis]\nquotes = model"))
    }

    func testEveryErrorIsReportedWithLineAndKey() {
        let text = """
            [spool]
            root = relative/path
            [processing]
            workers = many
            max_byte = 3
            workers = 2
            [nonsense]
            just words
            """
        XCTAssertThrowsError(try ConfigurationFile.parse(text, path: "x.conf")) { error in
            guard let error = error as? ConfigurationError else { return XCTFail("wrong error \(error)") }
            XCTAssertEqual(error.issues.map(\.line), [2, 4, 5, 6, 7, 8])
            XCTAssertEqual(error.issues.map(\.key), ["spool.root", "processing.workers", "processing.max_byte", "processing.workers", "nonsense", ""])
            XCTAssertTrue(error.description.contains("x.conf:4: processing.workers: must be a whole number"), error.description)
            XCTAssertTrue(error.description.contains("keys in [processing]: workers, max_bytes"), error.description)
        }
    }

    func testDuplicateKeyNamesTheFirstLine() {
        XCTAssertThrowsError(try ConfigurationFile.parse("[processing]\nworkers = 1\nworkers = 2\n")) { error in
            XCTAssertEqual((error as? ConfigurationError)?.issues.first?.message, "set twice (first on line 2)")
        }
    }

    func testMissingFileIsAnError() {
        XCTAssertThrowsError(try ConfigurationFile.load(path: "/nonexistent/articled.conf")) { error in
            XCTAssertTrue("\(error)".contains("cannot read the file"))
        }
    }

    func testZeroWorkersMeansTwoPerCore() {
        var configuration = DaemonConfiguration()
        XCTAssertEqual(configuration.resolvedWorkers(cores: 4), 8)
        configuration.workers = 2
        XCTAssertEqual(configuration.resolvedWorkers(cores: 4), 2)
    }

    func testCRLFLineEndingsAreAccepted() throws {
        let configuration = try ConfigurationFile.parse("# from Windows\r\n[processing]\r\nworkers = 3\r\n\r\n[logging]\r\nlevel = debug\r\n")
        XCTAssertEqual(configuration.workers, 3)
        XCTAssertEqual(configuration.logLevel, .debug)
    }

    func testAKeyOutsideAnySectionSaysItMustBeInsideOne() {
        XCTAssertThrowsError(try ConfigurationFile.parse("workers = 3\n[processing]\nmax_bytes = 100\n")) { error in
            let issues = (error as? ConfigurationError)?.issues ?? []
            XCTAssertEqual(issues.map(\.line), [1])
            XCTAssertEqual(issues.first?.message, "a key must be inside a section such as [processing]")
        }
        XCTAssertThrowsError(try ConfigurationFile.parse("root = /srv\n")) { error in
            XCTAssertEqual((error as? ConfigurationError)?.issues.first?.message, "a key must be inside a section such as [processing] (root belongs in [spool])")
        }
    }

    func testLargeInputsCanHaveFewerWorkers() throws {
        let configuration = try ConfigurationFile.parse("[processing]\nlarge_input_bytes = 2 MiB\nlarge_input_workers = 2\n")
        XCTAssertEqual(configuration.largeInputBytes, 2 << 20)
        XCTAssertEqual(configuration.largeInputWorkers, 2)
        XCTAssertThrowsError(try ConfigurationFile.parse("[processing]\nlarge_input_workers = 0\n"))
    }
}
