// What the quotes stage adds to the pipeline, measured with and without it.
//
// The pipeline's stages are chained here exactly as `AnalysisPipeline.analyze` chains them
// (decode, clean, segment, language, SHA-256, dates, entities, [quotes], keyphrases, summary,
// tone), once without the quotes stage and once with it, over the whole corpus; the two runs
// alternate round by round and medians are reported, because the machines this runs on are shared.
// slowdown = (with − without) / without. The stage's own time (clock around the call) is printed
// too, as is the pipeline's own per-stage timing for comparison.
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
var rounds = 9
var dumpPath: String? = nil
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--corpus": corpus = arguments.next()!
    case "--rounds": rounds = Int(arguments.next()!)!
    case "--dump": dumpPath = arguments.next()!
    default: fatalError("options: --corpus DIR --rounds N --dump FILE")
    }
}

let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
let inputs = try files.map { ArticleInput(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + $0))), name: $0) }
let pipeline = try AnalysisPipeline.bundled()
let clock = Clock()

/// One article through the pipeline's stages; returns the nanoseconds spent in the quotes stage.
func run(_ input: ArticleInput, quotes: Bool, sink: inout Int) throws -> UInt64 {
    let decoded = try pipeline.decoder.decode(input.bytes)
    let cleaned = pipeline.cleaner.clean(decoded.text)
    let text = ScalarText(cleaned.body)
    let segmentation = pipeline.segmenter.segment(text)
    let language = pipeline.languageDetector.detect(text)
    sink &+= SHA256.hex(input.bytes).utf8.count
    sink &+= pipeline.dateFinder.find(text, segmentation, reference: cleaned.dateline?.date ?? input.received).count
    var spent: UInt64 = 0
    if language.code == "en" {
        let entities = pipeline.entityRecognizer.recognize(text, segmentation)
        if quotes {
            let start = clock.nanoseconds()
            sink &+= pipeline.quoteFinder.find(text, segmentation, entities).count
            spent = clock.nanoseconds() - start
        }
        sink &+= pipeline.keyphraseExtractor.extract(text, segmentation, entities).count
        sink &+= pipeline.summarizer.summarize(text, segmentation, entities).count
        sink &+= pipeline.toneScorer.score(text, segmentation) == nil ? 0 : 1
    }
    return spent
}

if let dumpPath {
    // Every quote of the corpus as text (to check that a change keeps the outputs), then the
    // quotes stage alone over prepared inputs (steadier than the A/B).
    var out = ""
    var prepared: [(ScalarText, Segmentation, [Entity])] = []
    for input in inputs {
        let decoded = try pipeline.decoder.decode(input.bytes)
        let cleaned = pipeline.cleaner.clean(decoded.text)
        let text = ScalarText(cleaned.body)
        let segmentation = pipeline.segmenter.segment(text)
        guard pipeline.languageDetector.detect(text).code == "en" else { continue }
        let entities = pipeline.entityRecognizer.recognize(text, segmentation)
        prepared.append((text, segmentation, entities))
        out += "## \(input.name)\n"
        for q in pipeline.quoteFinder.find(text, segmentation, entities) { out += "\(q)\n" }
    }
    try out.write(toFile: dumpPath, atomically: true, encoding: .utf8)
    var times: [Double] = []
    var sink = 0
    for _ in 0..<rounds {
        let start = clock.nanoseconds()
        for (text, segmentation, entities) in prepared { sink &+= pipeline.quoteFinder.find(text, segmentation, entities).count }
        times.append(Double(clock.nanoseconds() - start) / 1e6)
    }
    print(String(format: "quotes stage alone: %.2f ms for %d articles (median of %d), %.4f ms/article (of %d inputs)",
                 median(times), prepared.count, rounds, median(times) / Double(inputs.count), inputs.count))
    if sink == 42 { print("") }
    exit(0)
}

var sink = 0
for input in inputs { _ = try run(input, quotes: true, sink: &sink) }  // warm up

var withoutMs: [Double] = [], withMs: [Double] = [], stageMs: [Double] = [], pipelineStageMs: [Double] = []
for round in 0..<rounds {
    for variant in (round % 2 == 0 ? [false, true] : [true, false]) {
        var inStage: UInt64 = 0
        let start = clock.nanoseconds()
        for input in inputs { inStage += try run(input, quotes: variant, sink: &sink) }
        let elapsed = Double(clock.nanoseconds() - start) / 1e6
        if variant { withMs.append(elapsed); stageMs.append(Double(inStage) / 1e6) } else { withoutMs.append(elapsed) }
    }
    var quotes = 0.0
    for input in inputs {
        quotes += try pipeline.analyze(input, clock: clock).timings.stages.first { $0.name == "quotes" }?.milliseconds ?? 0
    }
    pipelineStageMs.append(quotes)
}

let without = median(withoutMs), with = median(withMs)
print("articles \(inputs.count), rounds \(rounds) (medians)")
print(String(format: "pipeline without quotes   %8.1f ms", without))
print(String(format: "pipeline with quotes      %8.1f ms", with))
print(String(format: "quotes stage (own clock)  %8.1f ms   (in AnalysisPipeline.analyze timings: %.1f ms)", median(stageMs), median(pipelineStageMs)))
print(String(format: "slowdown                  %8.2f %%   ((with - without) / without)", 100 * (with - without) / without))
print(String(format: "slowdown, stage clock     %8.2f %%   (stage / without)", 100 * median(stageMs) / without))
if sink == 42 { print("") }
