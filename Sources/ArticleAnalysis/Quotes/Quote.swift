/// Who is quoted: the entity, when the speaker is one, the name to show, and the words of the
/// text that stand for the speaker at this quote.
public struct Speaker: Sendable, Equatable {
    /// The id of the speaker's entity in `Analysis.entities`, when resolved (through a pronoun or
    /// a description too: "he" after "Pelosi" gives Pelosi's entity).
    public var entity: String?
    public var name: String
    /// The words that stand for the speaker at this quote: a name, "he", "the mayor", "the
    /// Foreign Ministry". Nil only for speakers built without a text position.
    public var mention: QuoteWords?
    public init(entity: String?, name: String, mention: QuoteWords? = nil) {
        self.entity = entity; self.name = name; self.mention = mention
    }
}

/// Words of the text at a position: the cue that attributes a quote ("said", "according to"),
/// or the mention that stands for its speaker ("he", "the mayor").
public struct QuoteWords: Sendable, Equatable {
    public var text: String
    public var span: TextSpan
    public init(text: String, span: TextSpan) { self.text = text; self.span = span }
}

/// Something someone said or claimed, as the article reports it.
public struct Quote: Sendable, Equatable {
    public enum Kind: String, Sendable { case direct, indirect, claim }
    public var kind: Kind
    /// The quoted words without the quotation marks; for reported speech, the reported content.
    public var text: String
    public var span: TextSpan
    public var speaker: Speaker?
    /// The speech verb or phrase that attributes it ("said", "according to").
    public var cue: QuoteWords?
    /// Notes such as "unclosed".
    public var flags: [String]

    public init(kind: Kind, text: String, span: TextSpan, speaker: Speaker?, cue: QuoteWords?, flags: [String]) {
        self.kind = kind; self.text = text; self.span = span; self.speaker = speaker; self.cue = cue; self.flags = flags
    }
}

/// Finds quotes and their speakers: direct quotes (between quotation marks), indirect speech and
/// claims, each with the entity that said it.
///
/// Speakers come from the entities stage's mentions; where no mention covers a name near a speech
/// verb, a run of capitalised words stands in (speaker with `entity` nil). See docs/quotes.md.
public struct QuoteFinder: Sendable {
    /// The learned decisions; with `QuoteModel.empty` the rules alone decide.
    public var model: QuoteModel

    public init(model: QuoteModel = .empty) { self.model = model }

    /// Quotes in text order. Offsets are code points into `text`; a direct quote's span and text
    /// exclude its marks (a multi-paragraph quote's span covers the marks between its paragraphs,
    /// its text leaves them out).
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    public func find(_ text: ScalarText, _ segmentation: Segmentation, _ entities: [Entity]) -> [Quote] {
        let doc = QuoteDocument(text: text, paragraphs: QuoteDocument.paragraphs(of: text, segmentation))
        let candidates = SpeakerCandidate.find(in: doc, entities: entities)
        let resolver = SpeakerResolver(doc: doc, candidates: candidates)

        var quotes: [Quote] = []
        var cueTokens: [Int] = []
        // Built at the first direct quote: most articles have none.
        var ranker: SourceRanker? = nil
        var features = QuoteFeatures()
        var previous: Speaker? = nil
        for var found in DirectQuotes(doc: doc, resolver: resolver, model: model).find() {
            if !model.isEmpty {
                if ranker == nil { ranker = SourceRanker(doc: doc, resolver: resolver) }
                found.speaker = ranker!.best(found.passage, rule: found.speaker, previous: previous, model: model, features: &features)
                previous = found.speaker
            }
            let passage = doc.passages[found.passage]
            var flags: [String] = []
            if passage.isUnclosed { flags.append("unclosed") }
            if passage.segments.count > 1 { flags.append("multi-paragraph") }
            if let cue = found.cueToken { cueTokens.append(cue) }
            quotes.append(Quote(kind: .direct, text: passage.text(text), span: passage.span,
                                speaker: found.speaker, cue: found.cue, flags: flags))
        }
        cueTokens.sort()
        if model.isEmpty {
            quotes.append(contentsOf: ReportedSpeech(doc: doc, resolver: resolver).find(skipping: cueTokens))
        } else {
            let direct = quotes.map(\.span)
            quotes.append(contentsOf: LearnedReportedSpeech(doc: doc, resolver: resolver, model: model).find(skipping: cueTokens, direct: direct))
        }
        quotes.sort { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.kind.rawValue < $1.kind.rawValue }
        return quotes
    }
}
