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

    /// A text cut once into pieces, each marked when it is a word of an entity name, so that a
    /// replica's text is rendered by appending the replica's suffix after those words (the
    /// benchmark builds 100,000 replicas; scanning each text again per replica was most of it).
    struct Template {
        var pieces: [(text: String, entityWord: Bool)] = []

        init(_ text: String, words: Set<String>) {
            var out = String.UnicodeScalarView()
            var word = String.UnicodeScalarView()
            func flush() {
                guard !word.isEmpty else { return }
                if words.contains(String(word)) {
                    if !out.isEmpty { pieces.append((String(out), false)); out.removeAll() }
                    pieces.append((String(word), true))
                } else {
                    out.append(contentsOf: word)
                }
                word.removeAll(keepingCapacity: true)
            }
            for c in text.unicodeScalars {
                if c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "'" || c == "’" { word.append(c) } else { flush(); out.append(c) }
            }
            flush()
            if !out.isEmpty { pieces.append((String(out), false)) }
        }

        func render(_ code: Substring) -> String {
            var text = ""
            for piece in pieces {
                text += piece.text
                if piece.entityWord { text += code }
            }
            return text
        }
    }

    /// A base article and the templates of its texts.
    struct Base {
        var article: IndexedArticle
        var text: Template
        var title: Template?
        var quotes: [Template]

        init(_ article: IndexedArticle) {
            self.article = article
            let words = Set(article.entities.flatMap(\.names).flatMap { $0.split(separator: " ").map(String.init) })
            text = Template(article.text, words: words)
            title = article.title.map { Template($0, words: words) }
            quotes = article.quotes.map { Template($0.text, words: words) }
        }
    }

    /// Replica `r` of `base`: every word of every entity name gets the replica's suffix wherever
    /// it stands (text, title, quotes, names), so each copy has its own people and places.
    static func replica(_ base: Base, _ r: Int) -> IndexedArticle {
        guard r > 0 else { return base.article }
        var copy = base.article
        copy.result = "r\(r)-" + copy.result
        copy.name = "r\(r)-" + copy.name
        copy.sha256 = "r\(r)-" + copy.sha256
        let code = rename("x", r).dropFirst()
        copy.text = base.text.render(code)
        copy.title = base.title?.render(code)
        copy.entities = copy.entities.map { var e = $0; e.name = rename(e.name, r); e.aliases = e.aliases.map { rename($0, r) }; return e }
        for k in copy.quotes.indices {
            copy.quotes[k].text = base.quotes[k].render(code)
            copy.quotes[k].speakerName = copy.quotes[k].speakerName.map { rename($0, r) }
        }
        copy.signature = MinHashSignature(of: ScalarText(copy.text).scalars)
        return copy
    }

    func run() throws {
        let pipeline = try AnalysisPipeline.bundled()
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        let bases = try names.map { name in
            Base(IndexedArticle(try pipeline.analyze(ArticleInput(bytes: try readBytes(corpus + "/" + name), name: name, received: "2026-12-07T00:00:00Z")), result: name + ".json"))
        }
        let opening = Date()
        let store = try ArticleIndex(path: index)
        print(String(format: "opened the index in %.2f s (near-duplicate table loaded from the stored signatures)", Date().timeIntervalSince(opening)))
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
        func pick() -> (Base, Int) {
            (bases[Int.random(in: 0..<bases.count, using: &random)], Int.random(in: 0..<replicas, using: &random))
        }
        let reader = try IndexReader(path: index)
        // Wall time, and the thread's CPU time (user + kernel): on a machine shared with other
        // work the wall-clock p99 of a sub-millisecond query is mostly time spent preempted.
        func threadCPU() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) * 1e3 + Double(spec.tv_nsec) / 1e6
        }
        func time(_ label: String, _ body: () throws -> Int) rethrows {
            var samples: [Double] = []
            var cpu: [Double] = []
            var found = 0
            for _ in 0..<queries {
                let start = DispatchTime.now().uptimeNanoseconds
                let startCPU = threadCPU()
                found += try body()
                cpu.append(threadCPU() - startCPU)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            samples.sort()
            cpu.sort()
            let p = { (values: [Double], q: Double) in values[min(values.count - 1, Int(q * Double(values.count)))] }
            print(String(format: "%-20@ p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (CPU p50 %.2f, p99 %.2f ms; %d queries, %.1f results each)",
                         label as NSString, p(samples, 0.5), p(samples, 0.99), samples.last ?? 0, p(cpu, 0.5), p(cpu, 0.99), queries, Double(found) / Double(queries)))
        }
        print("index \(index): \(try reader.statistics(path: index).articles) articles")
        try time("query entity") {
            var (base, r) = pick()
            while base.article.entities.isEmpty { (base, r) = pick() }
            let entity = base.article.entities.randomElement(using: &random)!
            return try reader.entity(named: Self.rename(entity.name, r)).reduce(0) { $0 + $1.articles.count }
        }
        try time("query quotes") {
            var (base, r) = pick()
            while !base.article.quotes.contains(where: { $0.speakerEntity != nil }) { (base, r) = pick() }
            let quote = base.article.quotes.filter { $0.speakerEntity != nil }.randomElement(using: &random)!
            let ids = try reader.entityIDs(named: Self.rename(quote.speakerName ?? "", r))
            return try reader.quotes(bySpeakers: ids).count
        }
        // Two consecutive words of a random replica (made before the clock starts).
        var phrases: [String] = []
        while phrases.count < queries {
            let (base, r) = pick()
            let words = Self.replica(base, r).text.split(separator: " ").filter { $0.allSatisfy(\.isLetter) }
            guard words.count > 3 else { continue }
            let at = Int.random(in: 0..<(words.count - 2), using: &random)
            phrases.append(words[at] + " " + words[at + 1])
        }
        var nextPhrase = 0
        try time("query search") {
            defer { nextPhrase += 1 }
            return try reader.search(phrases[nextPhrase]).count
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
