import ArticleAnalysis

/// Scores found direct quotes against hand-annotated ones (the gold set in
/// Tests/Fixtures/quotes-gold.json; see docs/quotes.md).
///
/// A found direct quote matches a gold quote when their texts are equal after quotation marks
/// are dropped and white space is collapsed; matching is one-to-one. Span precision, recall and F1
/// count those matches. Speaker accuracy is over matched quotes only: a speaker is right when the
/// gold name and the found name, folded (case, diacritics, a leading "the", a possessive "'s"),
/// share their words in order — one is the other or a part of it ("Pelosi" for "Nancy Pelosi",
/// "Ford" for "Ford Motor Company"). An unattributed gold quote (speaker null) needs no speaker.
/// Pure: the caller reads the files.
public struct QuoteEvaluation: Sendable {
    /// One annotated quote.
    public struct GoldQuote: Sendable {
        public var text: String
        public var speaker: String?
        public init(text: String, speaker: String?) { self.text = text; self.speaker = speaker }
    }

    public var gold = 0
    public var found = 0
    public var matched = 0
    public var speakerRight = 0

    public init() {}

    public var precision: Double { found == 0 ? 0 : Double(matched) / Double(found) }
    public var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var speakerAccuracy: Double { matched == 0 ? 0 : Double(speakerRight) / Double(matched) }

    /// Adds one article; returns a line for every miss, false alarm and wrong speaker.
    @discardableResult
    public mutating func add(gold goldQuotes: [GoldQuote], found quotes: [Quote]) -> [String] {
        let direct = quotes.filter { $0.kind == .direct }
        gold += goldQuotes.count
        found += direct.count
        var notes: [String] = []
        var used = [Bool](repeating: false, count: direct.count)
        for g in goldQuotes {
            let key = Self.normalizedText(g.text)
            guard let k = direct.indices.first(where: { !used[$0] && Self.normalizedText(direct[$0].text) == key }) else {
                notes.append("missed: \"\(Self.short(g.text))\" (\(g.speaker ?? "null"))")
                continue
            }
            used[k] = true
            matched += 1
            if Self.sameSpeaker(gold: g.speaker, found: direct[k].speaker) {
                speakerRight += 1
            } else {
                notes.append("speaker: \"\(Self.short(g.text))\" gold \(g.speaker ?? "null"), found \(direct[k].speaker?.name ?? "null")")
            }
        }
        for k in direct.indices where !used[k] {
            notes.append("extra: \"\(Self.short(direct[k].text))\" (\(direct[k].speaker?.name ?? "null"))")
        }
        return notes
    }

    /// Quote text without double quotation marks, white space collapsed, ends trimmed.
    public static func normalizedText(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s == "\"" || s == "\u{201C}" || s == "\u{201D}" || s == "\u{201E}" || s == "\u{AB}" || s == "\u{BB}" { continue }
            if ScalarClass.isWhitespace(s) { pendingSpace = !view.isEmpty; continue }
            if pendingSpace { view.append(" "); pendingSpace = false }
            view.append(s)
        }
        return String(view)
    }

    /// True when the found speaker names the gold speaker (see the type's documentation).
    public static func sameSpeaker(gold: String?, found: Speaker?) -> Bool {
        guard let gold else { return found == nil }
        guard let found else { return false }
        let a = nameWords(gold), b = nameWords(found.name)
        return SpeakerCandidate.contains(a, b) || SpeakerCandidate.contains(b, a)
    }

    static func nameWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                var word = String(current)
                if word.hasSuffix("'s") { word.removeLast(2) }
                words.append(word)
            }
            current = String.UnicodeScalarView()
        }
        for s in name.unicodeScalars {
            if ScalarClass.isWhitespace(s) { flush(); continue }
            if s == "\u{2019}" { current.append("'"); continue }
            for l in fold(s).lowercased().unicodeScalars { current.append(l) }
        }
        flush()
        if words.first == "the" { words.removeFirst() }
        return words
    }

    /// Latin letters without their diacritics ("ğ" -> "g").
    static func fold(_ s: Unicode.Scalar) -> String {
        if s.value < 0xC0 { return String(s) }
        for (base, letters) in foldTable where letters.unicodeScalars.contains(s) { return base }
        return String(s)
    }

    private static let foldTable: [(String, String)] = [
        ("a", "àáâãäåāăąÀÁÂÃÄÅĀĂĄ"), ("c", "çćĉċčÇĆĈĊČ"), ("d", "ďđĎĐ"), ("e", "èéêëēĕėęěÈÉÊËĒĔĖĘĚ"),
        ("g", "ĝğġģĜĞĠĢ"), ("h", "ĥħĤĦ"), ("i", "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ"), ("j", "ĵĴ"), ("k", "ķĶ"),
        ("l", "ĺļľŀłĹĻĽĿŁ"), ("n", "ñńņňÑŃŅŇ"), ("o", "òóôõöøōŏőÒÓÔÕÖØŌŎŐ"), ("r", "ŕŗřŔŖŘ"),
        ("s", "śŝşšŚŜŞŠ"), ("t", "ţťŧŢŤŦ"), ("u", "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ"), ("w", "ŵŴ"),
        ("y", "ýÿŷÝŸŶ"), ("z", "źżžŹŻŽ"),
    ]

    private static func short(_ text: String) -> String {
        let scalars = Array(normalizedText(text).unicodeScalars)
        guard scalars.count > 60 else { return String(String.UnicodeScalarView(scalars)) }
        return String(String.UnicodeScalarView(scalars[0..<57])) + "..."
    }
}
