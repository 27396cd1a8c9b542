import ArticleAnalysis
import ArticleModels
import Foundation
import Glibc
import Logging
import Synchronization
import XCTest
@testable import ArticledCore

/// A daemon's world in a fresh temporary folder: the spool root, a logger that records what it
/// is told, and helpers to drop articles and look at the folders. Removed at the end of the test.
final class DaemonFixture: Sendable {
    let root: String
    let log = RecordedLog()
    var inbox: String { root + "/inbox" }
    var outbox: String { root + "/outbox" }
    var processed: String { root + "/processed" }
    var failed: String { root + "/failed" }
    var processing: String { root + "/processing" }

    init() {
        var template = Array("/tmp/articled-core-XXXXXX".utf8CString)
        root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The bundled pipeline, loaded once for every test of the process.
    static let pipeline: AnalysisPipeline = try! AnalysisPipeline.bundled()

    /// A short article with a person, a place, a quote and a date: enough for every stage.
    static let article = Array("""
        Storm closes harbour in Portsmouth

        The harbour in Portsmouth was closed on Tuesday after a storm damaged two piers, the port \
        authority said. "We will reopen as soon as the divers have checked the walls," said Maria \
        Jensen, the harbour master. Ferries to the Isle of Wight were cancelled until Thursday.

        """.utf8)

    /// A configuration for this spool, one worker unless said otherwise.
    func configuration(workers: Int = 1) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        configuration.spoolRoot = root
        configuration.workers = workers
        return configuration
    }

    /// A logger that records into `log`, at the level the configuration sets.
    var logger: Logger { Logger(label: "articled-test") { [log] _ in RecordingLogHandler(log: log) } }

    /// Writes a file straight into the inbox (the daemon sees IN_CLOSE_WRITE).
    func drop(_ name: String, _ bytes: [UInt8] = DaemonFixture.article, into folder: String? = nil) {
        let path = (folder ?? inbox) + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
    }

    func names(_ folder: String) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") })
    }

    func json(_ folder: String, _ name: String) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}

/// Messages a `RecordingLogHandler` was given, safe to read from the test while daemon threads log.
final class RecordedLog: Sendable {
    private let messages = Mutex<[String]>([])

    func append(_ message: String) { messages.withLock { $0.append(message) } }
    var all: [String] { messages.withLock { $0 } }
    func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }
    func count(_ text: String) -> Int { all.filter { $0.contains(text) }.count }
}

/// A swift-log handler that records messages (not metadata) into a `RecordedLog`.
struct RecordingLogHandler: LogHandler {
    let log: RecordedLog
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        log.append("\(event.level): \(event.message)")
    }
}

/// Polls `condition` every 20 ms until it holds, failing the test after `rounds` polls (a bound
/// on a hang, not a timing assertion).
func waitUntil(_ what: String, rounds: Int = 1500, file: StaticString = #filePath, line: UInt = #line, _ condition: () -> Bool) async {
    for _ in 0..<rounds {
        if condition() { return }
        try? await Task.sleep(for: .milliseconds(20))
    }
    XCTFail("timed out waiting until \(what)", file: file, line: line)
}
