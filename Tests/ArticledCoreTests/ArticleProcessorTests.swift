import Spool
import XCTest
@testable import ArticledCore

/// `ArticleProcessor` on a real spool, without the daemon around it: each outcome, the settings
/// it reads per article, batches published together, and the stop check.
final class ArticleProcessorTests: XCTestCase {
    private func processor(_ fixture: DaemonFixture, _ configuration: DaemonConfiguration, bareFileWork: Bool = false) throws -> (ArticleProcessor, LiveSettings) {
        let spool = try Spool(layout: SpoolLayout(root: fixture.root))
        let settings = LiveSettings(DaemonSettings(configuration, logger: fixture.logger, cores: 1))
        return (ArticleProcessor(spool: spool, pipeline: DaemonFixture.pipeline, settings: settings, bareFileWork: bareFileWork), settings)
    }

    private func item(_ name: String, _ origin: WorkItem.Origin = .inboxEvent) -> WorkItem { WorkItem(name: FileName(name), origin: origin) }

    func testABatchIsAnalysedPublishedAndMovedToProcessed() throws {
        let fixture = DaemonFixture()
        let (processor, _) = try processor(fixture, fixture.configuration())
        for name in ["a.txt", "b.txt", "c.txt"] { fixture.drop(name) }
        let outcomes = processor.process([item("a.txt"), item("b.txt", .inboxScan), item("c.txt")]) { false }
        XCTAssertEqual(outcomes, [.analysed, .analysed, .analysed])
        XCTAssertEqual(fixture.names(fixture.outbox), ["a.txt.json", "b.txt.json", "c.txt.json"])
        XCTAssertEqual(fixture.names(fixture.processed), ["a.txt", "b.txt", "c.txt"])
        XCTAssertEqual(fixture.names(fixture.inbox), [])
        XCTAssertEqual(fixture.log.count("info: article analysed"), 3)
    }

    func testEachOutcome() throws {
        let fixture = DaemonFixture()
        var configuration = fixture.configuration()
        configuration.maxBytes = 100
        let (processor, _) = try processor(fixture, configuration)
        fixture.drop("large.txt")
        fixture.drop("empty.txt", [])
        XCTAssertEqual(symlink("/etc/passwd", fixture.inbox + "/link.txt"), 0)
        let outcomes = processor.process([item("large.txt"), item("gone.txt"), item("link.txt"), item("empty.txt")]) { false }
        XCTAssertEqual(outcomes, [.failed, .skipped, .failed, .failed])
        XCTAssertEqual(fixture.json(fixture.failed, "large.txt.error.json")?["code"] as? String, "too_large")
        XCTAssertEqual(fixture.json(fixture.failed, "link.txt.error.json")?["code"] as? String, "symlink")
        XCTAssertNotNil(fixture.json(fixture.failed, "empty.txt.error.json")?["code"] as? String)
        XCTAssertEqual(fixture.names(fixture.outbox), [])
        XCTAssertEqual(fixture.names(fixture.processing), [])
    }

    func testAnArticleClaimedAfterTheStopGoesBackToTheInbox() throws {
        let fixture = DaemonFixture()
        let (processor, _) = try processor(fixture, fixture.configuration())
        fixture.drop("late.txt")
        XCTAssertEqual(processor.process([item("late.txt")]) { true }, [.released])
        XCTAssertEqual(fixture.names(fixture.inbox), ["late.txt"])
        XCTAssertEqual(fixture.names(fixture.processing), [])
        XCTAssertEqual(fixture.names(fixture.outbox), [])
    }

    func testEachArticleReadsTheSettingsInForceWhenItStarts() throws {
        let fixture = DaemonFixture()
        var configuration = fixture.configuration()
        let (processor, settings) = try processor(fixture, configuration)
        fixture.drop("before.txt")
        XCTAssertEqual(processor.process([item("before.txt")]) { false }, [.analysed])
        configuration.afterSuccess = .delete
        settings.replace(with: DaemonSettings(configuration, logger: fixture.logger, cores: 1))
        fixture.drop("after.txt")
        XCTAssertEqual(processor.process([item("after.txt")]) { false }, [.analysed])
        XCTAssertEqual(fixture.names(fixture.processed), ["before.txt"], "after.txt is deleted, not moved")
        XCTAssertEqual(fixture.names(fixture.outbox), ["before.txt.json", "after.txt.json"])
    }

    func testRecoveredArticleIsNotPublishedTwice() throws {
        let fixture = DaemonFixture()
        let (processor, _) = try processor(fixture, fixture.configuration())
        fixture.drop("crash.txt")
        XCTAssertEqual(processor.process([item("crash.txt")]) { false }, [.analysed])
        // As if the run had crashed after publishing and before moving the input.
        XCTAssertEqual(rename(fixture.processed + "/crash.txt", fixture.processing + "/crash.txt"), 0)
        XCTAssertEqual(processor.process([item("crash.txt", .processing)]) { false }, [.analysed])
        XCTAssertEqual(fixture.names(fixture.outbox), ["crash.txt.json"])
        XCTAssertEqual(fixture.names(fixture.processed), ["crash.txt"])
    }

    func testBareFileWorkKeepsTheFileOperationsAndSkipsTheAnalysis() throws {
        let fixture = DaemonFixture()
        let (processor, _) = try processor(fixture, fixture.configuration(), bareFileWork: true)
        fixture.drop("bare.txt")
        XCTAssertEqual(processor.process([item("bare.txt")]) { false }, [.analysed])
        XCTAssertEqual(fixture.json(fixture.outbox, "bare.txt.json")?["bare_file_work"] as? Bool, true)
        XCTAssertEqual(fixture.names(fixture.processed), ["bare.txt"])
    }

    func testAnalysisTimeIsLoggedInTenthsOfMilliseconds() {
        XCTAssertEqual(ArticleProcessor.milliseconds(.microseconds(1250)), "1.3", "half rounds up")
        XCTAssertEqual(ArticleProcessor.milliseconds(.microseconds(1249)), "1.2")
        XCTAssertEqual(ArticleProcessor.milliseconds(.seconds(2)), "2000.0")
        XCTAssertEqual(ArticleProcessor.milliseconds(.zero), "0.0")
    }
}
