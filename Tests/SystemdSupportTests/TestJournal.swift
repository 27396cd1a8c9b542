import Foundation
import Glibc
import XCTest

/// A journald the journald test can write to and read back with `journalctl -o json`.
///
/// - If a journald already listens on /run/systemd/journal/socket (a normal systemd host), that
///   one is used as is: the test only adds entries marked with its own `TEST_RUN` field.
/// - Otherwise, as root with /lib/systemd/systemd-journald present (CI here: root, no systemd as
///   PID 1), a private journald is started in its own mount namespace with tmpfs over
///   /run/log and /var/log/journal, so its journal files never touch the host; only its sockets
///   in the shared /run/systemd/journal are visible. ``stop()`` kills it and removes exactly the
///   files it created there. An exclusive lock serialises concurrent test runs.
/// - Otherwise the test is skipped with the reason.
final class TestJournal {
    static let socketPath = "/run/systemd/journal/socket"
    static let journaldPath = "/lib/systemd/systemd-journald"
    static let runtimeFolder = "/run/systemd/journal"

    private var journald: Process?
    private var lockDescriptor: Int32 = -1
    private var runtimeEntriesBefore: Set<String>?
    private var createdRunLog = false

    init() throws {
        guard ["/usr/bin/journalctl", "/bin/journalctl"].contains(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("journalctl is missing (install systemd)")
        }
        if getuid() == 0 {
            lockDescriptor = open("/run/lock/articled-journald-test.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            guard lockDescriptor >= 0, flock(lockDescriptor, LOCK_EX) == 0 else {
                throw XCTSkip("cannot take /run/lock/articled-journald-test.lock: \(String(cString: strerror(errno)))")
            }
        }
        let leftoverRemoved = getuid() == 0 && Self.stopLeftoverTestJournald()
        if Self.isListening(Self.socketPath) { return }
        guard getuid() == 0 else {
            throw XCTSkip("no journald is listening on \(Self.socketPath) and starting a private one needs root")
        }
        guard FileManager.default.isExecutableFile(atPath: Self.journaldPath) else {
            throw XCTSkip("no journald is listening and \(Self.journaldPath) is missing (install systemd)")
        }
        try startPrivateJournald(runtimeFolderIsOurs: leftoverRemoved)
    }

    deinit { stop() }

    /// Entries matching every `FIELD=value` match, as journalctl's JSON objects.
    func entries(matching matches: [String]) throws -> [[String: Any]] {
        var arguments = ["journalctl", "--no-pager", "-o", "json"] + matches
        if let journald {
            arguments = ["nsenter", "-t", String(journald.processIdentifier), "-m", "--"] + arguments
        }
        let output = try Self.run(arguments)
        return output.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
    }

    /// Polls until journald has stored an entry matching `matches` (it processes datagrams
    /// asynchronously); gives up after `attempts` tries.
    func waitForEntries(matching matches: [String], attempts: Int = 100) throws -> [[String: Any]] {
        for _ in 0..<attempts {
            let found = try entries(matching: matches)
            if !found.isEmpty { return found }
            usleep(100_000)
        }
        return []
    }

    func stop() {
        if let journald {
            if journald.isRunning {
                journald.terminate()
                journald.waitUntilExit()
            }
            self.journald = nil
            removeRuntimeFilesCreatedByJournald()
        }
        if createdRunLog {
            rmdir("/run/log")
            createdRunLog = false
        }
        if lockDescriptor >= 0 {
            close(lockDescriptor)
            lockDescriptor = -1
        }
    }

    private func startPrivateJournald(runtimeFolderIsOurs: Bool) throws {
        let files = FileManager.default
        runtimeEntriesBefore =
            files.fileExists(atPath: Self.runtimeFolder) && !runtimeFolderIsOurs
            ? Set((try? files.contentsOfDirectory(atPath: Self.runtimeFolder)) ?? []) : nil
        if !files.fileExists(atPath: "/run/log") {
            try files.createDirectory(atPath: "/run/log", withIntermediateDirectories: true)
            createdRunLog = true
        }
        let script = """
            set -e
            mount -t tmpfs -o mode=0755 articled-test-journal /run/log
            if [ -d /var/log/journal ]; then mount -t tmpfs -o mode=2755 articled-test-journal /var/log/journal; fi
            exec \(Self.journaldPath)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--mount", "--propagation", "private", "--", "/bin/sh", "-c", script]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID"] {
            environment[name] = nil
        }
        process.environment = environment
        try process.run()
        journald = process
        for _ in 0..<150 {
            if Self.isListening(Self.socketPath) { return }
            guard process.isRunning else { break }
            usleep(100_000)
        }
        stop()
        throw XCTSkip("a private systemd-journald did not come up (is unshare/mount allowed here?)")
    }

    /// Removes what our journald created under /run/systemd/journal, and the folder itself if
    /// it did not exist before.
    private func removeRuntimeFilesCreatedByJournald() {
        let files = FileManager.default
        guard let before = runtimeEntriesBefore else {
            try? files.removeItem(atPath: Self.runtimeFolder)
            return
        }
        for entry in (try? files.contentsOfDirectory(atPath: Self.runtimeFolder)) ?? [] where !before.contains(entry) {
            try? files.removeItem(atPath: Self.runtimeFolder + "/" + entry)
        }
    }

    /// Stops a private journald left running by an earlier, crashed run of this test (recognised by
    /// the `articled-test-journal` tmpfs in its mount table), so that it is not mistaken for the
    /// system's journald. Returns true when one was stopped on a host not booted with systemd,
    /// i.e. when /run/systemd/journal was ours.
    static func stopLeftoverTestJournald() -> Bool {
        var stopped = false
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
                comm.hasPrefix("systemd-journal"),
                let mounts = try? String(contentsOfFile: "/proc/\(pid)/mountinfo", encoding: .utf8),
                mounts.contains("articled-test-journal")
            else { continue }
            kill(pid, SIGTERM)
            for _ in 0..<50 where kill(pid, 0) == 0 { usleep(100_000) }
            stopped = true
        }
        return stopped && !FileManager.default.fileExists(atPath: "/run/systemd/system")
    }

    /// True when a datagram socket at `path` accepts connections, i.e. a journald is bound to it.
    static func isListening(_ path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    /// Runs a command found on PATH and returns its stdout; throws when it fails.
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(command: arguments.joined(separator: " "), status: process.terminationStatus)
        }
        return data
    }
}

struct CommandFailed: Error, CustomStringConvertible {
    let command: String
    let status: Int32
    var description: String { "\(command) exited with status \(status)" }
}

/// A journalctl JSON field value as text: journalctl writes a string, or an array of byte values
/// for data that is not printable UTF-8, or an array of those when a field occurs several times.
func journalText(_ value: Any?) -> String? {
    if let string = value as? String { return string }
    if let bytes = value as? [Int] { return String(decoding: bytes.map(UInt8.init), as: UTF8.self) }
    if let many = value as? [Any], let first = many.first { return journalText(first) }
    return nil
}
