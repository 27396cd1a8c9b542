@testable import ArticleAnalysis
import XCTest

/// The tagger finds a word's or a token's feature rows ahead into fixed room (`NERRowList`,
/// `NERTagger.wordRowSlot`): the feature groups must never name more rows than that room holds.
final class NERTaggerRowRoomTests: XCTestCase {
    func testFeatureGroupsFitTheRoomTheTaggerKeepsForTheirRows() {
        // A long word with every prefix and suffix, a digit and a hyphen: the most features a word has.
        let x = NERLexeme("Al-Qaeda2019".unicodeScalars)
        var wordOnly: [UInt64] = []
        NERFeatures.wordFeatures(x, into: &wordOnly)
        NERFeatures.previousFeatures(x, edge: false, into: &wordOnly)
        NERFeatures.nextFeatures(x, edge: false, into: &wordOnly)
        NERFeatures.secondPreviousFeatures(x, into: &wordOnly)
        NERFeatures.secondNextFeatures(x, into: &wordOnly)
        NERFeatures.labelWordFeatures(p1: 0, shape: x.shape, lower: x.lower, into: &wordOnly)
        XCTAssertEqual(wordOnly.count, 23)
        XCTAssertLessThanOrEqual(wordOnly.count, NERTagger.wordRowSlot - NERTagger.Block.wordOnly)

        let h = NERWordHashes(x)
        var conjunctions: [UInt64] = []
        NERFeatures.neighbourFeatures(p2: h, p1: h, c: h, n1: h, n2: h, into: &conjunctions)
        NERFeatures.suffixFeatures(p1: h, c: h, n1: h, into: &conjunctions)
        XCTAssertLessThanOrEqual(conjunctions.count, NERRowList.capacity)
    }
}
