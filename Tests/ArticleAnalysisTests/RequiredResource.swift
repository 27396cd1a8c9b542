import Foundation
import XCTest

/// What a test throws when something outside the repository is missing: the shared corpus
/// (`../shared/corpus`, or `$ARTICLED_CORPUS`) or python3 with `jsonschema`.
///
/// On a developer's machine such a test is skipped (`XCTSkip`). In CI, where `.ci/run` sets
/// `ARTICLED_REQUIRE_CORPUS=1`, it fails instead: a run that silently skipped the 40-odd corpus
/// tests and the schema tests would look green while testing much less.
enum RequiredResource {
    /// The environment variable that turns a missing resource into a failure.
    static let variable = "ARTICLED_REQUIRE_CORPUS"

    /// True when `ARTICLED_REQUIRE_CORPUS=1`.
    static var isRequired: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// The error to throw when `message` describes what is missing.
    static func missing(_ message: String, required: Bool = isRequired) -> any Error {
        required ? Missing(message: message) : XCTSkip(message)
    }

    /// Throws `missing(message)` unless `condition` holds.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw missing(message()) }
    }

    /// A missing resource under `ARTICLED_REQUIRE_CORPUS=1`: XCTest reports the thrown error as
    /// a failure of the test.
    struct Missing: Error, CustomStringConvertible {
        var message: String
        var description: String { "\(message) (\(RequiredResource.variable)=1: required, so this fails instead of skipping)" }
    }
}

final class RequiredResourceTests: XCTestCase {
    func testAMissingResourceSkipsUnlessRequired() {
        XCTAssertTrue(RequiredResource.missing("no corpus", required: false) is XCTSkip)
        let required = RequiredResource.missing("no corpus", required: true)
        XCTAssertFalse(required is XCTSkip)
        XCTAssertTrue("\(required)".contains("no corpus"))
    }
}
