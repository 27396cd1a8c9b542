import ArticleAnalysis
@testable import ArticleHTML
import ArticleModels
import Foundation

/// libFuzzer entry point for articled's analysis (built by `make fuzz`, see Fuzz/run.sh).
///
/// One binary, three targets chosen with `ARTICLED_FUZZ_TARGET`:
/// - `decode`: `ArticleDecoder.decode` on the raw bytes (UTF-8, Windows-1252, refusals);
/// - `clean`: decoding, then `ArticleCleaner.clean` (furniture, title, dateline);
/// - `analyze` (default): the whole `AnalysisPipeline` with the shipped models, and the JSON;
/// - `html`: articled's HTML parser (`HTMLTokenizer`) on the raw bytes (NULs, broken UTF-8 and
///   all), then the page reader (charset, parser, extraction, metadata) as the daemon runs it.
/// Any trap, sanitizer report or leak is a finding; libFuzzer writes the input to a
/// `crash-*` file, which becomes a regression test in `Tests/Fixtures/fuzz`.
enum FuzzTarget: String {
    case decode, clean, analyze, html

    static let selected = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["ARTICLED_FUZZ_TARGET"] ?? "analyze") ?? .analyze
    nonisolated(unsafe) static var pipeline: AnalysisPipeline?

    static func run(_ bytes: [UInt8]) {
        switch selected {
        case .decode:
            _ = try? ArticleDecoder().decode(bytes)
        case .clean:
            if let decoded = try? ArticleDecoder().decode(bytes) { _ = ArticleCleaner().clean(decoded.text) }
        case .analyze:
            if pipeline == nil { pipeline = try! AnalysisPipeline.bundled() }
            let input = ArticleInput(bytes: bytes, name: "fuzz.txt", received: "2026-12-07T08:00:00Z")
            if let analysis = try? pipeline!.analyze(input) { _ = analysis.jsonBytes() }
        case .html:
            _ = bytes.withUnsafeBufferPointer { HTMLTokenizer.parse($0) }
            _ = try? WebPageReader().extract(bytes)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTarget.run(bytes)
    return 0
}
