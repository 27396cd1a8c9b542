/// A sentence picked for the summary.
public struct SummarySentence: Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public init(span: TextSpan, text: String) { self.span = span; self.text = text }
}
