/// The place of a dateline ("LONDON 1996-08-30") is a location by the form of the line: wire copy
/// names where the story was filed. When the tagger has not marked it, it becomes a mention of
/// the location entity of the same name (case aside), or of a new location entity.
extension [Entity] {
    mutating func ensurePlace(_ place: TextSpan, in text: ScalarText) {
        for entity in self {
            for mention in entity.mentions where mention.span.start < place.end && place.start < mention.span.end { return }
        }
        let mention = Mention(span: place, text: text[place])
        let key = mention.text.lowercased()
        if let index = firstIndex(where: { $0.type == .location && ($0.name.lowercased() == key || $0.aliases.contains { $0.lowercased() == key }) }) {
            let at = self[index].mentions.firstIndex { $0.span.start > place.start } ?? self[index].mentions.count
            self[index].mentions.insert(mention, at: at)
            return
        }
        append(Entity(id: "e\(count + 1)", type: .location, name: mention.text, aliases: [], salience: 0, mentions: [mention]))
    }
}
