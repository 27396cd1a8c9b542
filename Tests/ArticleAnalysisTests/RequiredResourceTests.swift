import TestSupport
import XCTest

final class RequiredResourceTests: XCTestCase {
    func testAMissingResourceSkipsUnlessRequired() {
        XCTAssertTrue(RequiredResource.missing("no corpus", required: false) is XCTSkip)
        let required = RequiredResource.missing("no corpus", required: true)
        XCTAssertFalse(required is XCTSkip)
        XCTAssertTrue("\(required)".contains("no corpus"))
    }
}
