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

/// Finds and resolves the named entities of an article.
///
/// Three steps: `NERTokenizer` makes CoNLL-style tokens inside the segmenter's sentences,
/// `NERTagger` labels them with the trained model (`NERModel`), and `EntityResolver` groups the
/// mentions into entities (aliases, acronyms, spelling variants), reconciles their types and
/// ranks them by salience. Immutable and `Sendable`: load the model once and share the value.
public struct EntityRecognizer: Sendable {
    let tagger: NERTagger
    public var resolver = EntityResolver()

    /// A recognizer without a model: finds no entities. For pipelines built without model files.
    public init() { tagger = NERTagger(model: .empty) }

    public init(model: NERModel) { tagger = NERTagger(model: model) }

    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    public func recognize(_ text: ScalarText, _ segmentation: Segmentation) -> [Entity] {
        resolver.resolve(tagMentions(text, segmentation))
    }

    /// The tagged mentions before resolution, in text order, with their context.
    @inline(never) // kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func tagMentions(_ text: ScalarText, _ segmentation: Segmentation) -> TaggedText {
        let prepared = prepare(text, segmentation)
        let tokens = prepared.tokens, document = prepared.document, lexemes = document.lexemes
        let labels = tagger.tag(document)
        var mentions: [TaggedMention] = []
        for (index, sentence) in tokens.sentences.enumerated() {
            let first = mentions.count
            NERLabel.forEachSpan(labels[sentence]) { span, type in
                guard let range = EntityRecognizer.trimmed(span, lexemes) else { return }
                let mention = TaggedMention(tokens: range, type: NERLabel.types[type], sentence: index)
                // Two names back to back joined by a particle are one name: "Abu Mohammed" +
                // "al-Julani". The longer part decides the type.
                if mentions.count > first, let previous = mentions.last, previous.tokens.upperBound == range.lowerBound,
                   lexemes[range.lowerBound].flags.contains(.particle) || lexemes[previous.tokens.upperBound - 1].flags.contains(.particle) {
                    mentions[mentions.count - 1].tokens = previous.tokens.lowerBound..<range.upperBound
                    if range.count > previous.tokens.count { mentions[mentions.count - 1].type = mention.type }
                    return
                }
                mentions.append(mention)
            }
            // An organisation's designator written after its name belongs to it: "Al-Nusra Front".
            for m in first..<mentions.count {
                let next = mentions[m].tokens.upperBound
                if next < sentence.upperBound, lexemes[next].flags.contains(.initialCapital),
                   EntityRecognizer.designators.contains(lexemes[next].lower),
                   m + 1 == mentions.count || mentions[m + 1].tokens.lowerBound > next {
                    mentions[m].tokens = mentions[m].tokens.lowerBound..<(next + 1)
                }
            }
        }
        return TaggedText(text: text, tokens: tokens.spans, lexemes: lexemes, sentences: tokens.sentences,
                          context: document.context, paragraphs: segmentation.paragraphs, mentions: mentions,
                          gazetteer: document.gazetteerBits)
    }

    /// The distinct word forms of the tokens (`NERWordForms`) and the form of every token.
    ///
    /// A lexeme depends only on the token's scalars and most words of an article recur, so a
    /// token seen before (found by a hash of its scalars, then compared scalar by scalar) takes
    /// the form of its first occurrence instead of working out its lexeme again.
    static func forms(_ text: ScalarText, _ spans: [TextSpan]) -> (forms: [NERLexeme], wordIDs: [Int32]) {
        var numbering = NERWordForms(expectedTokens: spans.count)
        // Every element is set below.
        var wordIDs = [Int32].unwritten(count: spans.count)
        // The first token of each hash of scalars.
        var firstOfHash = FlatHashMap<Int32>(capacity: NERWordForms.expectedForms(tokens: spans.count))
        text.scalars.withUnsafeBufferPointer { s in
            spans.withUnsafeBufferPointer { spans in
                wordIDs.withUnsafeMutableBufferPointer { ids in
                    for (t, span) in spans.enumerated() {
                        let token = UnsafeBufferPointer(rebasing: s[span.start..<span.end])
                        var h = NERHash.seed
                        for scalar in token { h = NERHash.add(h, scalar.value) }
                        let first = Int(firstOfHash.value(of: h, insertingIfAbsent: Int32(t)))
                        if first != t, EntityRecognizer.sameScalars(s, spans[first], span) {
                            ids[t] = ids[first]
                        } else {
                            // A new token (or, never seen in practice, another token with the same
                            // hash: analysed afresh, which finds its form).
                            ids[t] = numbering.number(NERLexeme(token))
                        }
                    }
                }
            }
        }
        return (numbering.forms, wordIDs)
    }

    /// Whether two spans of `s` hold the same scalars (a plain loop: `elementsEqual` on two
    /// slices cost about 120 instructions a call, and it runs for every repeated token).
    @inline(__always)
    static func sameScalars(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: TextSpan, _ b: TextSpan) -> Bool {
        let count = a.end - a.start
        guard b.end - b.start == count else { return false }
        for k in 0..<count where s[a.start &+ k] != s[b.start &+ k] { return false }
        return true
    }

    /// A mention cut before its first word without any capital that cannot sit inside a name
    /// ("Al-Nusra Front doesn't" -> "Al-Nusra Front"), with function words trimmed from its end.
    /// Greedy decoding sometimes runs a name on; a name never continues through "does" or "and
    /// capturing". Mentions without any capital are left as they are.
    static func trimmed(_ range: Range<Int>, _ lexemes: NERTokenLexemes) -> Range<Int>? {
        func hasCapital(_ l: NERLexeme) -> Bool { l.flags.contains(.hasCapital) }
        // A possessive alone is never a name (nor, joined by a particle, part of one: "al-Qaeda" "’s").
        if range.count == 1 && lexemes[range.lowerBound].lower == EntityRecognizer.possessive { return nil }
        guard range.contains(where: { hasCapital(lexemes[$0]) }) else { return range }
        var start = range.lowerBound
        // ("AS Roma": a word in capitals is an abbreviation, not the preposition.)
        while start < range.upperBound - 1 && EntityRecognizer.sentenceWords.contains(lexemes[start].lower)
                && !(lexemes[start].flags.contains(.allCapitals) && lexemes[start].length > 1) { start += 1 }
        var end = start
        for t in start..<range.upperBound {
            let l = lexemes[t]
            if l.flags.contains(.hasLetter) && !hasCapital(l) && !l.flags.contains(.particle) && !EntityRecognizer.insideName.contains(l.lower) { break }
            end = t + 1
        }
        while end > start && !hasCapital(lexemes[end - 1]) && !lexemes[end - 1].flags.contains(.hasDigit) { end -= 1 }
        return end > start ? start..<end : nil
    }

    static let possessive = NERHash.string("'s")

    /// Capitalised words that end organisation names.
    static let designators = NERKeyTable(["front", "group", "party", "movement", "brigade", "brigades", "army",
                                               "council", "committee", "organisation", "organization", "alliance", "union"]
        .map { NERHash.string($0) })

    /// Words that start sentences but never names ("Maybe al-Qaeda does that", "Unlike Senators").
    static let sentenceWords = NERKeyTable(["maybe", "perhaps", "but", "and", "if", "when", "while", "however", "yet",
                                                 "so", "despite", "although", "though", "because", "since", "after", "before",
                                                 "meanwhile", "also", "then", "still", "now", "why", "how", "what",
                                                 // prepositions: "Unlike Senators, who ..."
                                                 "unlike", "like", "with", "without", "during", "under", "from", "for",
                                                 "in", "on", "at", "by", "against", "among", "amid", "following",
                                                 "including", "according", "as", "upon", "via", "throughout"]
        .map { NERHash.string($0) })

    /// Lower-case words found inside names: "University of Texas", "Bosnia and Herzegovina".
    static let insideName = NERKeyTable(["of", "and", "the", "for", "on", "upon", "y", "&", "'s", "de", "du", "la", "le",
                                              "del", "von", "van", "der", "den", "da", "di", "al", "el", "bin", "ibn", "in", "at", "on", "to"]
        .map { NERHash.string($0) })

    /// Text tokenised and analysed for the tagger: what `tagMentions` tags, and what benchmarks
    /// time the tagger alone on.
    public struct PreparedText: Sendable {
        let tokens: NERTokenizer.Result
        let document: NERDocument
        /// Tokens the tagger labels.
        public var tokenCount: Int { document.tokenCount }
    }

    /// Tokenises `text` and computes its lexemes: everything before tagging.
    public func prepare(_ text: ScalarText, _ segmentation: Segmentation) -> PreparedText {
        let tokens = NERTokenizer().tokenize(text, segmentation)
        let (forms, wordIDs) = EntityRecognizer.forms(text, tokens.spans)
        let document = NERDocument(forms: forms, wordIDs: wordIDs, sentences: tokens.sentences, gazetteer: tagger.model.gazetteer)
        return PreparedText(tokens: tokens, document: document)
    }

    /// Runs the tagger alone on prepared text; returns the number of tokens labelled as part of a name.
    public func tag(_ prepared: PreparedText) -> Int {
        tagger.tag(prepared.document).reduce(0) { $0 + ($1 == 0 ? 0 : 1) }
    }
}

/// A mention as the tagger found it: a token range with a type.
struct TaggedMention: Sendable {
    var tokens: Range<Int>
    var type: EntityType
    var sentence: Int
}

/// The tagged text handed to the resolver.
struct TaggedText {
    var text: ScalarText
    var tokens: [TextSpan]
    var lexemes: NERTokenLexemes
    var sentences: [Range<Int>]
    var context: [UInt8]
    var paragraphs: [TextSpan]
    var mentions: [TaggedMention]
    /// Per token: the gazetteer matches (`NERDocument.gazetteerBits`), read by `MentionShape`.
    var gazetteer: [UInt16] = []
}
