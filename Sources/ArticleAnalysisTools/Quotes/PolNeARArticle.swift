import ArticleAnalysis

/// One article of PolNeAR (the political news attribution corpus, ../shared/data/polnear): its
/// text and the attributions annotated over it (brat standoff; see SOURCE.md there).
///
/// Pure: the caller reads the `.txt` and `.ann` files. The corpus is read where it lies, never
/// copied into the project (research licence).
public struct PolNeARArticle: Sendable {
    /// One attribution relation: who (source) is cited as saying or thinking what (content),
    /// through which words (cue). A role may be missing or have several spans; each span may be
    /// discontinuous (several ranges). Offsets are code points of the `.txt` file.
    public struct Attribution: Sendable {
        public var source: [TextSpan]
        public var cue: [TextSpan]
        public var content: [TextSpan]
    }

    public var name: String
    public var text: [Unicode.Scalar]
    public var attributions: [Attribution]

    /// Parses the `.ann` file `annotations` over `text`. Lines that are neither spans (`T`) nor
    /// relations (`E`) are ignored; a relation naming an unknown span drops that role.
    public init(name: String, text: String, annotations: String) {
        self.name = name
        self.text = Array(text.unicodeScalars)
        var spans: [Substring: [TextSpan]] = [:]
        var relations: [[Substring]] = []
        for line in annotations.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, let first = fields[0].first else { continue }
            if first == "T" {
                // "Source 12 20;25 30"
                guard let space = fields[1].firstIndex(of: " ") else { continue }
                var ranges: [TextSpan] = []
                for range in fields[1][fields[1].index(after: space)...].split(separator: ";") {
                    let bounds = range.split(separator: " ").compactMap { Int($0) }
                    if bounds.count == 2, bounds[0] <= bounds[1] { ranges.append(TextSpan(start: bounds[0], end: bounds[1])) }
                }
                spans[fields[0]] = ranges
            } else if first == "E" {
                relations.append(fields[1].split(separator: " "))
            }
        }
        attributions = relations.map { roles in
            var attribution = Attribution(source: [], cue: [], content: [])
            for role in roles.dropFirst() {
                guard let colon = role.firstIndex(of: ":"), let ranges = spans[role[role.index(after: colon)...]] else { continue }
                let kind = role[..<colon]
                if kind.hasPrefix("Source") { attribution.source += ranges }
                else if kind.hasPrefix("Cue") { attribution.cue += ranges }
                else if kind.hasPrefix("Content") { attribution.content += ranges }
            }
            return attribution
        }
    }

    /// True for the double quotation marks the corpus uses: " “ ” „ « ».
    static func isQuotationMark(_ s: Unicode.Scalar) -> Bool {
        s == "\"" || s == "\u{201C}" || s == "\u{201D}" || s == "\u{201E}" || s == "\u{AB}" || s == "\u{BB}"
    }

    /// The attribution's content has a quotation mark: direct speech, not reported speech.
    func isQuoted(_ attribution: Attribution) -> Bool {
        attribution.content.contains { span in text[span.start..<min(span.end, text.count)].contains(where: Self.isQuotationMark) }
    }

    /// The gold direct quotes: each quoted segment (between paired double marks, within one
    /// paragraph) of four words or more that lies inside a gold content span, with the sources of
    /// the attributions whose content holds it. Spans exclude the marks.
    public func directQuotes() -> [(span: TextSpan, sources: [TextSpan])] {
        var result: [(span: TextSpan, sources: [TextSpan])] = []
        for segment in quotedSegments() where wordCount(segment) >= 4 {
            var sources: [TextSpan] = []
            var inside = false
            for attribution in attributions where attribution.content.contains(where: {
                $0.start <= segment.start && segment.end <= $0.end
                    || $0.start <= segment.start - 1 && segment.end + 1 <= $0.end }) {
                inside = true
                sources += attribution.source
            }
            if inside { result.append((segment, sources)) }
        }
        return result
    }

    /// Gold reported speech: attributions whose content has no quotation mark.
    public func reportedSpeech() -> [Attribution] {
        attributions.filter { !$0.content.isEmpty && !isQuoted($0) }
    }

    /// Text between paired double quotation marks, paragraph by paragraph: “ opens and ” closes;
    /// a straight " opens when no quote is open and closes one that is.
    func quotedSegments() -> [TextSpan] {
        var segments: [TextSpan] = []
        var open: Int? = nil
        for (i, s) in text.enumerated() {
            if s == "\n" { open = nil; continue }
            if s == "\u{201C}" || s == "\u{201E}" || s == "\u{AB}" { open = i + 1; continue }
            if s == "\u{201D}" || s == "\u{BB}" || s == "\"" {
                if let start = open {
                    if i > start { segments.append(TextSpan(start: start, end: i)) }
                    open = nil
                } else if s == "\"" {
                    open = i + 1
                }
            }
        }
        return segments
    }

    /// Words (runs of letters or digits) in `span` of the text.
    func wordCount(_ span: TextSpan) -> Int {
        var count = 0, inWord = false
        for s in text[span.start..<min(span.end, text.count)] {
            let isWordScalar = ScalarClass.isLetterOrDigit(s)
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
        }
        return count
    }
}
