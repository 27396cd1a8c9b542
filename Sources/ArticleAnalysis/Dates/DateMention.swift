/// A date the article mentions, resolved to an ISO 8601 value ("2019-01-03", "2013").
public struct DateMention: Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public var value: String
    public init(span: TextSpan, text: String, value: String) { self.span = span; self.text = text; self.value = value }
}
