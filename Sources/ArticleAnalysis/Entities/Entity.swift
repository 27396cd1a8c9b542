/// The kinds of named entity articled reports.
public enum EntityType: String, Sendable, CaseIterable {
    case person = "PERSON"
    case organization = "ORG"
    case location = "LOC"
    case misc = "MISC"
}

/// One occurrence of an entity in the text.
public struct Mention: Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public init(span: TextSpan, text: String) { self.span = span; self.text = text }
}

/// One real-world entity with every surface form that names it in the article.
public struct Entity: Sendable, Equatable {
    /// Stable within one analysis ("e1", "e2", ... in salience order); quotes refer to it.
    public var id: String
    public var type: EntityType
    /// The most complete form, e.g. "Abu Mohammed al-Julani".
    public var name: String
    /// Other surface forms, e.g. "al-Julani".
    public var aliases: [String]
    public var salience: Double
    public var mentions: [Mention]

    public init(id: String, type: EntityType, name: String, aliases: [String], salience: Double, mentions: [Mention]) {
        self.id = id; self.type = type; self.name = name; self.aliases = aliases; self.salience = salience; self.mentions = mentions
    }
}

/// Finds and resolves the named entities of an article. (Placeholder until the entities stage lands.)
public struct EntityRecognizer: Sendable {
    public init() {}
    public func recognize(_ text: ScalarText, _ segmentation: Segmentation) -> [Entity] { [] }
}
