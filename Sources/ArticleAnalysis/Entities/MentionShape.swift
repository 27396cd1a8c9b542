/// Span and type rules for tagged mentions, applied before the resolver groups them.
///
/// The tagger learnt names from Reuters 1996; these rules carry what the form of a name says
/// about it, whatever the tagger thought, so that a reader can trust the types:
/// Designators that name a kind of place as often as an organisation's ("West Bank", "Soviet
/// Union", "Manchester City") are in neither list.
/// - A place, an office and its holder run together are a place and a person: "US Secretary
///   of State Mike Pompeo" -> "US", "Mike Pompeo".
/// - A title is not part of a name (CoNLL convention): "Pope Francis" -> "Francis",
///   "Cardinal George Pell" -> "George Pell" (a person), "US Ambassador" -> "US".
/// - "Name of Organisation" is two names: "Ryan Cloutier of the Harvard Center" -> a person
///   "Ryan Cloutier" and "Harvard Center", when the first word before "of" is a known
///   first name (gazetteer) and at least two words precede "of".
/// - A designator at the end pulls the type: "Mahan Air", "Sidley Austin LLP", "Abu Dhabi
///   Media" -> ORG; "Karl Marx Avenue", "Jefferson Parish", "Gulf of Mexico" -> LOC; and so
///   does an organisation head before "of" ("University of Essex", "Ministry of Defence").
/// - A place right before such an organisation name belongs to it: "Abu Dhabi" + "TV".
/// - "<Organisation head> of <name>" is one name ("United States Department" "of" "Justice");
///   a time zone ("UTC") is no name; "Hurricane …", "Tropical Storm …" name storms (MISC).
/// - A place list pulls the type: a mention the tagger called a person whose words are exactly
///   a gazetteer place name and whose first word is no known person name is a place
///   ("Chelyabinsk").
enum MentionShape {
    static func adjusted(_ mentions: [TaggedMention], _ tagged: TaggedText) -> [TaggedMention] {
        var out: [TaggedMention] = []
        out.reserveCapacity(mentions.count)
        var index = 0
        while index < mentions.count {
            var m = mentions[index]
            index += 1
            // "United States Department" "of" "Justice": an organisation's head and the name
            // after its "of" are one name.
            if m.type == .organization, index < mentions.count,
               let joined = headOfName(m.tokens, mentions[index].tokens, tagged) {
                m.tokens = joined
                index += 1
            }
            // A time zone ("UTC", "AST") is no organisation.
            if m.tokens.count == 1 && timeZones.contains(tagged.lexemes[m.tokens.lowerBound].lower) { continue }
            // "Tropical Storm Barry", "Hurricane Dorian": a storm's name (MISC).
            if m.tokens.count >= 2 && stormWords.contains(tagged.lexemes[m.tokens.lowerBound].lower) {
                out.append(TaggedMention(tokens: m.tokens, type: .misc, sentence: m.sentence))
                continue
            }
            if let (place, person) = placeOfficeHolder(m.tokens, tagged) {
                out.append(TaggedMention(tokens: place, type: .location, sentence: m.sentence))
                guard let person else { continue }
                m = TaggedMention(tokens: person, type: .person, sentence: m.sentence)
            }
            guard var range = withoutTitles(m.tokens, m.type, tagged) else { continue }
            var type = m.type
            if range.lowerBound > m.tokens.lowerBound && startsWithPersonName(range, tagged) { type = .person }
            if range.upperBound < m.tokens.upperBound && isPlaceName(range, tagged) { type = .location }
            if let (person, rest) = personOfOrganisation(range, tagged) {
                out.append(TaggedMention(tokens: person, type: .person, sentence: m.sentence))
                range = rest
                type = m.type == .person ? .organization : m.type
            }
            let shaped = TaggedMention(tokens: range, type: pulledType(range, type, tagged), sentence: m.sentence)
            // A place written right before an organisation's name that ends in a designator is
            // part of it: "Abu Dhabi" + "TV", "Fars" + "News", "United States" + "Congress".
            if shaped.type == .organization, let previous = out.last, previous.type == .location,
               previous.tokens.upperBound == range.lowerBound, orgDesignators.contains(tagged.lexemes[range.upperBound - 1].lower) {
                out[out.count - 1] = TaggedMention(tokens: previous.tokens.lowerBound..<range.upperBound, type: .organization,
                                                   sentence: m.sentence)
                continue
            }
            out.append(shaped)
        }
        return out
    }

    /// `range` without title words at its start (when a person's name follows: "General
    /// Motors" keeps its first word) or at its end after a place ("US Ambassador").
    static func withoutTitles(_ range: Range<Int>, _ type: EntityType, _ tagged: TaggedText) -> Range<Int>? {
        var start = range.lowerBound, end = range.upperBound
        while end - start > 1 && titles.contains(tagged.lexemes[start].lower)
                && tagged.lexemes[start + 1].flags.contains(.hasCapital) {
            start += 1
        }
        if start > range.lowerBound && type != .person && !startsWithPersonName(start..<end, tagged) {
            start = range.lowerBound
        }
        while end - start > 1 && titles.contains(tagged.lexemes[end - 1].lower)
                && (has(tagged, start, type: 2, position: 0) || has(tagged, start, type: 2, position: 3)) {
            end -= 1
        }
        return start..<end
    }

    /// The span of `head` "of" ["the"] `name` when `head` ends with an organisation head or
    /// designator and `name` follows right after the "of".
    static func headOfName(_ head: Range<Int>, _ name: Range<Int>, _ tagged: TaggedText) -> Range<Int>? {
        let last = tagged.lexemes[head.upperBound - 1].lower
        guard organisationHeads.contains(last) || orgDesignators.contains(last),
              head.upperBound < name.lowerBound, tagged.lexemes[head.upperBound].lower == MentionShape.of else { return nil }
        var next = head.upperBound + 1
        if next < name.lowerBound && tagged.lexemes[next].lower == MentionShape.the { next += 1 }
        return next == name.lowerBound ? head.lowerBound..<name.upperBound : nil
    }

    /// "US Secretary of State Mike Pompeo", "California Attorney General Xavier Becerra": a
    /// place, an office, and the person holding it, run together by the tagger. Returns the
    /// place and, when a known first name follows the office, the person.
    static func placeOfficeHolder(_ range: Range<Int>, _ tagged: TaggedText) -> (Range<Int>, Range<Int>?)? {
        guard range.count >= 2,
              let title = range.dropFirst().first(where: { titles.contains(tagged.lexemes[$0].lower) }),
              isPlaceName(range.lowerBound..<title, tagged) else { return nil }
        let person = (title + 1..<range.upperBound).first { t in
            startsWithPersonName(t..<range.upperBound, tagged) && !titles.contains(tagged.lexemes[t].lower)
        }
        return (range.lowerBound..<title, person.map { $0..<range.upperBound })
    }

    /// Gazetteer bit of `type` (0 PER, 1 ORG, 2 LOC, 3 MISC) at position 0 B, 1 I, 2 L, 3 U.
    @inline(__always)
    static func has(_ tagged: TaggedText, _ t: Int, type: Int, position: Int) -> Bool {
        t < tagged.gazetteer.count && tagged.gazetteer[t] & (1 << UInt16(4 * type + position)) != 0
    }

    /// Whether the first word of `range` is a known person name (a first name or a name's first word).
    static func startsWithPersonName(_ range: Range<Int>, _ tagged: TaggedText) -> Bool {
        let t = range.lowerBound
        return has(tagged, t, type: 0, position: 3) || has(tagged, t, type: 0, position: 0)
    }

    /// "Ryan Cloutier of the Harvard Center": the person part and the organisation part.
    static func personOfOrganisation(_ range: Range<Int>, _ tagged: TaggedText) -> (Range<Int>, Range<Int>)? {
        guard range.count >= 4, startsWithPersonName(range, tagged) else { return nil }
        guard let of = range.first(where: { tagged.lexemes[$0].lower == MentionShape.of }),
              of - range.lowerBound >= 2, of + 1 < range.upperBound else { return nil }
        // The person part is capitalised words only ("Marc Ouellet", not "Minister of ...").
        guard (range.lowerBound..<of).allSatisfy({ tagged.lexemes[$0].flags.contains(.hasCapital) }),
              !orgDesignators.contains(tagged.lexemes[of - 1].lower) else { return nil }
        var start = of + 1
        if tagged.lexemes[start].lower == MentionShape.the { start += 1 }
        guard start < range.upperBound, tagged.lexemes[start].flags.contains(.hasCapital) else { return nil }
        return (range.lowerBound..<of, start..<range.upperBound)
    }

    /// The type the form of the name asks for, else `type`.
    static func pulledType(_ range: Range<Int>, _ type: EntityType, _ tagged: TaggedText) -> EntityType {
        let last = tagged.lexemes[range.upperBound - 1]
        if range.count >= 2 && last.flags.contains(.hasCapital) {
            if orgDesignators.contains(last.lower) { return .organization }
            if placeDesignators.contains(last.lower) { return .location }
        }
        if range.count >= 3 && tagged.lexemes[range.lowerBound + 1].lower == MentionShape.of {
            let head = tagged.lexemes[range.lowerBound].lower
            if organisationHeads.contains(head) { return .organization }
            if placeDesignators.contains(head) { return .location }
        }
        if type == .person && isPlaceName(range, tagged) && !startsWithPersonName(range, tagged) { return .location }
        return type
    }

    /// Whether the words of `range` are exactly a gazetteer place name.
    static func isPlaceName(_ range: Range<Int>, _ tagged: TaggedText) -> Bool {
        if range.count == 1 { return has(tagged, range.lowerBound, type: 2, position: 3) }
        return has(tagged, range.lowerBound, type: 2, position: 0) && has(tagged, range.upperBound - 1, type: 2, position: 2)
    }

    static let of = NERHash.string("of")
    static let the = NERHash.string("the")

    /// Titles and roles written before (or, for offices of a country, after) a name.
    static let titles = ResolutionWordSet([
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "lord",
        "pope", "cardinal", "archbishop", "bishop", "rev", "rev.", "reverend", "president", "vice-president", "chancellor",
        "premier", "senator", "sen.", "rep.", "governor", "gov.", "mayor", "judge", "minister", "secretary", "ambassador",
        "king", "queen", "prince", "princess", "sheikh", "ayatollah", "imam", "rabbi", "pastor", "colonel", "col.",
        "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "commander", "admiral", "gen.", "coach", "chairman",
        "chairwoman", "superintendent", "inspector", "detective", "spokesman", "spokeswoman", "spokesperson", "deputy",
        "attorney", "prosecutor", "caliph", "emir", "sultan", "crown", "general"])
    /// Abbreviations of time zones.
    static let timeZones = ResolutionWordSet(["utc", "gmt", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
                                              "ast", "adt", "cet", "cest", "eet", "eest", "ist", "jst", "kst",
                                              "aest", "aedt", "acst", "awst", "nzst", "nzdt", "hkt", "sgt", "msk"])
    /// First words of storm names.
    static let stormWords = ResolutionWordSet(["hurricane", "typhoon", "cyclone", "tropical", "storm", "superstorm"])

    /// Last words of organisation names.
    static let orgDesignators = ResolutionWordSet([
        "inc", "inc.", "ltd", "ltd.", "llc", "llp", "plc", "corp", "corp.", "corporation", "co.", "company", "holdings",
        "university", "college", "institute", "academy", "ministry", "department", "agency", "commission",
        "committee", "council", "court", "tribunal", "parliament", "senate", "assembly", "congress", "party",
        "league", "federation", "association", "society", "foundation", "club", "fc", "news", "times", "post", "press",
        "herald", "journal", "tv", "television", "radio", "network", "airlines", "airline", "airways", "air", "motors",
        "bureau", "office", "service", "services", "authority", "administration", "board", "organisation",
        "organization", "front", "movement", "army", "navy", "police", "guard", "guards", "corps", "brigade", "brigades",
        "center", "centre", "media", "group", "reserve", "marines", "mc", "limited", "gmbh"])
    /// Heads of organisation names followed by "of": "University of Geneva", "Ministry of Defence".
    static let organisationHeads = ResolutionWordSet([
        "university", "ministry", "department", "bank", "college", "institute", "office", "bureau", "court", "house",
        "board", "council", "commission", "committee", "academy", "federation", "association", "society", "league",
        "union", "party", "army", "church", "school", "museum"])
    /// Words naming a kind of place, last in a name or first before "of".
    static let placeDesignators = ResolutionWordSet([
        "street", "avenue", "road", "boulevard", "lane", "square", "park", "river", "lake", "sea", "ocean", "gulf", "bay",
        "strait", "channel", "island", "islands", "isle", "mountain", "mountains", "peninsula", "valley", "desert",
        "canyon", "county", "province", "parish", "district", "region", "airport", "bridge", "beach", "harbour", "harbor",
        "coast", "heights", "falls", "highway"])
}
