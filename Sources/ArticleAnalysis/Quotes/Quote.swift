/// Who is quoted: the entity, when the speaker is one, and the name to show.
public struct Speaker: Sendable, Equatable {
    /// The id of the speaker's entity in `Analysis.entities`, when resolved.
    public var entity: String?
    public var name: String
    public init(entity: String?, name: String) { self.entity = entity; self.name = name }
}

/// Something someone said or claimed, as the article reports it.
public struct Quote: Sendable, Equatable {
    public enum Kind: String, Sendable { case direct, indirect, claim }
    public var kind: Kind
    /// The quoted words without the quotation marks.
    public var text: String
    public var span: TextSpan
    public var speaker: Speaker?
    /// The speech verb or phrase that attributes it ("said", "according to").
    public var cue: String?
    /// Notes such as "unclosed".
    public var flags: [String]

    public init(kind: Kind, text: String, span: TextSpan, speaker: Speaker?, cue: String?, flags: [String]) {
        self.kind = kind; self.text = text; self.span = span; self.speaker = speaker; self.cue = cue; self.flags = flags
    }
}

/// Finds quotes and their speakers. (Placeholder until the quotes stage lands.)
public struct QuoteFinder: Sendable {
    public init() {}
    public func find(_ text: ScalarText, _ segmentation: Segmentation, _ entities: [Entity]) -> [Quote] { [] }
}
