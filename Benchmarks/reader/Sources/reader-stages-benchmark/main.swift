// Measures what the reader stages (language, dates, keyphrases, summary, tone) add to the
// analysis time of an article, with the pipeline's own per-stage timings.
//
// Every article of the corpus (default ../shared/corpus/wikinews-2019, plus the seed article) is
// analysed ROUNDS times (default 7) by `AnalysisPipeline.bundled()`; per article and stage the
// fastest round counts (least disturbed by other processes on the machine). "Added" is the reader
// stages' time over the time of all other stages, summed over the corpus: the issue's budget is
// 30%.
//
//   swift run -c release --package-path Benchmarks/reader --scratch-path .build-reader-bench \
//       reader-stages-benchmark [--corpus DIR] [--rounds N] [--json]
import ArticleAnalysis
import ArticleModels
import Foundation

struct MonotonicClock: StageClock {
    func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

let readerStages: Set<String> = ["language", "dates", "keyphrases", "summary", "tone"]

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpus = option("--corpus") ?? root.deletingLastPathComponent().appendingPathComponent("shared/corpus/wikinews-2019").path
let rounds = Int(option("--rounds") ?? "") ?? 7
let json = arguments.contains("--json")

var files = (try FileManager.default.contentsOfDirectory(atPath: corpus)).filter { $0.hasSuffix(".txt") }.sorted()
    .map { corpus + "/" + $0 }
let seed = URL(fileURLWithPath: corpus).deletingLastPathComponent().appendingPathComponent("seed/al-nusrah-interview.txt").path
if FileManager.default.fileExists(atPath: seed) { files.append(seed) }
let articles = files.map { path in
    ArticleInput(bytes: [UInt8](FileManager.default.contents(atPath: path) ?? Data()), name: (path as NSString).lastPathComponent,
                 received: "2019-06-01T12:00:00Z")
}
guard !articles.isEmpty else { fatalError("no articles in \(corpus)") }

let loadStart = DispatchTime.now().uptimeNanoseconds
let pipeline = try AnalysisPipeline.bundled()
let loadMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6

// best[article][stage] = fastest milliseconds over the rounds
var best = [[String: Double]](repeating: [:], count: articles.count)
var words = 0
for round in 0..<rounds {
    for (n, article) in articles.enumerated() {
        let analysis = try pipeline.analyze(article, clock: MonotonicClock())
        if round == 0 { words += analysis.segmentation.wordCount }
        for stage in analysis.timings.stages {
            best[n][stage.name] = min(best[n][stage.name] ?? .infinity, stage.milliseconds)
        }
    }
}

var perStage: [String: Double] = [:]
for article in best { for (stage, ms) in article { perStage[stage, default: 0] += ms } }
let reader = perStage.filter { readerStages.contains($0.key) }.values.reduce(0, +)
let rest = perStage.filter { !readerStages.contains($0.key) }.values.reduce(0, +)
let added = rest > 0 ? reader / rest * 100 : .infinity
let count = Double(articles.count)

if json {
    var object: [String: Any] = ["articles": articles.count, "rounds": rounds, "words": words,
                                 "reader_ms_per_article": reader / count, "other_ms_per_article": rest / count,
                                 "added_percent": added, "load_ms": loadMilliseconds]
    object["stages_ms_per_article"] = perStage.mapValues { $0 / count }
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} else {
    print("articles: \(articles.count) (\(words) words), rounds: \(rounds), fastest round per article and stage")
    print("pipeline load: \(String(format: "%.1f", loadMilliseconds)) ms")
    for (stage, ms) in perStage.sorted(by: { $0.value > $1.value }) {
        let tag = readerStages.contains(stage) ? "reader" : "other"
        print(String(format: "  %-11@ %-6@ %8.4f ms/article", stage as NSString, tag as NSString, ms / count))
    }
    print(String(format: "reader stages: %.4f ms/article; other stages: %.4f ms/article", reader / count, rest / count))
    print(String(format: "reader stages add %.1f%% to the analysis time (budget 30%%)", added))
}
