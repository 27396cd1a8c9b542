import Foundation
import TestSupport
import XCTest

/// The shared corpus next to the repository: the reference article and the Wikinews 2019 sample.
/// Tests may use Foundation; the library may not.
enum CorpusFiles {
    /// `<repo>/../shared/corpus`, or `$ARTICLED_CORPUS` when set (`CorpusLocation`).
    static var root: URL { CorpusLocation.root }

    static var referenceURL: URL { root.appendingPathComponent("seed/al-nusrah-interview.txt") }

    /// The reference article's bytes, or nil when the corpus is not there.
    static func reference() -> [UInt8]? {
        FileManager.default.contents(atPath: referenceURL.path).map { [UInt8]($0) }
    }

    /// The Wikinews articles (file name, bytes), in file-name order.
    static func wikinews() -> [(name: String, bytes: [UInt8])] {
        let folder = root.appendingPathComponent("wikinews-2019")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, [UInt8]($0)) }
        }
    }

    /// The Wikinews index: file name to (title, ISO date).
    static func wikinewsIndex() -> [String: (title: String, date: String)] {
        let url = root.appendingPathComponent("wikinews-2019/index.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let entries = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [:] }
        var index: [String: (title: String, date: String)] = [:]
        for entry in entries {
            if let file = entry["file"] as? String, let title = entry["title"] as? String, let date = entry["date"] as? String {
                index[file] = (title, date)
            }
        }
        return index
    }

    /// Skips the calling test with a clear message when the corpus is missing (fails it under
    /// ARTICLED_REQUIRE_CORPUS=1, see `RequiredResource`).
    static func requireCorpus() throws {
        try RequiredResource.require(FileManager.default.fileExists(atPath: referenceURL.path),
                                     "the shared corpus is not at \(root.path) (set ARTICLED_CORPUS to its folder)")
    }
}
