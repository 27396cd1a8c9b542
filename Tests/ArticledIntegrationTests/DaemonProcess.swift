import Foundation
import Glibc
import XCTest

/// The real `articled` binary running `articled run` on a test spool.
///
/// The binary is the one built beside this test bundle (same scratch path, so it works with
/// `swift test --scratch-path X`); `ARTICLED_BINARY` overrides it. Logs go to a file in the
/// spool's parent folder, shown when a test fails.
final class DaemonProcess: @unchecked Sendable {
    let process = Process()
    let logPath: String
    /// Set when the test stops the daemon itself; any other exit is a failure.
    private(set) var stopRequested = false

    /// Daemons of the running test, so that `waitUntil` fails at once when one dies.
    private struct Entry { weak var daemon: DaemonProcess? }
    nonisolated(unsafe) private static var running: [Entry] = []
    static let runningLock = NSLock()

    /// The first daemon that exited without being asked to, with its log.
    static var unexpectedExit: (pid: Int32, log: String)? {
        runningLock.withLock {
            running.compactMap(\.daemon).first { !$0.stopRequested && !$0.process.isRunning }.map { ($0.pid, $0.log) }
        }
    }

    static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["ARTICLED_BINARY"] { return path }
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        // On Linux the bundle is an executable in the build folder; on other layouts it is a folder.
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("articled").path) && folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("articled").path
    }

    init(
        spool: TestSpool, arguments extra: [String] = [], notifySocket: String? = nil,
        environment added: [String: String] = [:], name: String = "daemon", wrapper: [String] = []
    ) throws {
        logPath = spool.base + "/\(name)-\(UUID().uuidString.prefix(8)).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        // A wrapper (setpriv, unshare…) runs the binary in its own way: wrapper + [binary, run…].
        process.executableURL = URL(fileURLWithPath: wrapper.isEmpty ? Self.binaryPath : "/usr/bin/env")
        process.arguments = (wrapper.isEmpty ? [] : wrapper + [Self.binaryPath]) + ["run", "--spool", spool.root] + extra
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "LISTEN_FDS", "LISTEN_PID"] {
            environment.removeValue(forKey: key)
        }
        if let notifySocket { environment["NOTIFY_SOCKET"] = notifySocket }
        environment.merge(added) { _, new in new }
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: logPath)
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        Self.runningLock.withLock { Self.running.append(Entry(daemon: self)) }
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var logBytes: [UInt8] { Array(FileManager.default.contents(atPath: logPath) ?? Data()) }
    var log: String { String(decoding: logBytes, as: UTF8.self) }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Sends SIGTERM and waits for the exit; returns the exit status (nil when killed by a signal).
    func terminate() -> Int32? {
        stopRequested = true
        signal(SIGTERM)
        let status = waitForExit()
        forget()
        return status
    }

    func killHard() {
        stopRequested = true
        signal(SIGKILL)
        process.waitUntilExit()
        forget()
    }

    static func forgetAll() { runningLock.withLock { running.removeAll() } }

    private func forget() {
        Self.runningLock.withLock { Self.running.removeAll { $0.daemon == nil || $0.daemon === self } }
    }

    func waitForExit(seconds: Double = 120) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard !process.isRunning else { return nil }
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }
}

/// Polls `condition` every 50 ms until it holds or the (generous) deadline passes. The deadline
/// only stops a broken test from hanging; no test asserts how fast anything is.
func waitUntil(_ what: String, seconds: Double = 150, file: StaticString = #filePath, line: UInt = #line, _ condition: () -> Bool) {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        if let dead = DaemonProcess.unexpectedExit {
            XCTFail("articled (pid \(dead.pid)) exited while waiting until \(what):\n\(dead.log)", file: file, line: line)
            DaemonProcess.forgetAll()
            return
        }
        if Date() > deadline {
            XCTFail("timed out waiting until \(what)", file: file, line: line)
            return
        }
        usleep(50_000)
    }
}
