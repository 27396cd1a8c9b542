@testable import ArticleAnalysis
import XCTest

/// `EntityResolver.sortedIndices`: the packed-integer sort and the comparator sort give the same
/// order, the one its `SortKey` states.
final class EntityResolverOrderTests: XCTestCase {
    private typealias SortKey = EntityResolver.SortKey

    /// Both paths, on keys that fit the packing (with many ties, so the index decides).
    func testPackedAndComparedOrdersAgree() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 17, 500] {
            let keys = (0..<count).map { _ in
                SortKey(major: -2 * Int.random(in: 1...4, using: &generator) + Int.random(in: 0...1, using: &generator),
                        start: Int.random(in: 0..<(count / 2 + 1), using: &generator))
            }
            let packed = EntityResolver.sortedIndices(keys)
            let compared = EntityResolver.sortedIndices(keys, packing: false)
            XCTAssertEqual(packed, compared, "\(count) keys")
            let expected = keys.indices.sorted { a, b in
                (keys[a].major, keys[a].start, a) < (keys[b].major, keys[b].start, b)
            }
            XCTAssertEqual(packed, expected)
        }
    }

    /// Keys outside the packing's range (more than 2^16 words, a start past 2^30) take the
    /// comparator path and still come out in key order.
    func testKeysBeyondThePackingAreCompared() {
        let keys = [SortKey(major: -2 * 70_000, start: 5), SortKey(major: -4, start: 1 << 31), SortKey(major: -4, start: 3),
                    SortKey(major: 0, start: 0)]
        XCTAssertEqual(EntityResolver.sortedIndices(keys), [0, 2, 1, 3])
    }
}
