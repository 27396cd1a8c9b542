import ArticleIndex
import ArticleAnalysisTools
@testable import ArticleAnalysis
import Foundation
import XCTest

/// MinHash estimates against exact Jaccard similarity on copies made from the corpus
/// (`CopyEdit`: paragraphs reordered or cut, furniture added, lede rewritten), over the cleaned
/// text as the daemon sees it.
final class NearDuplicateTests: XCTestCase {
    static func cleaned(_ text: String) -> [Unicode.Scalar] {
        ScalarText(ArticleCleaner().clean(text).body).scalars
    }

    static func exactJaccard(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let x = Set(MinHashSignature.shingles(of: a)), y = Set(MinHashSignature.shingles(of: b))
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    func testEstimatesFollowExactJaccardOnEditedCorpusCopies() throws {
        let articles = IndexFixtures.wikinews()
        try XCTSkipIf(articles.isEmpty, "no corpus beside the repository")
        var errors: [Double] = []
        var missed: [String] = []
        var falseAlarms: [String] = []
        for (name, text) in articles {
            let original = Self.cleaned(text)
            let signature = MinHashSignature(of: original)
            for edit in CopyEdit.allCases {
                let copy = Self.cleaned(edit.apply(to: text))
                let exact = Self.exactJaccard(original, copy)
                let estimate = signature.similarity(to: MinHashSignature(of: copy))
                errors.append(abs(estimate - exact))
                // Well clear of the 0.8 threshold, the decision must agree with the exact one.
                if exact >= 0.9 && estimate < 0.8 { missed.append("\(name) \(edit) exact \(exact) estimate \(estimate)") }
                if exact < 0.65 && estimate >= 0.8 { falseAlarms.append("\(name) \(edit) exact \(exact) estimate \(estimate)") }
            }
        }
        let mean = errors.reduce(0, +) / Double(errors.count)
        XCTAssertLessThan(mean, 0.04, "mean absolute error of the estimate")
        XCTAssertEqual(missed, [], "near copies (exact >= 0.9) estimated below 0.8")
        XCTAssertEqual(falseAlarms, [], "copies with exact < 0.65 estimated at 0.8 or more")
    }

    func testDifferentArticlesAreNotDuplicates() throws {
        let articles = IndexFixtures.wikinews()
        try XCTSkipIf(articles.count < 2, "no corpus beside the repository")
        let signatures = articles.map { MinHashSignature(of: Self.cleaned($0.text)) }
        var pairs: [String] = []
        for i in signatures.indices { for j in signatures.indices where j > i && signatures[i].similarity(to: signatures[j]) >= 0.5 {
            pairs.append("\(articles[i].name) ~ \(articles[j].name)")
        } }
        XCTAssertEqual(pairs, [], "distinct corpus articles estimated at 0.5 or more")
    }

    func testSignatureIsCaseBlindAndStableAcrossStorage() {
        let a = MinHashSignature(of: Array("The council met on Monday and approved the budget for next year.".unicodeScalars))
        let b = MinHashSignature(of: Array("THE COUNCIL MET ON MONDAY AND APPROVED THE BUDGET FOR NEXT YEAR".unicodeScalars))
        XCTAssertEqual(a, b)
        XCTAssertEqual(MinHashSignature(bytes: a.bytes), a)
        XCTAssertTrue(MinHashSignature(of: Array("— … !".unicodeScalars)).isEmpty)
        XCTAssertEqual(a.bandKeys.count, MinHashSignature.bands)
        XCTAssertEqual(Set(a.bandKeys.map { UInt64(bitPattern: $0) >> 58 }).count, MinHashSignature.bands, "band number in each key")
    }
}

/// The corpus beside the repository (`../shared/corpus`).
enum IndexFixtures {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus").path

    static func wikinews() -> [(name: String, text: String)] {
        let folder = corpus + "/wikinews-2019"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { (name, String(decoding: $0, as: UTF8.self)) }
        }
    }
}
