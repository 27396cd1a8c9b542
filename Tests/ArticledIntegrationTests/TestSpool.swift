import Foundation
import Glibc
import XCTest

/// A spool in a fresh temporary folder plus helpers to drop articles and inspect the folders.
final class TestSpool {
    let base: String
    let root: String
    var inbox: String { root + "/inbox" }
    var outbox: String { root + "/outbox" }
    var processed: String { root + "/processed" }
    var failed: String { root + "/failed" }
    var processing: String { root + "/processing" }
    /// A folder on the same file system for writing files before renaming them into the inbox.
    var staging: String { base + "/staging" }

    init() throws {
        var template = Array("/tmp/articled-it-XXXXXX".utf8CString)
        base = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        root = base + "/spool"
        for folder in [root, inbox, staging] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    /// The repository's `../shared/corpus`, found from this file's path.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus").path

    static var wikinews: [String] {
        let folder = corpus + "/wikinews-2019"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder + "/" + $0 }
    }

    static var reference: String { corpus + "/seed/al-nusrah-interview.txt" }

    static func contents(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

    /// Writes a file straight into the inbox (the daemon sees IN_CLOSE_WRITE).
    func drop(_ name: [UInt8], _ bytes: [UInt8]) { write(inbox, name, bytes) }
    func drop(_ name: String, _ bytes: [UInt8]) { drop(Array(name.utf8), bytes) }

    /// Writes a file in staging, then renames it into the inbox (IN_MOVED_TO).
    func dropByRename(_ name: String, _ bytes: [UInt8]) {
        write(staging, Array(name.utf8), bytes)
        XCTAssertEqual(rename(staging + "/" + name, inbox + "/" + name), 0)
    }

    func write(_ folder: String, _ name: [UInt8], _ bytes: [UInt8]) {
        let fd = Self.withPath(folder, name) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        precondition(fd >= 0, "cannot create a file in \(folder)")
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// Entry names of a folder as raw bytes (names may not be UTF-8).
    func entries(_ folder: String) -> [[UInt8]] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { start in
                    Array(UnsafeRawBufferPointer(start: start, count: strlen(start)))
                }
            }
            if name != Array(".".utf8) && name != Array("..".utf8) { names.append(name) }
        }
        return names
    }

    func names(_ folder: String) -> Set<String> { Set(entries(folder).map { String(decoding: $0, as: UTF8.self) }) }
    func count(_ folder: String) -> Int { entries(folder).count }

    func json(_ folder: String, _ name: [UInt8]) -> [String: Any]? {
        let fd = Self.withPath(folder, name) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        guard let data = try? handle.readToEnd() else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    func json(_ folder: String, _ name: String) -> [String: Any]? { json(folder, Array(name.utf8)) }

    static func withPath<R>(_ folder: String, _ name: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        let bytes = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        return bytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }

    /// `count` distinct short articles named burst-00000.txt…: bursts exercise the file work, so
    /// their bodies are small to keep the analysis (slow in a debug build) out of the way.
    static func burst(_ count: Int) -> [(name: String, bytes: [UInt8])] {
        (0..<count).map { index in
            let name = "burst-" + String(repeating: "0", count: 5 - String(index).count) + String(index) + ".txt"
            let text = "Burst item \(index)\n\nThe council of Springfield met on Monday. Mayor Jane Smith said the budget for item \(index) was approved.\n"
            return (name, Array(text.utf8))
        }
    }

    /// Asserts that every name has exactly one result `<name>.json` in the outbox and its input in
    /// processed/, and that nothing else is left anywhere.
    func assertExactlyOneResultEach(_ articles: [String], file: StaticString = #filePath, line: UInt = #line) {
        let outboxNames = names(outbox)
        XCTAssertEqual(outboxNames, Set(articles.map { $0 + ".json" }), "outbox holds exactly one result per article", file: file, line: line)
        XCTAssertEqual(names(processed), Set(articles), "every input is in processed/", file: file, line: line)
        XCTAssertEqual(count(inbox), 0, "inbox is empty", file: file, line: line)
        XCTAssertEqual(count(processing), 0, "processing/ is empty", file: file, line: line)
        XCTAssertEqual(count(failed), 0, "failed/ is empty", file: file, line: line)
    }
}
