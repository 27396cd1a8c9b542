// In-process figures with ordo-one/benchmark: the pipeline on the reference article.
//   swift package --package-path Benchmarks benchmark --target AnalysisBenchmarks
import ArticleAnalysis
import ArticleModels
import Benchmark
import Foundation

let benchmarks: @Sendable () -> Void = {
    let reference = URL(fileURLWithPath: #filePath)
        .appendingPathComponent("../../../../../shared/corpus/seed/al-nusrah-interview.txt").standardized
    let bytes = [UInt8]((try? Data(contentsOf: reference)) ?? Data())
    let input = ArticleInput(bytes: bytes, name: "al-nusrah-interview.txt", received: "2019-06-01T00:00:00Z")
    let pipeline = try! AnalysisPipeline.bundled()

    Benchmark("Pipeline.reference-article", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? pipeline.analyze(input))
        }
    }

    Benchmark("Models.load", configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? AnalysisPipeline.bundled())
        }
    }
}
