import Foundation
import Glibc
@testable import Spool

/// A spool in a fresh temporary folder, removed at the end of the test.
final class SpoolFixture {
    let root: String
    let layout: SpoolLayout

    init() {
        var template = Array("/tmp/spool-test-XXXXXX".utf8CString)
        root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        layout = SpoolLayout(root: root)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ folder: String, _ name: FileName, _ content: [UInt8]) {
        let fd = FileSystem.withPath(folder, name) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        precondition(fd >= 0, "cannot create \(name)")
        try! FileSystem.writeAll(fd, content, path: folder)
        close(fd)
    }

    func write(_ folder: String, _ name: String, _ text: String) { write(folder, FileName(name), Array(text.utf8)) }

    func names(_ folder: String) -> Set<FileName> { Set((try? FileSystem.list(folder)) ?? []) }

    func read(_ folder: String, _ name: FileName) -> [UInt8]? { Spool.readSmallFile(folder, name) }

    func json(_ folder: String, _ name: FileName) -> [String: Any]? {
        guard let bytes = read(folder, name) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }
}
