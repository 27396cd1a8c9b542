/// A line taken out of the article body, and the rule that took it.
public struct RemovedLine: Sendable, Equatable {
    public var text: String
    /// The `FurnitureRule` raw value that matched ("share", "label", "short-line", ...).
    public var rule: String
    public init(text: String, rule: String) { self.text = text; self.rule = rule }
}

/// The dateline of an article, e.g. "Friday, January 4, 2019".
public struct Dateline: Sendable, Equatable {
    public var text: String
    /// ISO 8601 date ("2019-01-04") when the dateline names a full date.
    public var date: String?
    public init(text: String, date: String?) { self.text = text; self.date = date }
}

/// The article split into headline, dateline, body and furniture.
public struct CleanedArticle: Sendable {
    public var title: String?
    public var dateline: Dateline?
    /// Paragraphs of body text joined by a blank line ("\n\n"); no other line breaks, no runs of
    /// white space, no leading or trailing white space.
    public var body: String
    /// Furniture lines in the order they stood in the input.
    public var removed: [RemovedLine]
}

/// Separates an article's body from what surrounds it when a web page is copied as plain text.
///
/// Steps, in order:
/// 1. Lines: line breaks of every kind end a line; white-space runs become one space; blank lines
///    separate blocks.
/// 2. Furniture that is recognisable wherever it stands (`FurnitureRule.anywhere`): share buttons,
///    comment chrome, labels, photo credits, pull-quote attributions, legends, menus, site phrases.
/// 3. Title: the first remaining line, when it stands alone (or directly above the dateline), is short (at most 20 words), does not
///    end like a sentence (no . , ; :) and prose follows. The reference article has none: its first
///    line is a long sentence.
/// 4. Dateline: the line after the title (or the first line) when it is only a date
///    (`DatelineParser`).
/// 5. Trailing sections: a heading such as "Sources" or "Related news" with no prose after it takes
///    everything below it with it.
/// 6. The tail: from the end, lines are furniture while they are citations or short lines without
///    sentence punctuation; the first prose line stops the walk.
/// 7. Blocks made only of short lines without sentence punctuation elsewhere in the body
///    (headings, gallery captions) are furniture too, and so are blocks of numbered notes
///    without sentence punctuation ("1. Unofficial results").
/// 8. Paragraphs: each block's remaining lines form one paragraph, joined by spaces, unless a line is
///    longer than `hardWrapWidth` or most lines end a sentence (then the text was not hard-wrapped
///    and every line is a paragraph).
///    A lead-in of at most three words ending in a colon ("He continued:") is joined to the
///    paragraph it introduces: it is a fragment, not a paragraph.
///
/// When the rules would leave no body at all, nothing is removed: a short note is still text.
public struct ArticleCleaner: Sendable {
    /// A block whose lines are all at most this long (code points) is hard-wrapped prose: its lines
    /// are joined into one paragraph.
    public var hardWrapWidth = 100
    /// Longest title, in words.
    public var maxTitleWords = 20

    public init() {}

    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    public func clean(_ text: String) -> CleanedArticle {
        let lines = TextLine.split(text)
        var rules = [FurnitureRule?](repeating: nil, count: lines.count)
        for (i, line) in lines.enumerated() { rules[i] = FurnitureRule.anywhere(line) }

        // Title and dateline: the first lines left after the furniture found anywhere.
        var title: String?, dateline: Dateline?
        var taken = Set<Int>()
        var next = firstKept(after: -1, rules)
        if let i = next, let found = DatelineParser.parse(lines[i]) {
            dateline = found; taken.insert(i); next = firstKept(after: i, rules)
        }
        if let i = next, isTitle(i, lines, rules) {
            title = lines[i].text; taken.insert(i); next = firstKept(after: i, rules)
            if dateline == nil, let j = next, let found = DatelineParser.parse(lines[j]) {
                dateline = found; taken.insert(j)
            }
        }

        markTrailingSection(lines, &rules, taken)
        markTail(lines, &rules, taken)
        markShortBlocks(lines, &rules, taken)

        let paragraphs = assemble(lines) { rules[$0] == nil && !taken.contains($0) }
        guard !paragraphs.isEmpty else {
            // Nothing would be left: keep every line rather than return an empty article.
            return CleanedArticle(title: nil, dateline: nil, body: Self.body(assemble(lines) { _ in true }), removed: [])
        }
        var removed: [RemovedLine] = []
        for (i, rule) in rules.enumerated() {
            if let rule, !taken.contains(i) { removed.append(RemovedLine(text: lines[i].text, rule: rule.rawValue)) }
        }
        return CleanedArticle(title: title, dateline: dateline, body: Self.body(paragraphs), removed: removed)
    }

    /// Paragraphs joined by a blank line ("\n\n"), encoded to UTF-8 once.
    private static func body(_ paragraphs: [[Unicode.Scalar]]) -> String {
        var capacity = 0
        for paragraph in paragraphs { capacity &+= 2 &+ ScalarText.utf8Count(paragraph) }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var i = 0
            for (n, paragraph) in paragraphs.enumerated() {
                if n > 0 { buffer[i] = 0x0A; buffer[i &+ 1] = 0x0A; i &+= 2 }
                i = paragraph.withUnsafeBufferPointer { ScalarText.encodeUTF8($0, into: buffer, at: i) }
            }
            return i
        }
    }

    private func firstKept(after index: Int, _ rules: [FurnitureRule?]) -> Int? {
        var i = index + 1
        while i < rules.count, rules[i] != nil { i += 1 }
        return i < rules.count ? i : nil
    }

    /// A headline: alone in its block, short, not ending like a sentence, and prose follows.
    private func isTitle(_ i: Int, _ lines: [TextLine], _ rules: [FurnitureRule?]) -> Bool {
        let line = lines[i]
        // Alone in its block, or directly above the dateline.
        let aboveDateline = line.positionInBlock == 0 && line.blockSize > 1 && DatelineParser.parse(lines[i + 1]) != nil
        guard line.isStandalone || aboveDateline, line.words >= 1, line.words <= maxTitleWords, line.count <= 200,
              line.startsCapitalized, let last = line.scalars.last else { return false }
        if [".", ",", ";", ":", "…"].contains(last) { return false }
        if let closing = line.lastSignificant, closing == "." || closing == "," { return false }
        for j in (i + 1)..<lines.count where rules[j] == nil && lines[j].isProse { return true }
        return false
    }

    /// A heading like "Sources" or "Related news" after the body, with no prose below it: the
    /// heading and everything after it are furniture.
    private func markTrailingSection(_ lines: [TextLine], _ rules: inout [FurnitureRule?], _ taken: Set<Int>) {
        guard let firstBody = lines.indices.first(where: { rules[$0] == nil && !taken.contains($0) && lines[$0].isProse }) else { return }
        var candidate: Int?
        // The earliest heading after which no prose follows.
        var i = lines.count - 1
        while i > firstBody {
            let line = lines[i]
            if rules[i] == nil, !taken.contains(i), FurnitureRule.isSectionHeading(line) { candidate = i }
            if rules[i] == nil, isSectionStopper(line) { break }
            i -= 1
        }
        guard let start = candidate else { return }
        rules[start] = .sectionHeading
        for j in (start + 1)..<lines.count where rules[j] == nil {
            rules[j] = FurnitureRule.isSectionHeading(lines[j]) ? .sectionHeading : .sectionContent
        }
    }

    /// Prose that a trailing section cannot hold: a sentence of eight words or more that is not a
    /// citation or a list entry.
    private func isSectionStopper(_ line: TextLine) -> Bool {
        guard line.isProse, line.words >= 8, !FurnitureRule.isCitation(line), let first = line.scalars.first else { return false }
        return !["-", "•", "*", "·", "–", "—"].contains(first)
    }

    /// From the end of the text: citations and short unpunctuated lines, until the first prose.
    private func markTail(_ lines: [TextLine], _ rules: inout [FurnitureRule?], _ taken: Set<Int>) {
        var i = lines.count - 1
        while i >= 0 {
            defer { i -= 1 }
            if taken.contains(i) { return }
            if rules[i] != nil { continue }
            let line = lines[i]
            // The last line of a hard-wrapped paragraph continues the line above it.
            if line.positionInBlock > 0, rules[i - 1] == nil, isWrappedProse(lines[i - 1]) { return }
            if FurnitureRule.isCitation(line) && !line.isProse { rules[i] = .citation; continue }
            if FurnitureRule.isShortLine(line) { rules[i] = .shortLine; continue }
            return
        }
    }

    /// Blocks in the body made only of short lines without sentence punctuation (a heading, a
    /// gallery of captions, numbered footnotes such as "1. Unofficial results"): furniture.
    private func markShortBlocks(_ lines: [TextLine], _ rules: inout [FurnitureRule?], _ taken: Set<Int>) {
        var i = 0
        while i < lines.count {
            var end = i
            while end < lines.count, lines[end].block == lines[i].block { end += 1 }
            let members = (i..<end).filter { rules[$0] == nil && !taken.contains($0) }
            if !members.isEmpty {
                if members.count >= 2, members.allSatisfy({ FurnitureRule.isFootnote(lines[$0]) }) {
                    for m in members { rules[m] = .footnote }
                } else if members.allSatisfy({ FurnitureRule.isShortLine(lines[$0]) }) {
                    for m in members { rules[m] = .shortLine }
                }
            }
            i = end
        }
    }

    /// A line that a hard-wrapped paragraph continues after: several words, no sentence end, not a citation.
    private func isWrappedProse(_ line: TextLine) -> Bool {
        line.words > 6 && !line.endsLikeSentence && !FurnitureRule.isCitation(line)
    }

    /// Paragraphs from the lines `keep` accepts.
    private func assemble(_ lines: [TextLine], keep: (Int) -> Bool) -> [[Unicode.Scalar]] {
        var paragraphs: [[Unicode.Scalar]] = []
        var i = 0
        while i < lines.count {
            let block = lines[i].block
            var members: [Int] = []
            while i < lines.count, lines[i].block == block {
                if keep(i) { members.append(i) }
                i += 1
            }
            guard !members.isEmpty else { continue }
            // Hard-wrapped prose: short lines that mostly break mid-sentence. One paragraph per
            // line when a line is long, or when most lines end a sentence.
            let sentenceEnds = members.dropLast().filter { lines[$0].endsLikeSentence }.count
            let hardWrapped = members.allSatisfy { lines[$0].count <= hardWrapWidth }
                && sentenceEnds * 2 < max(1, members.count - 1)
            if hardWrapped {
                var joined: [Unicode.Scalar] = []
                for m in members {
                    if !joined.isEmpty { joined.append(" ") }
                    joined.append(contentsOf: lines[m].scalars)
                }
                paragraphs.append(joined)
            } else {
                for m in members { paragraphs.append(lines[m].scalars) }
            }
        }
        // Join a short lead-in ("He continued:") to the paragraph it introduces.
        var merged: [[Unicode.Scalar]] = []
        var pending: [Unicode.Scalar]?
        for paragraph in paragraphs {
            if var lead = pending {
                lead.append(" "); lead.append(contentsOf: paragraph)
                merged.append(lead); pending = nil
            } else if paragraph.last == ":", TextLine.countWords(paragraph) <= 3 {
                pending = paragraph
            } else {
                merged.append(paragraph)
            }
        }
        if let lead = pending { merged.append(lead) }
        return merged
    }
}
