import XCTest
@testable import ArticleAnalysis

final class FlatHashMapTests: XCTestCase {
    /// Look-ups, insertions and find-or-insert (which share one probe loop) agree with a
    /// dictionary through growth, colliding slots, and the keys 0 and 1 (0 marks an empty slot,
    /// so it is kept apart: both are keys of their own).
    func testAgreesWithADictionary() {
        var map = FlatHashMap<Int32>(capacity: 4)
        var expected: [UInt64: Int32] = [:]
        var generator = SystemRandomNumberGenerator()
        var keys: [UInt64] = [0, 1, 2, UInt64.max, 0, 1]
        // Keys that share their top bits pick the same slot and must probe past each other.
        for n in 0..<200 { keys.append(UInt64(n) | 0xABCD_0000_0000_0000) }
        for _ in 0..<300 { keys.append(UInt64.random(in: 3...UInt64.max, using: &generator)) }
        for (n, key) in keys.enumerated() {
            switch n % 3 {
            case 0:
                map.set(key, Int32(n))
                expected[key] = Int32(n)
            case 1:
                let value = map.value(of: key, insertingIfAbsent: Int32(n))
                XCTAssertEqual(value, expected[key] ?? Int32(n))
                if expected[key] == nil { expected[key] = Int32(n) }
            default:
                map.setMinimum(key, Int32(n) - 100)
                expected[key] = min(expected[key] ?? .max, Int32(n) - 100)
            }
        }
        XCTAssertEqual(map.count, expected.count)
        for (key, value) in expected { XCTAssertEqual(map[key], value, "key \(key)") }
        XCTAssertNil(map[0xABCD_0000_0000_FFFF])
        XCTAssertEqual(map.sortedEntries().map(\.key), expected.keys.sorted())
    }

    /// The keys 0 and 1 are two keys: setting one leaves the other absent.
    func testKeysZeroAndOneAreDistinct() {
        var map = FlatHashMap<UInt8>()
        map[0] = 7
        XCTAssertEqual(map[0], 7)
        XCTAssertNil(map[1])
        XCTAssertFalse(map.contains(1))
        map[1] = 9
        XCTAssertEqual(map[0], 7)
        XCTAssertEqual(map[1], 9)
        XCTAssertEqual(map.count, 2)
        map.insertIfAbsent(0, 3)
        XCTAssertEqual(map[0], 7)
        XCTAssertEqual(map.sortedEntries().map(\.key), [0, 1])
        XCTAssertEqual(map.sortedEntries().map(\.value), [7, 9])
    }

    /// The set and numbering initialisers: members have the value 1; numbered keys keep the
    /// position of their first listing.
    func testSetsAndNumberings() {
        let set = FlatHashMap<UInt8>([5, 0, 5, 1 << 63])
        XCTAssertEqual(set.count, 3)
        XCTAssertEqual(set[0], 1)
        XCTAssertEqual(set[1 << 63], 1)
        XCTAssertNil(set[1])
        let numbers = FlatHashMap<Int32>(numbering: [10, 0, 10, 1])
        XCTAssertEqual(numbers[10], 0)
        XCTAssertEqual(numbers[0], 1)
        XCTAssertEqual(numbers[1], 3)
        XCTAssertEqual(numbers.count, 3)
    }
}
