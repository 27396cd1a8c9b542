/// A sentence picked for the summary.
public struct SummarySentence: Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public init(span: TextSpan, text: String) { self.span = span; self.text = text }
}

/// Picks summary sentences. (Placeholder until the summary stage lands.)
public struct Summarizer: Sendable {
    public init() {}
    public func summarize(_ text: ScalarText, _ segmentation: Segmentation, _ entities: [Entity]) -> [SummarySentence] { [] }
}
