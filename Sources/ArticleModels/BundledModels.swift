import Foundation

/// Finds the model files that ship with articled and reads them, once, at start-up.
///
/// SwiftPM copies `Resources/` into `articled_ArticleModels.resources` beside the executable;
/// `make install` copies the same files to `<prefix>/share/articled/models`. `Bundle.module` would
/// stop the process when the bundle is missing, so the places are searched here instead and a
/// missing model is an error the caller can report.
public enum BundledModels {
    public struct NotFound: Error, CustomStringConvertible {
        public var name: String
        public var searched: [String]
        public var description: String { "model file \(name) not found; searched: \(searched.joined(separator: ", "))" }
    }

    /// The folders searched, first match wins: `$ARTICLED_MODELS`, the resource bundle beside the
    /// executable, `../share/articled/models` relative to it, and the source tree (tests, `swift run`).
    public static func searchPath() -> [String] {
        var folders: [String] = []
        if let override = ProcessInfo.processInfo.environment["ARTICLED_MODELS"], !override.isEmpty {
            folders.append(override)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let executableFolder = executable.deletingLastPathComponent()
        folders.append(executableFolder.appendingPathComponent("articled_ArticleModels.resources/Resources").path)
        folders.append(executableFolder.appendingPathComponent("articled_ArticleModels.resources").path)
        folders.append(executableFolder.deletingLastPathComponent().appendingPathComponent("share/articled/models").path)
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources").path)
        return folders
    }

    /// The path of the named model file.
    public static func path(of name: String) throws -> String {
        let folders = searchPath()
        for folder in folders {
            let candidate = folder + "/" + name
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
        }
        throw NotFound(name: name, searched: folders)
    }

    /// The bytes of the named model file.
    public static func bytes(of name: String) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try path(of: name)))
        return [UInt8](data)
    }
}
