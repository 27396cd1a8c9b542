import ArgumentParser
import ArticleAnalysis
import ArticleHTML
import ArticleModels
import ArticledCore
import Foundation

/// `articled eval-extraction`: scores the web-page extractor on the article-extraction benchmark.
struct EvalExtractionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-extraction",
        abstract: "Score article extraction from web pages (the article-extraction benchmark's metric).",
        discussion: """
            DIR holds ground-truth.json ({"<key>": {"articleBody": ...}}) and html/<key>.html.gz.
            Each page goes through the daemon's reader (gzip, charset, HTML parser, extraction) and its
            text is compared with the true body by the benchmark's metric: 4-word shingles, precision
            and recall averaged over pages, F1 of the averages. Figures are given for the development
            part (pages whose key's first byte is not a multiple of 3: the rules were tuned on
            these), the held-out part (first byte a multiple of 3) and all pages.

            Examples:
              articled eval-extraction ../shared/data/article-extraction
              articled eval-extraction ../shared/data/article-extraction --predictions trafilatura.json
            """
    )

    @Argument(help: ArgumentHelp("The benchmark folder.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Score these predictions ({\"<key>\": {\"articleBody\": ...}}) instead of articled's.", valueName: "file"))
    var predictions: String?

    @Option(help: ArgumentHelp("Write articled's predictions to this file (same format).", valueName: "file"))
    var write: String?

    @Option(help: ArgumentHelp("List the N worst development pages.", valueName: "n"))
    var worst: Int = 0

    @Option(help: ArgumentHelp("Trace the extractor's decisions on this page key and stop.", valueName: "key"))
    var explain: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Set an extractor knob, e.g. likelyFactor=1.5 (for choosing them on the development pages).", valueName: "name=value"))
    var knobs: [String] = []

    @Option(help: ArgumentHelp("The HTML parser: articled (its own, the default) or libxml2 (the reference it is tested against).", valueName: "name"))
    var parser: String = "articled"

    private func reader() throws -> WebPageReader {
        var reader = WebPageReader()
        guard let parser = WebPageReader.PageParser(rawValue: parser) else { throw ValidationError("unknown parser: \(parser)") }
        reader.parser = parser
        for knob in knobs {
            let parts = knob.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]), reader.extractor.set(String(parts[0]), value) else {
                throw ValidationError("unknown knob or value: \(knob)")
            }
        }
        return reader
    }

    @Flag(help: "Also time the pages on this thread: extraction alone, and extraction plus the full analysis; print JSON.")
    var speed = false

    @Option(help: ArgumentHelp("Seconds per speed measurement (with --speed).", valueName: "s"))
    var seconds: Double = 4

    func run() throws {
        if speed { return try measureSpeed() }
        if let explain {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/html/\(explain).html.gz"))
            for line in try reader().explain(try Gunzip.inflate([UInt8](bytes), limit: 1 << 28)) { print(line) }
            return
        }
        let truth = try loadBodies(directory + "/ground-truth.json")
        let peer = try predictions.map { try loadBodies($0) }
        var parts = [String: ExtractionScore]()
        var written: [String: [String: String]] = [:]
        var perPage: [(key: String, f1: Double)] = []
        var seconds = 0.0
        let reader = try reader()
        for key in truth.keys.sorted() {
            let predicted: String
            if let peer {
                predicted = peer[key] ?? ""
            } else {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/html/\(key).html.gz"))
                let start = Date()
                do {
                    let page = try reader.extract(try Gunzip.inflate([UInt8](bytes), limit: reader.maxInflatedBytes))
                    predicted = page.body
                } catch {
                    predicted = ""
                }
                seconds += Date().timeIntervalSince(start)
            }
            written[key] = ["articleBody": predicted]
            let part = Self.isHeldOut(key) ? "held-out" : "dev"
            var one = ExtractionScore()
            one.add(predicted: predicted, truth: truth[key] ?? "")
            if part == "dev" { perPage.append((key, one.f1)) }
            for name in [part, "all"] { parts[name, default: ExtractionScore()].add(predicted: predicted, truth: truth[key] ?? "") }
        }
        let who = predictions.map { ($0 as NSString).lastPathComponent } ?? "articled"
        for name in ["dev", "held-out", "all"] {
            guard let score = parts[name] else { continue }
            print(String(format: "%@ %-8@ pages %3d  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f",
                         who, name, score.pages, score.f1, score.precision, score.recall, score.accuracy))
        }
        if peer == nil, let all = parts["all"] {
            print(String(format: "articled extraction: %.1f pages/s (gunzip, decode, parse, extract; one core)", Double(all.pages) / seconds))
        }
        for page in perPage.sorted(by: { $0.f1 < $1.f1 }).prefix(worst) { print(String(format: "  %.3f %@", page.f1, page.key)) }
        if let write {
            let data = try JSONSerialization.data(withJSONObject: written, options: [.sortedKeys])
            try data.write(to: URL(fileURLWithPath: write))
        }
    }

    /// Pages per CPU-second of the calling thread (one core; other load on the machine does not
    /// count, as the peer's `time.process_time`), from
    /// inflated HTML in memory as the trafilatura peer measures: extraction alone, then extraction
    /// plus the full analysis; and the share of the full time the HTML parse takes. Prints one
    /// JSON line with the scores beside (for Benchmarks/report.py).
    private func measureSpeed() throws {
        let truth = try loadBodies(directory + "/ground-truth.json")
        let keys = truth.keys.sorted()
        let reader = try reader()
        let pages = try keys.map { key in
            try Gunzip.inflate([UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(directory)/html/\(key).html.gz"))), limit: 1 << 28)
        }
        var scores = [String: ExtractionScore]()
        for (key, page) in zip(keys, pages) {
            let predicted = (try? reader.extract(page))?.body ?? ""
            for name in [Self.isHeldOut(key) ? "held-out" : "dev", "all"] { scores[name, default: ExtractionScore()].add(predicted: predicted, truth: truth[key] ?? "") }
        }
        let pipeline = try AnalysisPipeline.bundled()
        // CPU time of this thread: what one core spends, whatever else the machine runs.
        let clock = ThreadCPUClock()
        func rate(_ body: ([UInt8], String) -> Void) -> Double {
            var done = 0
            let start = clock.nanoseconds()
            var elapsed = 0.0
            repeat {
                for (i, page) in pages.enumerated() { body(page, keys[i]) }
                done += pages.count
                elapsed = Double(clock.nanoseconds() - start) / 1e9
            } while elapsed < seconds
            return Double(done) / elapsed
        }
        let extractRate = rate { page, _ in _ = try? reader.extract(page) }
        // The rate is timed without per-stage clocks (each read of a thread's CPU clock is a
        // system call); the parse's share comes from one more round with them.
        let fullRate = rate { page, key in
            guard let extracted = try? reader.extract(page) else { return }
            _ = pipeline.analyze(extracted: extracted, input: ArticleInput(bytes: page, name: key + ".html"))
        }
        var parseMilliseconds = 0.0, totalMilliseconds = 0.0
        for (page, key) in zip(pages, keys) {
            guard let extracted = try? reader.extract(page, clock: clock) else { continue }
            let analysis = pipeline.analyze(extracted: extracted, input: ArticleInput(bytes: page, name: key + ".html"), clock: clock)
            parseMilliseconds += analysis.timings.stages.first { $0.name == "html_parse" }?.milliseconds ?? 0
            totalMilliseconds += analysis.timings.totalMilliseconds
        }
        let all = scores["all"] ?? ExtractionScore(), dev = scores["dev"] ?? ExtractionScore(), held = scores["held-out"] ?? ExtractionScore()
        print(String(format: "{\"peer\": \"articled\", \"pages\": %d, \"f1\": %.4f, \"precision\": %.4f, \"recall\": %.4f, \"dev_f1\": %.4f, \"heldout_f1\": %.4f, \"extract_pages_per_s\": %.1f, \"pages_per_s\": %.1f, \"parse_share\": %.3f}",
                     all.pages, all.f1, all.precision, all.recall, dev.f1, held.f1, extractRate, fullRate, parseMilliseconds / max(totalMilliseconds, 1e-9)))
    }

    /// The held-out third: pages whose key's first byte (two hex digits) is a multiple of 3.
    static func isHeldOut(_ key: String) -> Bool {
        (UInt8(key.prefix(2), radix: 16) ?? 0) % 3 == 0
    }

    private func loadBodies(_ path: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw ReadError("\(path): not a JSON object") }
        var bodies: [String: String] = [:]
        for (key, value) in object { bodies[key] = (value as? [String: Any])?["articleBody"] as? String ?? "" }
        return bodies
    }
}

/// This thread's CPU time (CLOCK_THREAD_CPUTIME_ID), for speed figures that a busy machine does not skew.
struct ThreadCPUClock: StageClock {
    func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
