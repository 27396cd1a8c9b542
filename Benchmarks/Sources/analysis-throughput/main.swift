// Full-analysis throughput over a corpus, one worker and several, with per-stage timings.
//
// Runs alternate (1 worker, N workers, 1 worker, ...) and medians are reported, because the
// machines this runs on are noisy. Prints a table, and with --json one JSON line for scripts.
import ArticleAnalysis
import ArticleModels
import Dispatch
import Foundation

struct Options {
    var corpus = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../../../shared/corpus/wikinews-2019").standardized.path
    var seconds = 3.0
    var rounds = 3
    var workerCounts = [1, 2]
    var json = false

    init(_ arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
        while let a = it.next() {
            switch a {
            case "--corpus": corpus = it.next()!
            case "--seconds": seconds = Double(it.next()!)!
            case "--rounds": rounds = Int(it.next()!)!
            case "--workers": workerCounts = it.next()!.split(separator: ",").map { Int($0)! }
            case "--json": json = true
            default: fatalError("unknown option \(a); options: --corpus DIR --seconds S --rounds N --workers 1,2 --json")
            }
        }
    }
}

struct Clock: StageClock {
    func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

func peakResidentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

let options = Options(CommandLine.arguments)
let loadStart = Clock().nanoseconds()
let shared = try AnalysisPipeline.bundled()
let loadMilliseconds = Double(Clock().nanoseconds() - loadStart) / 1e6

let files = try FileManager.default.contentsOfDirectory(atPath: options.corpus).filter { $0.hasSuffix(".txt") }.sorted()
let articles: [ArticleInput] = try files.map {
    ArticleInput(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: options.corpus + "/" + $0))), name: $0, received: "2019-06-01T00:00:00Z")
}
guard !articles.isEmpty else { fatalError("no .txt files in \(options.corpus)") }

// Per-stage timings: one warm-up pass, then `stagePasses` timed passes over the corpus; each
// stage's figure is the median of its per-pass totals, so a burst of load from elsewhere on the
// machine during one pass does not decide the shares. With `--seconds 0` (Benchmarks/profile.sh,
// under callgrind) only the one pass runs, and it is the timed one.
let stagePasses = options.seconds > 0 ? 5 : 0
var stagePassTotals: [String: [Double]] = [:]
var stageOrder: [String] = []
var wordsPerPass = 0
// Writing the JSON result is the daemon's work, not a stage: timed apart, not in the stage shares.
var jsonPassTotals: [Double] = []
for pass in 0...stagePasses {
    var totals: [String: Double] = [:]
    var json = 0.0
    for article in articles {
        let analysis = try shared.analyze(article, clock: Clock())
        let jsonStart = Clock().nanoseconds()
        _ = analysis.jsonBytes()
        json += Double(Clock().nanoseconds() - jsonStart) / 1e6
        if pass == 0 { wordsPerPass += analysis.segmentation.wordCount }
        for stage in analysis.timings.stages {
            if pass == 0 && totals[stage.name] == nil { stageOrder.append(stage.name) }
            totals[stage.name, default: 0] += stage.milliseconds
        }
    }
    guard pass > 0 || stagePasses == 0 else { continue }  // the warm-up pass
    for (name, total) in totals { stagePassTotals[name, default: []].append(total) }
    jsonPassTotals.append(json)
}
let stageTotals = stagePassTotals.mapValues { median($0) }
let jsonMilliseconds = median(jsonPassTotals)
let wordsPerArticle = Double(wordsPerPass) / Double(articles.count)

/// One counter per worker; each worker writes only its own slot, so no lock is needed.
struct WorkerCounts: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Int>
}

/// Analyses articles on `workers` threads for about `seconds`; returns articles per second.
func run(workers: Int, seconds: Double) -> Double {
    let counts = WorkerCounts(slots: .allocate(capacity: workers))
    counts.slots.initialize(repeating: 0)
    defer { counts.slots.deallocate() }
    let start = DispatchTime.now().uptimeNanoseconds
    let deadline = start + UInt64(seconds * 1e9)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker * (articles.count / max(workers, 1))
        var done = 0
        while DispatchTime.now().uptimeNanoseconds < deadline {
            _ = try? shared.analyze(articles[index % articles.count])
            index += 1
            done += 1
        }
        counts.slots[worker] = done
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return Double(counts.slots.reduce(0, +)) / elapsed
}

var results: [Int: [Double]] = [:]
for _ in 0..<options.rounds {
    for workers in options.workerCounts { results[workers, default: []].append(run(workers: workers, seconds: options.seconds)) }
}
let perWorkers = options.workerCounts.map { (workers: $0, articlesPerSecond: median(results[$0]!)) }
let single = perWorkers.first { $0.workers == 1 }?.articlesPerSecond ?? perWorkers[0].articlesPerSecond
let totalStageMs = stageTotals.values.reduce(0, +)

if options.json {
    var fields: [String] = [
        "\"articles\":\(articles.count)", "\"words_per_article\":\(String(format: "%.1f", wordsPerArticle))",
        "\"model_load_ms\":\(String(format: "%.1f", loadMilliseconds))", "\"peak_rss_kib\":\(peakResidentKiB())",
    ]
    for entry in perWorkers {
        fields.append("\"articles_per_s_\(entry.workers)w\":\(String(format: "%.1f", entry.articlesPerSecond))")
        fields.append("\"words_per_s_\(entry.workers)w\":\(String(format: "%.0f", entry.articlesPerSecond * wordsPerArticle))")
    }
    let stages = stageOrder.map { "\"\($0)\":\(String(format: "%.4f", stageTotals[$0]! / Double(articles.count)))" }
    fields.append("\"stage_ms_per_article\":{\(stages.joined(separator: ","))}")
    fields.append("\"json_ms_per_article\":\(String(format: "%.4f", jsonMilliseconds / Double(articles.count)))")
    print("{\(fields.joined(separator: ","))}")
} else {
    print("corpus: \(articles.count) articles, \(String(format: "%.0f", wordsPerArticle)) words each on average")
    print("model load: \(String(format: "%.1f", loadMilliseconds)) ms; peak RSS: \(peakResidentKiB() / 1024) MiB")
    for entry in perWorkers {
        print(String(format: "%d worker(s): %8.1f articles/s  %10.0f words/s  (x%.2f of one worker; runs: %@)",
                     entry.workers, entry.articlesPerSecond, entry.articlesPerSecond * wordsPerArticle,
                     entry.articlesPerSecond / single, results[entry.workers]!.map { String(format: "%.0f", $0) }.joined(separator: ", ")))
    }
    print(String(format: "JSON result: %.4f ms per article (not a stage; the daemon writes it)", jsonMilliseconds / Double(articles.count)))
    print("per stage (ms per article, share of analysis):")
    for name in stageOrder {
        let ms = stageTotals[name]! / Double(articles.count)
        print(String(format: "  %-12@ %8.4f  %5.1f%%", name as NSString, ms, 100 * stageTotals[name]! / totalStageMs))
    }
}
