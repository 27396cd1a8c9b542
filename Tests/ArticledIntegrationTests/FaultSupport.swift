import Foundation
import Glibc
import XCTest

/// Helpers for the fault-matrix tests: small file systems, fault shims, result collectors.
enum Fault {
    /// Skips unless running as root (mounts, sysctls, chattr and LD_PRELOAD on the daemon).
    static func requireRoot(_ why: String) throws {
        guard getuid() == 0 else { throw XCTSkip("needs root: \(why)") }
    }

    /// Runs a command; returns its exit status and combined output.
    @discardableResult
    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Mounts a tmpfs of `size` (e.g. "2m") at `path`; skips when the kernel refuses.
    static func mountTmpfs(_ path: String, size: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = run(["mount", "-t", "tmpfs", "-o", "size=\(size),mode=0755", "tmpfs", path])
        guard result.status == 0 else { throw XCTSkip("the kernel refused a tmpfs mount here: \(result.output)") }
    }

    static func unmount(_ path: String) { run(["umount", "-l", path]) }

    /// The LD_PRELOAD fault shim (Tests/faults/articled-fault-shim.c), compiled once per test
    /// process with gcc; skips when gcc is missing.
    static func shim() throws -> String {
        try shimLock.withLock {
            if let built = shimPath { return built }
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("faults/articled-fault-shim.c").path
            let output = NSTemporaryDirectory() + "articled-fault-shim-\(getpid()).so"
            let result = run(["gcc", "-shared", "-fPIC", "-O2", "-Wall", "-o", output, source, "-ldl"])
            guard result.status == 0 else { throw XCTSkip("cannot build the fault shim with gcc: \(result.output)") }
            shimPath = output
            return output
        }
    }
    nonisolated(unsafe) private static var shimPath: String?
    private static let shimLock = NSLock()

    /// Writes a sysctl (root); returns the old value.
    static func sysctl(_ name: String, _ value: String) throws -> String {
        let path = "/proc/sys/" + name.replacingOccurrences(of: ".", with: "/")
        let old = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        do { try value.write(toFile: path, atomically: false, encoding: .utf8) } catch {
            throw XCTSkip("the kernel refused \(name) = \(value): \(error)")
        }
        return old
    }

    /// Writes a config file beside the spool and returns its path.
    static func config(_ spool: TestSpool, _ text: String) throws -> String {
        let path = spool.base + "/articled.conf"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Peak resident memory (VmHWM) of a process in KiB.
    static func peakKiB(_ pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Fills the file system holding `folder` with `ballast` until writes fail (ENOSPC).
    static func fill(_ folder: String, ballast: String = ".ballast") -> Int {
        let fd = open(folder + "/" + ballast, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(fd >= 0, "cannot create the ballast")
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x2a, count: 4096)
        var total = 0
        while true {
            let count = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            total += count
        }
        return total
    }
}

/// Moves finished results out of a (small) outbox as they appear, as a consumer would, into a
/// folder on another file system; counts each name it moved.
final class ResultCollector: @unchecked Sendable {
    let outbox: String
    let destination: String
    private let lock = NSLock()
    private var moved: [String: Int] = [:]
    private var stopped = false
    private var thread: Thread?

    init(outbox: String, destination: String) throws {
        self.outbox = outbox
        self.destination = destination
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        let thread = Thread { [self] in loop() }
        self.thread = thread
        thread.start()
    }

    /// Names moved so far, with how many times each was seen.
    var counts: [String: Int] { lock.withLock { moved } }
    var total: Int { lock.withLock { moved.count } }

    private func loop() {
        while !lock.withLock({ stopped }) {
            sweep()
            usleep(20_000)
        }
        sweep()
    }

    private func sweep() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []
        for name in names where !name.hasPrefix(".") && name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: outbox + "/" + name) else { continue }
            let target = destination + "/" + name
            if FileManager.default.fileExists(atPath: target) {
                lock.withLock { moved[name, default: 0] += 1 }  // a second result of the same name
            } else {
                _ = FileManager.default.createFile(atPath: target, contents: data)
                lock.withLock { moved[name, default: 0] += 1 }
            }
            unlink(outbox + "/" + name)
        }
    }

    func stop() {
        lock.withLock { stopped = true }
        while thread?.isFinished == false { usleep(10_000) }
    }
}
