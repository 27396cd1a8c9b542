import ArgumentParser
import ArticleAnalysis
import ArticleAnalysisTools
import ArticleModels
import Foundation

/// `articled eval-duplicates`: MinHash estimates against exact Jaccard on copies made from the corpus.
struct EvalDuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-duplicates",
        abstract: "Score near-duplicate detection on edited copies of corpus articles.",
        discussion: """
            Each article is copied with each edit (paragraphs reordered or cut, furniture added,
            lede rewritten, a syndicated copy); both go through the pipeline, and the MinHash
            estimate of the cleaned texts' Jaccard similarity (word 5-shingles) is compared with
            the exact one. A pair counts as a duplicate at --threshold. Distinct corpus articles
            are checked for false alarms. --pairs-out writes the cleaned pairs (JSON Lines) for
            a side-by-side run of another implementation (Benchmarks/index/datasketch_pairs.py).
            """
    )

    @Option(help: ArgumentHelp("The folder of corpus articles.", valueName: "dir"))
    var corpus = "../shared/corpus/wikinews-2019"

    @Option(help: "Estimated similarity from which a pair is a duplicate.")
    var threshold = 0.8

    @Option(help: ArgumentHelp("Write the cleaned pairs as JSON Lines here.", valueName: "file"))
    var pairsOut: String?

    func run() throws {
        let pipeline = try AnalysisPipeline.bundled()
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        var lines: [String] = []
        var originals: [MinHashSignature] = []
        struct Tally { var n = 0; var exact = 0.0; var estimate = 0.0; var error = 0.0; var tp = 0; var fn = 0; var fp = 0; var tn = 0 }
        var tallies: [String: Tally] = [:]
        var signatureNanoseconds: UInt64 = 0, signatures = 0
        for name in names {
            let raw = String(decoding: try readBytes(corpus + "/" + name), as: UTF8.self)
            let original = try pipeline.analyze(ArticleInput(bytes: Array(raw.utf8), name: name))
            let start = DispatchTime.now().uptimeNanoseconds
            let signature = MinHashSignature(of: original.text.scalars)
            signatureNanoseconds += DispatchTime.now().uptimeNanoseconds - start
            signatures += 1
            originals.append(signature)
            let shingles = Set(MinHashSignature.shingles(of: original.text.scalars))
            for edit in CopyEdit.allCases {
                let copy = try pipeline.analyze(ArticleInput(bytes: Array(edit.apply(to: raw).utf8), name: name))
                let copyShingles = Set(MinHashSignature.shingles(of: copy.text.scalars))
                let union = shingles.union(copyShingles).count
                let exact = union == 0 ? 1 : Double(shingles.intersection(copyShingles).count) / Double(union)
                let estimate = signature.similarity(to: MinHashSignature(of: copy.text.scalars))
                var t = tallies[edit.rawValue, default: Tally()]
                t.n += 1; t.exact += exact; t.estimate += estimate; t.error += abs(exact - estimate)
                switch (exact >= threshold, estimate >= threshold) {
                case (true, true): t.tp += 1
                case (true, false): t.fn += 1
                case (false, true): t.fp += 1
                case (false, false): t.tn += 1
                }
                tallies[edit.rawValue] = t
                if pairsOut != nil {
                    let object: [String: Any] = ["article": name, "edit": edit.rawValue, "a": original.text.string, "b": copy.text.string, "exact": exact, "estimate": estimate]
                    lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
                }
            }
        }
        var falseAlarms = 0, distinctPairs = 0, highest = 0.0
        for i in originals.indices { for j in originals.indices where j > i {
            let s = originals[i].similarity(to: originals[j])
            distinctPairs += 1
            highest = max(highest, s)
            if s >= threshold { falseAlarms += 1 }
        } }
        print("articles \(names.count), threshold \(threshold); exact Jaccard over word 5-shingles of the cleaned text")
        print("edit        pairs  mean exact  mean estimate  mean |error|  dup by exact: found/missed  not dup: false alarms")
        var all = Tally()
        for edit in CopyEdit.allCases {
            let t = tallies[edit.rawValue]!
            all.n += t.n; all.error += t.error; all.tp += t.tp; all.fn += t.fn; all.fp += t.fp
            print(String(format: "%-10@  %5d  %10.3f  %13.3f  %12.3f  %12d/%d  %12d of %d", edit.rawValue as NSString, t.n, t.exact / Double(t.n), t.estimate / Double(t.n), t.error / Double(t.n), t.tp, t.fn, t.fp, t.fp + t.tn))
        }
        print(String(format: "all         %5d  mean |error| %.3f; recall %.3f; false alarms %d", all.n, all.error / Double(all.n), Double(all.tp) / Double(max(1, all.tp + all.fn)), all.fp))
        print(String(format: "distinct corpus articles: %d pairs, %d at or above the threshold, highest estimate %.3f", distinctPairs, falseAlarms, highest))
        print(String(format: "signature: %.1f µs per article", Double(signatureNanoseconds) / Double(max(1, signatures)) / 1000))
        if let pairsOut { try (lines.joined(separator: "\n") + "\n").write(toFile: pairsOut, atomically: true, encoding: .utf8) }
    }
}
