// The cost of the quotes stage relative to the rest of the pipeline.
//
// For every round: (A) the full pipeline over the corpus, with the stage clock on, and (B) the
// quotes stage alone, re-run on the pipeline's own outputs (text, segmentation, entities).
// The slowdown is quotes / (pipeline − quotes): what the stage adds to a pipeline without it.
// Rounds alternate and medians are reported, because the machines this runs on are shared.
import ArticleAnalysis
import ArticleModels
import Dispatch
import Foundation

struct Clock: StageClock {
    func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

var corpus = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../../../../shared/corpus/wikinews-2019").standardized.path
var rounds = 7
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--corpus": corpus = arguments.next()!
    case "--rounds": rounds = Int(arguments.next()!)!
    default: fatalError("options: --corpus DIR --rounds N")
    }
}

let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
let inputs = try files.map { ArticleInput(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + $0))), name: $0) }
let pipeline = try AnalysisPipeline.bundled()
let clock = Clock()

// Warm up, and keep the pipeline's outputs for the stage-alone loop.
let analyses = try inputs.map { try pipeline.analyze($0) }
var quoteCount = 0
for analysis in analyses { quoteCount += analysis.quotes.count }

var pipelineMs: [Double] = [], quotesInPipelineMs: [Double] = [], quotesAloneMs: [Double] = []
for _ in 0..<rounds {
    var total = 0.0, quotes = 0.0
    for input in inputs {
        let analysis = try pipeline.analyze(input, clock: clock)
        total += analysis.timings.totalMilliseconds
        quotes += analysis.timings.stages.first { $0.name == "quotes" }?.milliseconds ?? 0
    }
    pipelineMs.append(total)
    quotesInPipelineMs.append(quotes)

    let start = clock.nanoseconds()
    var found = 0
    for analysis in analyses {
        found += pipeline.quoteFinder.find(analysis.text, analysis.segmentation, analysis.entities).count
    }
    precondition(found == quoteCount)
    quotesAloneMs.append(Double(clock.nanoseconds() - start) / 1e6)
}

let total = median(pipelineMs), inPipeline = median(quotesInPipelineMs), alone = median(quotesAloneMs)
print("articles \(inputs.count), quotes found \(quoteCount), rounds \(rounds) (medians)")
print(String(format: "pipeline total          %8.1f ms", total))
print(String(format: "quotes stage (in it)    %8.1f ms", inPipeline))
print(String(format: "quotes stage (alone)    %8.1f ms", alone))
print(String(format: "slowdown from quotes    %8.2f %%  (in pipeline: quotes / (total - quotes))", 100 * inPipeline / (total - inPipeline)))
print(String(format: "slowdown from quotes    %8.2f %%  (stage alone / (total - quotes))", 100 * alone / (total - inPipeline)))
