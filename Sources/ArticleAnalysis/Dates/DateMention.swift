/// A date the article mentions, resolved to an ISO 8601 value ("2019-01-03", "2013").
public struct DateMention: Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public var value: String
    /// What the value rests on when it was resolved against the reference date ("Tuesday",
    /// "yesterday", "March 5" without a year); nil for a date the text gives in full.
    public var basis: DateBasis?
    public init(span: TextSpan, text: String, value: String, basis: DateBasis? = nil) {
        self.span = span; self.text = text; self.value = value; self.basis = basis
    }
}

/// The date a relative date was resolved against, reported as `dates[].basis`.
public enum DateBasis: String, Sendable, Equatable {
    /// The article's own dateline.
    case dateline
    /// The publication date the caller gave (`--published`, a sidecar, page metadata).
    case published
    /// The time the file arrived: a guess, when nothing better is known.
    case received
}
