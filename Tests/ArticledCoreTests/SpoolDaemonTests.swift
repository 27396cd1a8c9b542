import Glibc
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import XCTest
@testable import ArticledCore

/// `SpoolDaemon` and `ArticledService` in this process (the binary-level tests in
/// ArticledIntegrationTests run the real executable): start-up, an article through the spool,
/// graceful shutdown through swift-service-lifecycle, live reload and its refusal.
final class SpoolDaemonTests: XCTestCase {
    /// A configuration the test can change between reloads; the daemon's loader reads it.
    final class ConfigurationSource: Sendable {
        private let state: Mutex<Result<DaemonConfiguration, ConfigurationError>>
        init(_ configuration: DaemonConfiguration) { state = Mutex(.success(configuration)) }
        func set(_ configuration: DaemonConfiguration) { state.withLock { $0 = .success(configuration) } }
        func break_(_ message: String) {
            state.withLock { $0 = .failure(ConfigurationError(path: "test.conf", issues: [ConfigurationIssue(line: 1, key: "processing.workers", message: message)])) }
        }
        func load() throws -> DaemonConfiguration { try state.withLock { $0 }.get() }
    }

    private func makeDaemon(_ fixture: DaemonFixture, _ source: ConfigurationSource) throws -> SpoolDaemon {
        try SpoolDaemon(configuration: source.load(), loadConfiguration: { try source.load() },
                        pipeline: DaemonFixture.pipeline, logger: fixture.logger)
    }

    func testRecoversScansAndWatchesThenStopsOnGracefulShutdown() async throws {
        let fixture = DaemonFixture()
        let source = ConfigurationSource(fixture.configuration(workers: 2))
        let daemon = try makeDaemon(fixture, source)
        // Left by a "crashed run" and waiting before start: both are taken by the start-up scan.
        fixture.drop("left.txt", into: fixture.processing)
        fixture.drop("early.txt")

        try await testGracefulShutdown { trigger in
            let running = Task { try await ArticledService(daemon: daemon).run() }
            await waitUntil("the start-up scan's articles are analysed") {
                fixture.names(fixture.outbox) == ["left.txt.json", "early.txt.json"]
            }
            fixture.drop("late.txt")
            await waitUntil("the watched article is analysed") { fixture.names(fixture.outbox).contains("late.txt.json") }

            trigger.triggerGracefulShutdown()
            try await running.value
        }
        XCTAssertEqual(fixture.names(fixture.processed), ["left.txt", "early.txt", "late.txt"])
        XCTAssertEqual(fixture.names(fixture.processing), [])
        XCTAssertEqual((fixture.json(fixture.outbox, "late.txt.json")?["schema"] as? String)?.hasPrefix("articled.analysis/"), true)
        XCTAssertTrue(fixture.log.contains("recovering an article left in processing/"), "\(fixture.log.all)")
        XCTAssertTrue(fixture.log.contains("notice: stopped"), "\(fixture.log.all)")
    }

    func testCancellationStopsTheService() async throws {
        let fixture = DaemonFixture()
        let daemon = try makeDaemon(fixture, ConfigurationSource(fixture.configuration()))
        let running = Task { try await ArticledService(daemon: daemon).run() }
        await waitUntil("the daemon is watching") { fixture.log.contains("articled is watching") }
        running.cancel()
        try await running.value
        XCTAssertTrue(fixture.log.contains("notice: stopped"), "\(fixture.log.all)")
    }

    func testReloadHandsNewSettingsToTheWorkersAndKeepsThemWhenTheFileIsBroken() async throws {
        let fixture = DaemonFixture()
        var configuration = fixture.configuration()
        let source = ConfigurationSource(configuration)
        let daemon = try makeDaemon(fixture, source)

        try await testGracefulShutdown { trigger in
            let running = Task { try await ArticledService(daemon: daemon).run() }
            fixture.drop("moved.txt")
            await waitUntil("the first article is moved to processed/") { fixture.names(fixture.processed).contains("moved.txt") }

            // A broken configuration is refused; the running one (move to processed/) stays. This
            // reload is asked for the way systemd does, with SIGHUP to the process (the service
            // reads it from its UnixSignalsSequence).
            source.break_("must be a whole number")
            XCTAssertEqual(kill(getpid(), SIGHUP), 0)
            await waitUntil("the reload is refused") { fixture.log.contains("configuration rejected") }
            fixture.drop("kept.txt")
            await waitUntil("the next article is moved too") { fixture.names(fixture.processed).contains("kept.txt") }

            // A good one is applied: inputs are deleted after success, and the spool root is pinned.
            configuration.afterSuccess = .delete
            configuration.maxBytes = 100
            configuration.workers = 3
            configuration.spoolRoot = fixture.root + "/elsewhere"
            source.set(configuration)
            daemon.requestReload()
            await waitUntil("the reload is applied") { fixture.log.contains("configuration reloaded") }
            XCTAssertTrue(fixture.log.contains("the spool root cannot change while running"), "\(fixture.log.all)")
            fixture.drop("small.txt", Array("A short note.\n".utf8))
            fixture.drop("large.txt")
            await waitUntil("both new articles are done") {
                fixture.names(fixture.outbox).contains("small.txt.json") && fixture.names(fixture.failed).contains("large.txt.error.json")
            }
            XCTAssertFalse(fixture.names(fixture.processed).contains("small.txt"), "deleted after success, not moved")
            XCTAssertEqual(fixture.json(fixture.failed, "large.txt.error.json")?["code"] as? String, "too_large")

            trigger.triggerGracefulShutdown()
            try await running.value
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.root + "/elsewhere"))
    }

    func testABurstBeyondTheQueueLimitIsAllAnalysed() async throws {
        let fixture = DaemonFixture()
        var configuration = fixture.configuration(workers: 2)
        configuration.queueLimit = 4
        let daemon = try makeDaemon(fixture, ConfigurationSource(configuration))
        let names = (0..<40).map { "burst-\($0).txt" }

        try await testGracefulShutdown { trigger in
            let running = Task { try await ArticledService(daemon: daemon).run() }
            await waitUntil("the daemon is watching") { fixture.log.contains("articled is watching") }
            for name in names { fixture.drop(name) }
            await waitUntil("every article of the burst is analysed") { fixture.names(fixture.outbox).count == names.count }
            trigger.triggerGracefulShutdown()
            try await running.value
        }
        XCTAssertEqual(fixture.names(fixture.processed), Set(names))
        XCTAssertEqual(fixture.names(fixture.inbox), [])
    }
}
