import XCTest
@testable import ArticleAnalysis

/// The attribution model's file: the weight table and both cue vocabularies survive a write and
/// a read, and each word gets its cue class.
final class QuoteModelTests: XCTestCase {
    func testFileRoundTripKeepsWeightsAndVocabularies() throws {
        var weights = [Float](repeating: 0, count: 1 << 8)
        weights[3] = 1.5; weights[200] = -0.75; weights[255] = 0.25
        let model = QuoteModel(bits: 8, weights: weights, thresholds: [-2, 0, -1000, 0], cueWords: [5, 9], attachedWords: [7])
        let bytes = model.serialized()
        let reread = try QuoteModel(bytes: bytes)
        XCTAssertEqual(reread.serialized(), bytes)
        XCTAssertEqual(reread.weights, model.weights)
        XCTAssertEqual(reread.thresholds, model.thresholds)
        XCTAssertEqual(reread.cueClass(5), .alone)
        XCTAssertEqual(reread.cueClass(7), .attached)
        XCTAssertEqual(reread.cueClass(6), .none)
        XCTAssertThrowsError(try QuoteModel(bytes: Array(bytes.dropLast(9))))
    }

    func testModelWithoutVocabularyScoresEveryWord() {
        let model = QuoteModel(bits: 4, weights: [Float](repeating: 0, count: 16), thresholds: [0, 0, 0, 0])
        XCTAssertEqual(model.cueClass(12345), .alone)
    }
}
