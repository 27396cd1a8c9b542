import ArticleAnalysis
import ArticleModels
import Foundation

// Entity tagger benchmark: model load time, resident memory of the loaded model, tagger tokens
// per second on one core (tokenised text prepared beforehand), and the whole entities stage
// (tokeniser + tagger + resolution) in tokens per second. Text: a CoNLL file turned into article
// text as `articled eval-ner` does (default ../shared/data/conll2003/eng.testa).

func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../..").standardized.path
let conll = arguments.count > 1 ? arguments[1] : root + "/../shared/data/conll2003/eng.testa"
guard let data = FileManager.default.contents(atPath: conll) else { fatalError("cannot read \(conll)") }
let startResident = residentBytes()
let firstModel = try NERModel(bytes: try BundledModels.bytes(of: NERModel.fileName))
let loadedResident = residentBytes()
let modelPath = try BundledModels.path(of: NERModel.fileName)
let modelBytes = [UInt8](FileManager.default.contents(atPath: modelPath)!)

// Load time: parse the file bytes into the weight table (median of 21; file read excluded and
// shown apart).
var loads: [Double] = []
var model: NERModel? = nil
for _ in 0..<21 { loads.append(try seconds { model = try NERModel(bytes: modelBytes) }) }
loads.sort()
let readTime = try seconds { _ = try BundledModels.bytes(of: NERModel.fileName) }
let loaded = firstModel
let recognizer = EntityRecognizer(model: loaded)
_ = model

/// The documents of a CoNLL file as article text (tokens joined by spaces, one sentence a
/// paragraph, as `CoNLLDocument.articleText` makes them; CoNLL reading itself lives in
/// ArticleAnalysisTools, which this benchmark does not link).
func articleTexts(_ file: String) -> [String] {
    var texts: [String] = [], sentences: [String] = [], words: [String] = []
    func closeSentence() { if !words.isEmpty { sentences.append(words.joined(separator: " ")) }; words = [] }
    func closeDocument() { closeSentence(); if !sentences.isEmpty { texts.append(sentences.joined(separator: "\n\n")) }; sentences = [] }
    for line in file.split(separator: "\n", omittingEmptySubsequences: false) {
        let fields = line.split(separator: " ")
        if fields.isEmpty { closeSentence() } else if fields[0] == "-DOCSTART-" { closeDocument() } else { words.append(String(fields[0])) }
    }
    closeDocument()
    return texts
}
let segmenter = Segmenter()
var texts: [(ScalarText, Segmentation)] = []
for article in articleTexts(String(decoding: data, as: UTF8.self)) {
    let text = ScalarText(article)
    texts.append((text, segmenter.segment(text)))
}
let prepared = texts.map { recognizer.prepare($0.0, $0.1) }
let tokens = prepared.reduce(0) { $0 + $1.tokenCount }

func rate(_ label: String, _ body: () -> Int) -> Double {
    var best = 0.0
    for _ in 0..<5 {
        var sink = 0
        let t = seconds { sink &+= body() }
        if sink == -1 { print("") }
        best = max(best, Double(tokens) / t)
    }
    print("\(label): \(Int(best)) tokens/s (best of 5 passes over \(tokens) tokens)")
    return best
}

print("model \(modelPath): \(modelBytes.count) bytes on disk, \(loaded.nonEmptyRows) non-empty rows")
print("load: median \(String(format: "%.1f", loads[loads.count / 2] * 1000)) ms parse (min \(String(format: "%.1f", loads[0] * 1000)) ms), file read \(String(format: "%.1f", readTime * 1000)) ms")
print("memory: weight table \(loaded.memoryBytes / 1024) KiB; resident growth on the first load \((loadedResident - startResident) / 1024) KiB")
_ = rate("tagger alone (features + greedy decoding)") { prepared.reduce(0) { $0 + recognizer.tag($1) } }
_ = rate("tokeniser + tagger") { texts.reduce(0) { $0 + recognizer.tag(recognizer.prepare($1.0, $1.1)) } }
_ = rate("entities stage (tokeniser + tagger + resolution)") { texts.reduce(0) { $0 + recognizer.recognize($1.0, $1.1).count } }
