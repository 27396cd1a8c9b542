import ArticleAnalysis

/// Scores the quotes stage on PolNeAR articles as ../shared/data/polnear/SOURCE.md describes.
///
/// - Direct quotes: every quoted segment of 4+ words inside a gold content span is a gold direct
///   quote (`PolNeARArticle.directQuotes`); a found `direct` quote of 4+ words matches it when it
///   covers at least half of it (one-to-one). Found direct quotes under four words are not scored,
///   as gold ones under four words are not annotated as such.
/// - Speaker: for a matched quote whose gold attribution names a source, right when the found
///   speaker's `mention` overlaps the gold source span.
/// - Reported speech: gold attributions whose content has no quotation mark; a found `indirect`
///   or `claim` matches when its span and the gold content overlap by at least half of the
///   shorter of the two (one-to-one, largest overlap first). Found reported speech whose text
///   holds a quotation mark is not scored, the same rule that leaves such gold content out.
///
/// The analysis offsets point into the cleaned text; `TextAlignment` maps them back to the
/// corpus file's offsets. Pure: the caller runs the pipeline and reads the files.
public struct PolNeAREvaluation: Sendable {
    public var directGold = 0, directFound = 0, directMatched = 0
    public var speakerScored = 0, speakerRight = 0
    public var reportedGold = 0, reportedFound = 0, reportedMatched = 0
    public var reportedSpeakerScored = 0, reportedSpeakerRight = 0
    /// Error counts by kind: "direct missed", "direct extra", "speaker: pronoun", ...
    public var errors: [String: Int] = [:]

    public init() {}

    public var directPrecision: Double { ratio(directMatched, directFound) }
    public var directRecall: Double { ratio(directMatched, directGold) }
    public var directF1: Double { f1(directPrecision, directRecall) }
    public var speakerAccuracy: Double { ratio(speakerRight, speakerScored) }
    public var reportedPrecision: Double { ratio(reportedMatched, reportedFound) }
    public var reportedRecall: Double { ratio(reportedMatched, reportedGold) }
    public var reportedF1: Double { f1(reportedPrecision, reportedRecall) }
    public var reportedSpeakerAccuracy: Double { ratio(reportedSpeakerRight, reportedSpeakerScored) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    private func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

    /// Adds one article: `cleaned` is the analysis text, `quotes` what the stage found in it.
    /// Returns a line for each error (for `--verbose`).
    @discardableResult
    public mutating func add(_ article: PolNeARArticle, cleaned: [Unicode.Scalar], quotes: [Quote]) -> [String] {
        let align = TextAlignment(from: cleaned, to: article.text)
        var notes: [String] = []
        func note(_ kind: String, _ span: TextSpan, _ detail: String = "") {
            errors[kind, default: 0] += 1
            notes.append("\(kind): \(article.excerpt(span))\(detail)")
        }

        // Direct quotes.
        let gold = article.directQuotes()
        let found = quotes.filter { $0.kind == .direct }.map { (quote: $0, span: align.span($0.span)) }
            .filter { article.wordCount($0.span) >= 4 }
        directGold += gold.count
        directFound += found.count
        var used = [Bool](repeating: false, count: found.count)
        for g in gold {
            guard let k = found.indices.first(where: { !used[$0] && overlap(found[$0].span, [g.span]) * 2 >= g.span.length }) else {
                note("direct missed", g.span); continue
            }
            used[k] = true
            directMatched += 1
            guard !g.sources.isEmpty else { continue }
            speakerScored += 1
            let mention = found[k].quote.speaker?.mention.map { align.span($0.span) }
            if let mention, g.sources.contains(where: { $0.overlaps(mention) }) {
                speakerRight += 1
            } else {
                note("speaker: " + speakerErrorKind(article, gold: g.sources, found: found[k].quote.speaker), g.span,
                     " | gold \(article.excerpt(g.sources[0])), found \(mention.map { article.excerpt($0) } ?? "none")")
            }
        }
        for k in found.indices where !used[k] { note("direct extra", found[k].span) }

        // Reported speech.
        let reported = article.reportedSpeech()
        let predicted = quotes.filter { $0.kind != .direct && !$0.text.unicodeScalars.contains(where: PolNeARArticle.isQuotationMark) }
            .map { (quote: $0, span: align.span($0.span)) }
        reportedGold += reported.count
        reportedFound += predicted.count
        var pairs: [(overlap: Int, gold: Int, found: Int)] = []
        for (g, attribution) in reported.enumerated() {
            let goldLength = attribution.content.reduce(0) { $0 + $1.length }
            for (k, p) in predicted.enumerated() {
                let o = overlap(p.span, attribution.content)
                if o > 0 { pairs.append((o, g, k)) }
                if o > 0 && o * 2 >= min(goldLength, p.span.length) { pairs[pairs.count - 1].overlap += 1 << 40 }
            }
        }
        pairs.sort { $0.overlap != $1.overlap ? $0.overlap > $1.overlap : ($0.gold, $0.found) < ($1.gold, $1.found) }
        var goldUsed = [Bool](repeating: false, count: reported.count)
        var foundUsed = [Bool](repeating: false, count: predicted.count)
        var touched = [Bool](repeating: false, count: reported.count)
        for pair in pairs {
            touched[pair.gold] = true
            guard pair.overlap >= 1 << 40, !goldUsed[pair.gold], !foundUsed[pair.found] else { continue }
            goldUsed[pair.gold] = true; foundUsed[pair.found] = true
            reportedMatched += 1
            let sources = reported[pair.gold].source
            guard !sources.isEmpty else { continue }
            reportedSpeakerScored += 1
            if let mention = predicted[pair.found].quote.speaker?.mention.map({ align.span($0.span) }),
               sources.contains(where: { $0.overlaps(mention) }) { reportedSpeakerRight += 1 }
        }
        for g in reported.indices where !goldUsed[g] {
            let cueFound = predicted.contains { p in
                p.quote.cue.map { cue in reported[g].cue.contains { $0.overlaps(align.span(cue.span)) } } ?? false
            }
            note(touched[g] ? "reported: content boundary" : cueFound ? "reported missed: cue found, content elsewhere" : "reported missed: no cue",
                 reported[g].content[0],
                 " | cue " + (reported[g].cue.first.map { article.excerpt($0) } ?? "none"))
        }
        for k in predicted.indices where !foundUsed[k] {
            note("reported extra", predicted[k].span, " | cue \"\(predicted[k].quote.cue?.text ?? "")\"")
        }
        return notes
    }

    /// Code points of `span` that fall in `spans`.
    private func overlap(_ span: TextSpan, _ spans: [TextSpan]) -> Int {
        spans.reduce(0) { $0 + max(0, min(span.end, $1.end) - max(span.start, $1.start)) }
    }

    /// Why a speaker is wrong: no speaker found, or the kind of the gold source (a pronoun, an
    /// organisation, a description) or else "wrong person".
    private func speakerErrorKind(_ article: PolNeARArticle, gold: [TextSpan], found: Speaker?) -> String {
        guard found != nil else { return "no speaker" }
        let words = article.words(gold[0])
        guard let first = words.first else { return "wrong person" }
        if words.count == 1, QuoteSourceWords.isPronoun(first) { return "pronoun" }
        if words.contains(where: QuoteSourceWords.isOrganizationWord) { return "organisation" }
        if words.count > 1 && words.allSatisfy({ $0.allSatisfy { $0.properties.isUppercase } }) { return "organisation" }
        if !words.contains(where: { $0[0].properties.isUppercase }) { return "description" }
        return "wrong person"
    }
}

extension PolNeARArticle {
    /// The words (runs of word scalars) of `span`.
    func words(_ span: TextSpan) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for s in text[span.start..<min(span.end, text.count)] {
            if ScalarClass.isLetterOrDigit(s) { current.append(s) } else if !current.isEmpty { words.append(current); current = [] }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// A short, one-line excerpt of the text at `span`, for error notes.
    func excerpt(_ span: TextSpan) -> String {
        let end = min(span.end, text.count, span.start + 70)
        var view = String.UnicodeScalarView()
        for s in text[span.start..<max(span.start, end)] { view.append(s == "\n" ? " " : s) }
        return "\"" + String(view) + (end < span.end ? "...\"" : "\"")
    }
}
