@testable import ArticleAnalysis
@testable import ArticleAnalysisTools
import XCTest

/// The source ranker's training: a ranker of several runs is the mean of the single runs with the
/// seeds drawn from the trainer's seed, and training stays deterministic.
final class QuoteTrainerTests: XCTestCase {
    /// Made-up ranking groups: in each, the last mention (feature 1) is the source, so the first
    /// (the pick on a tie) is wrong until the weights learn; features 2 and 3 sit on the source in
    /// half the groups each, so the order of visits changes the weights.
    private func groups() -> [QuoteExample] {
        var examples: [QuoteExample] = []
        var random = SplitMix64(seed: 7)
        for g in 0..<40 {
            for k in 0..<3 {
                var features: [UInt64] = [random.next() | 1]
                if k == 2 { features.append(1 << 60) }
                features.append((k == 2) == (g % 2 == 0) ? 2 << 60 : 3 << 60)
                examples.append(QuoteExample(features: features, label: k == 2, group: g))
            }
        }
        return examples
    }

    func testRankerOfSeveralRunsIsTheMeanOfSingleRuns() {
        var trainer = QuoteTrainer()
        trainer.bits = 12
        trainer.rankerRuns = 3
        var averaged = [Float](repeating: 0, count: 1 << 12)
        trainer.rank(groups(), into: &averaged)

        var mean = [Float](repeating: 0, count: 1 << 12)
        var single = trainer
        single.rankerRuns = 1
        var runs: [[Float]] = []
        for seed in QuoteTrainer.seeds(from: trainer.seed, count: 3) {
            single.seed = seed
            var weights = [Float](repeating: 0, count: 1 << 12)
            single.rank(groups(), into: &weights)
            runs.append(weights)
            for k in weights.indices { mean[k] += weights[k] / 3 }
        }
        XCTAssertTrue(runs[0] != runs[1], "the order of visits should change a single run")
        XCTAssertTrue(averaged.indices.allSatisfy { abs(averaged[$0] - mean[$0]) < 1e-4 })
        // The source's own feature gets a positive weight.
        XCTAssertGreaterThan(averaged[Int(((1 as UInt64) << 60) >> 52)], 0)

        var again = [Float](repeating: 0, count: 1 << 12)
        trainer.rank(groups(), into: &again)
        XCTAssertTrue(again == averaged)
    }

    func testSeedsAreDrawnDeterministically() {
        let seeds = QuoteTrainer.seeds(from: 42, count: 4)
        XCTAssertEqual(seeds, QuoteTrainer.seeds(from: 42, count: 4))
        XCTAssertEqual(Set(seeds).count, 4)
        XCTAssertNotEqual(seeds, QuoteTrainer.seeds(from: 43, count: 4))
    }
}
