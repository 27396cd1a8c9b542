@testable import ArticleAnalysis
import XCTest

final class KeyFilterTests: XCTestCase {
    /// Every inserted key passes; most other keys do not (a sparse filter).
    func testInsertedKeysPassAndMostOthersDoNot() {
        var filter = KeyFilter(bits: 16)
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<500).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) } + [0, 1, UInt64.max]
        for key in keys { filter.insert(key) }
        for key in keys { XCTAssertTrue(filter.mayContain(key)) }
        let others = (0..<10_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        let passed = others.filter { filter.mayContain($0) }.count
        XCTAssertLessThan(passed, 500)  // about 500 of 65,536 bits set: under 1% expected
    }
}
