import Foundation
import XCTest

/// What a test throws when something outside the repository is missing: the shared corpus
/// (`../shared/corpus`, or `$ARTICLED_CORPUS`) or python3 with `jsonschema`.
///
/// On a developer's machine such a test is skipped (`XCTSkip`). In CI, where `.ci/run` sets
/// `ARTICLED_REQUIRE_CORPUS=1`, it fails instead: a run that silently skipped the 40-odd corpus
/// tests and the schema tests would look green while testing much less.
public enum RequiredResource {
    /// The environment variable that turns a missing resource into a failure.
    public static let variable = "ARTICLED_REQUIRE_CORPUS"

    /// True when `ARTICLED_REQUIRE_CORPUS=1`.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// The error to throw when `message` describes what is missing.
    public static func missing(_ message: String, required: Bool = isRequired) -> any Error {
        required ? Missing(message: message) : XCTSkip(message)
    }

    /// Throws `missing(message)` unless `condition` holds.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw missing(message()) }
    }

    /// A missing resource under `ARTICLED_REQUIRE_CORPUS=1`: XCTest reports the thrown error as
    /// a failure of the test.
    public struct Missing: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "\(message) (\(RequiredResource.variable)=1: required, so this fails instead of skipping)" }
    }
}

/// Where the shared corpus is: `$ARTICLED_CORPUS` when set, else `../shared/corpus` beside the
/// repository (where CI and developers keep it). The one place every test target asks.
public enum CorpusLocation {
    public static var root: URL {
        if let override = ProcessInfo.processInfo.environment["ARTICLED_CORPUS"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }

    /// The repository's root folder, found from this file's path (Tests/TestSupport/...).
    public static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
