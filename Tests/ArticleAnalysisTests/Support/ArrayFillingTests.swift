import XCTest
@testable import ArticleAnalysis

final class ArrayFillingTests: XCTestCase {
    func testFilledEqualsRepeating() {
        for count in [0, 1, 7, 1000] {
            XCTAssertEqual([Double].filled(with: -1, count: count), [Double](repeating: -1, count: count))
            XCTAssertEqual([Int32].filled(with: 0, count: count), [Int32](repeating: 0, count: count))
            XCTAssertEqual([Bool].filled(with: true, count: count), [Bool](repeating: true, count: count))
        }
    }

    func testUnwrittenHasTheCountAndKeepsWhatIsWritten() {
        for count in [0, 1, 7, 1000] {
            var table = [UInt64].unwritten(count: count)
            XCTAssertEqual(table.count, count)
            for k in table.indices { table[k] = UInt64(k) * 3 }
            XCTAssertEqual(table, (0..<count).map { UInt64($0) * 3 })
        }
    }
}
