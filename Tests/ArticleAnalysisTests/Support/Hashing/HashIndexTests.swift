import XCTest
@testable import ArticleAnalysis

final class HashIndexTests: XCTestCase {
    /// Look-ups, insertions and find-or-insert (which share one probe loop) agree with a
    /// dictionary through growth, colliding slots, key 0 and emptying.
    func testAgreesWithADictionary() {
        var index = HashIndex(capacity: 4)
        var expected: [UInt64: Int32] = [:]
        var generator = SystemRandomNumberGenerator()
        var keys: [UInt64] = [0, 1, 2, UInt64.max]
        // Keys that share their top bits pick the same slot and must probe past each other.
        for n in 0..<200 { keys.append(UInt64(n) | 0xABCD_0000_0000_0000) }
        for _ in 0..<300 { keys.append(UInt64.random(in: 3...UInt64.max, using: &generator)) }
        for (n, key) in keys.enumerated() where key != 1 {  // 0 reads as 1: keep one of them
            if n % 2 == 0 {
                index.insert(key, Int32(n))
                expected[key] = Int32(n)
            } else {
                let value = index.value(of: key, insertingIfAbsent: Int32(n))
                XCTAssertEqual(value, expected[key] ?? Int32(n))
                if expected[key] == nil { expected[key] = Int32(n) }
            }
        }
        XCTAssertEqual(index.count, expected.count)
        for (key, value) in expected { XCTAssertEqual(index[key], value) }
        XCTAssertNil(index[0xABCD_0000_0000_FFFF])
        index.removeAll()
        XCTAssertEqual(index.count, 0)
        for key in expected.keys { XCTAssertNil(index[key]) }
    }
}
