import ArgumentParser
import ArticleAnalysis
import ArticleIndex
import ArticleModels
import Foundation

/// `articled bench-index` (hidden, for Benchmarks/index): builds an index of the corpus
/// replicated with renamed entities, then times the queries and the near-duplicate lookup.
struct BenchIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-index",
        abstract: "Build a large synthetic article index and time queries on it.",
        shouldDisplay: false
    )

    @Option(help: ArgumentHelp("The folder of corpus articles.", valueName: "dir"))
    var corpus = "../shared/corpus/wikinews-2019"

    @Option(help: ArgumentHelp("The index to build (when it holds fewer articles) and query.", valueName: "path"))
    var index: String

    @Option(help: "Articles in the index: the corpus replicated, entities renamed in each copy.")
    var articles = 100_000

    @Option(help: "Queries of each kind to time.")
    var queries = 300

    /// Replica `r`'s spelling of a name: every word gets a suffix of letters for `r`
    /// ("Julani" -> "Julanibq"), so each copy has its own people, places and organisations.
    static func rename(_ name: String, _ r: Int) -> String {
        guard r > 0 else { return name }
        var code = "", n = r
        while n > 0 { code.append(Character(Unicode.Scalar(UInt8(97 + n % 26)))); n /= 26 }
        return name.split(separator: " ").map { $0 + code }.joined(separator: " ")
    }

    static func replica(_ base: IndexedArticle, _ r: Int) -> IndexedArticle {
        guard r > 0 else { return base }
        var copy = base
        copy.result = "r\(r)-" + base.result
        copy.name = "r\(r)-" + base.name
        copy.sha256 = "r\(r)-" + base.sha256
        // Every word of every entity name gets the replica's suffix wherever it stands in the text.
        let words = Set(base.entities.flatMap(\.names).flatMap { $0.split(separator: " ").map(String.init) })
        let code = rename("x", r).dropFirst()
        func renamed(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var word = String.UnicodeScalarView()
            func flush() {
                out.append(contentsOf: word)
                if !word.isEmpty, words.contains(String(word)) { out.append(contentsOf: code.unicodeScalars) }
                word.removeAll(keepingCapacity: true)
            }
            for c in text.unicodeScalars {
                if c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "'" || c == "’" { word.append(c) } else { flush(); out.append(c) }
            }
            flush()
            return String(out)
        }
        copy.text = renamed(base.text)
        copy.title = base.title.map(renamed)
        copy.entities = base.entities.map { var e = $0; e.name = rename(e.name, r); e.aliases = e.aliases.map { rename($0, r) }; return e }
        copy.quotes = base.quotes.map { var q = $0; q.text = renamed(q.text); q.speakerName = q.speakerName.map { rename($0, r) }; return q }
        copy.signature = MinHashSignature(of: ScalarText(copy.text).scalars)
        return copy
    }

    func run() throws {
        let pipeline = try AnalysisPipeline.bundled()
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        let bases = try names.map { name in
            IndexedArticle(try pipeline.analyze(ArticleInput(bytes: try readBytes(corpus + "/" + name), name: name, received: "2026-12-07T00:00:00Z")), result: name + ".json")
        }
        let store = try ArticleIndex(path: index)
        let have = try store.resultNames().count
        if have < articles {
            let start = Date()
            var batch: [IndexedArticle] = []
            for k in have..<articles {
                batch.append(Self.replica(bases[k % bases.count], k / bases.count))
                if batch.count == 2000 || k == articles - 1 {
                    try store.record(batch)
                    batch.removeAll()
                    if (k + 1) % 20000 == 0 { FileHandle.standardError.write(Data("  \(k + 1) articles\n".utf8)) }
                }
            }
            try store.checkpoint()
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "built %d articles in %.0f s (%.2f ms per article)", articles - have, seconds, seconds * 1000 / Double(articles - have)))
        }
        let replicas = max(1, articles / bases.count)
        var random = SystemRandomNumberGenerator()
        func pick() -> (IndexedArticle, Int) {
            (bases[Int.random(in: 0..<bases.count, using: &random)], Int.random(in: 0..<replicas, using: &random))
        }
        let reader = try IndexReader(path: index)
        func time(_ label: String, _ body: () throws -> Int) rethrows {
            var samples: [Double] = []
            var found = 0
            for _ in 0..<queries {
                let start = DispatchTime.now().uptimeNanoseconds
                found += try body()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            samples.sort()
            let p = { (q: Double) in samples[min(samples.count - 1, Int(q * Double(samples.count)))] }
            print(String(format: "%-20@ p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d queries, %.1f results each)",
                         label as NSString, p(0.5), p(0.99), samples.last ?? 0, queries, Double(found) / Double(queries)))
        }
        print("index \(index): \(try reader.statistics(path: index).articles) articles")
        try time("query entity") {
            var (base, r) = pick()
            while base.entities.isEmpty { (base, r) = pick() }
            let entity = base.entities.randomElement(using: &random)!
            return try reader.entity(named: Self.rename(entity.name, r)).reduce(0) { $0 + $1.articles.count }
        }
        try time("query quotes") {
            var (base, r) = pick()
            while !base.quotes.contains(where: { $0.speakerEntity != nil }) { (base, r) = pick() }
            let quote = base.quotes.filter { $0.speakerEntity != nil }.randomElement(using: &random)!
            let ids = try reader.entityIDs(named: Self.rename(quote.speakerName ?? "", r))
            return try reader.quotes(bySpeakers: ids).count
        }
        try time("query search") {
            let (base, r) = pick()
            let words = Self.replica(base, r).text.split(separator: " ").filter { $0.allSatisfy(\.isLetter) }
            guard words.count > 3 else { return 0 }
            let at = Int.random(in: 0..<(words.count - 2), using: &random)
            return try reader.search(words[at] + " " + words[at + 1]).count
        }
        var prepared: [(MinHashSignature, String)] = []
        for _ in 0..<queries {
            let (base, r) = pick()
            var copy = Self.replica(base, r)
            let paragraphs = copy.text.components(separatedBy: "\n\n")
            copy.text = (paragraphs.count > 2 ? Array(paragraphs.dropFirst()) : paragraphs).joined(separator: "\n\n") + "\n\nShare this article."
            prepared.append((MinHashSignature(of: ScalarText(copy.text).scalars), "new"))
        }
        var next = 0
        try time("duplicate lookup") {
            defer { next += 1 }
            return try store.duplicates(of: prepared[next].0, sha256: prepared[next].1, threshold: 0.8).count
        }
    }
}
