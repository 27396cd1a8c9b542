/// A line taken out of the article body, and the rule that took it.
public struct RemovedLine: Sendable, Equatable {
    public var text: String
    /// The `FurnitureRule` raw value that matched ("share", "label", "short-line", ...).
    public var rule: String
    public init(text: String, rule: String) { self.text = text; self.rule = rule }
}

/// The dateline of an article, e.g. "Friday, January 4, 2019" or "LONDON 1996-08-30".
public struct Dateline: Sendable, Equatable {
    public var text: String
    /// ISO 8601 date ("2019-01-04") when the dateline names a full date.
    public var date: String?
    /// Where a dateline that names a place ("LONDON 1996-08-30") stands in the cleaned text: such
    /// a line stays in `text` as a paragraph of its own, and the place is an entity mention.
    public var place: TextSpan?
    /// The place's scalars within `text` (the line), while the cleaner places the line.
    var placeInLine: Range<Int>?
    public init(text: String, date: String?, place: TextSpan? = nil) { self.text = text; self.date = date; self.place = place }
}

/// A byline ("By Jane Smith, Reuters"): it stays in `text` as a paragraph of its own, at `span`.
public struct Byline: Sendable, Equatable {
    public var text: String
    public var span: TextSpan
    public init(text: String, span: TextSpan) { self.text = text; self.span = span }
}

/// The article split into headline, dateline, body and furniture.
public struct CleanedArticle: Sendable {
    public var title: String?
    public var dateline: Dateline?
    /// The byline, kept in `body` as a paragraph of its own.
    public var byline: Byline? = nil
    /// Paragraphs of body text joined by a blank line ("\n\n"); no other line breaks, no runs of
    /// white space, no leading or trailing white space.
    public var body: String
    /// Furniture lines in the order they stood in the input.
    public var removed: [RemovedLine]
}

/// Separates an article's body from what surrounds it when a web page is copied as plain text,
/// and keeps the structure of the body: nothing in it is removed for being short.
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
///    (`DatelineParser`); it leaves the text. A dateline that names a place ("LONDON 1996-08-30",
///    also under a headline that ends like a sentence) stays in the text as its own paragraph.
/// 5. Trailing sections: a heading such as "Sources" or "Related news" with no prose after it takes
///    everything below it with it.
/// 6. The tail (`markTail`): from the end, citations, blocks of numbered notes and short
///    unpunctuated lines apart from the prose, until the first prose line.
/// 7. Paragraphs (`assemble`): lines of hard-wrapped prose are joined; lines with a stand-alone
///    shape (`LineShape`: list items, table rows, "Name:" and "[Name]" lines, bylines, datelines),
///    headings and other short lines keep a paragraph of their own.
///    A lead-in of at most three words ending in a colon ("He continued:") is joined to the
///    paragraph it introduces: it is a fragment, not a paragraph.
/// 8. Byline: the first paragraph that is a byline ("By Jane Smith, Reuters") is reported with its span.
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
        var title: String?, dateline: Dateline?, datelineLine: Int?
        var taken = Set<Int>()
        var next = firstKept(after: -1, rules)
        if let i = next, let found = DatelineParser.parse(lines[i]) {
            dateline = found; datelineLine = i; next = firstKept(after: i, rules)
        }
        if let i = next, isTitle(i, lines, rules) {
            title = lines[i].text; taken.insert(i); next = firstKept(after: i, rules)
            // A byline may stand between the title and the dateline; it stays in the text.
            if dateline == nil, let j = next, FurnitureRule.isByline(lines[j]) { next = firstKept(after: j, rules) }
            if dateline == nil, let j = next, let found = DatelineParser.parse(lines[j]) {
                dateline = found; datelineLine = j
            }
        } else if dateline == nil, let i = next, let j = firstKept(after: i, rules), let found = DatelineParser.parse(lines[j]),
                  found.placeInLine != nil {
            // A wire headline that ends like a sentence, then "LONDON 1996-08-30".
            dateline = found; datelineLine = j
        }
        // A date-only dateline leaves the text; one that names a place stays, as its own paragraph.
        if let j = datelineLine, dateline?.placeInLine == nil { taken.insert(j) }

        markTrailingSection(lines, &rules, taken)
        markTail(lines, &rules, taken)

        var sources: [Int] = []
        let paragraphs = assemble(lines, sources: &sources) { rules[$0] == nil && !taken.contains($0) }
        guard !paragraphs.isEmpty else {
            // Nothing would be left: keep every line rather than return an empty article.
            var unused: [Int] = []
            return CleanedArticle(title: nil, dateline: nil, body: Self.body(assemble(lines, sources: &unused) { _ in true }), removed: [])
        }
        var removed: [RemovedLine] = []
        for (i, rule) in rules.enumerated() {
            if let rule, !taken.contains(i) { removed.append(RemovedLine(text: lines[i].text, rule: rule.rawValue)) }
        }
        // Where the dateline's place and the byline stand in the text.
        var starts: [Int] = [], offset = 0
        for paragraph in paragraphs { starts.append(offset); offset += paragraph.count + 2 }
        if let j = datelineLine, let range = dateline?.placeInLine {
            if let p = sources.firstIndex(of: j), paragraphs[p].count == lines[j].count {
                dateline?.place = TextSpan(start: starts[p] + range.lowerBound, end: starts[p] + range.upperBound)
            }
            dateline?.placeInLine = nil
        }
        var byline: Byline?
        for (p, i) in sources.enumerated() where paragraphs[p].count == lines[i].count && FurnitureRule.isByline(lines[i]) {
            byline = Byline(text: lines[i].text, span: TextSpan(start: starts[p], end: starts[p] + lines[i].count))
            break
        }
        return CleanedArticle(title: title, dateline: dateline, byline: byline, body: Self.body(paragraphs), removed: removed)
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

    /// From the end of the text, until the first line of prose: citations; labels ("Disclosure:");
    /// blocks of numbered notes
    /// ("1. Unofficial results"); and short lines without sentence punctuation that stand apart
    /// from the prose (no prose line in their block) and have no stand-alone shape (`LineShape`):
    /// the "Location" box of a page, captions of a gallery below the article.
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
            if FurnitureRule.isLabel(line) { rules[i] = .label; continue }
            guard !sharesBlockWithProse(i, lines, rules) else { return }
            let block = blockRange(i, lines)
            let notes = block.filter { rules[$0] == nil }
            if notes.count >= 2, notes.allSatisfy({ FurnitureRule.isFootnote(lines[$0]) }) {
                for n in notes { rules[n] = .footnote }
                i = block.lowerBound
                continue
            }
            if FurnitureRule.isShortLine(line), LineShape.of(line) == nil { rules[i] = .tail; continue }
            return
        }
    }

    /// The line indices of the block holding line `i`.
    private func blockRange(_ i: Int, _ lines: [TextLine]) -> Range<Int> {
        let start = i - lines[i].positionInBlock
        return start..<(start + lines[i].blockSize)
    }

    /// Another kept line of the block is longer than a short line or ends like a sentence.
    private func sharesBlockWithProse(_ i: Int, _ lines: [TextLine], _ rules: [FurnitureRule?]) -> Bool {
        blockRange(i, lines).contains { $0 != i && rules[$0] == nil && !FurnitureRule.isShortLine(lines[$0]) }
    }

    /// A line that a hard-wrapped paragraph continues after: several words, no sentence end, not a citation.
    private func isWrappedProse(_ line: TextLine) -> Bool {
        line.words > 6 && !line.endsLikeSentence && !FurnitureRule.isCitation(line)
    }

    /// Paragraphs from the lines `keep` accepts, and the index of the first line of each in `sources`.
    ///
    /// A block whose lines are all at most `hardWrapWidth` long, and do not mostly end a sentence,
    /// may be hard-wrapped prose; a line
    /// is joined to the one before it only when both may be prose (no `LineShape`) and the line
    /// before was cut by the wrap: the next word would not have fitted on it (the block's longest
    /// line is the width), or it breaks mid-sentence before a lower-case word. A heading, a table
    /// row or a list item keeps a paragraph of its own.
    private func assemble(_ lines: [TextLine], sources: inout [Int], keep: (Int) -> Bool) -> [[Unicode.Scalar]] {
        var paragraphs: [[Unicode.Scalar]] = []
        sources = []
        var i = 0
        while i < lines.count {
            let block = lines[i].block
            var members: [Int] = []
            while i < lines.count, lines[i].block == block {
                if keep(i) { members.append(i) }
                i += 1
            }
            guard !members.isEmpty else { continue }
            let width = members.reduce(0) { max($0, lines[$1].count) }
            // Lines that mostly end a sentence are a paragraph each, not wrapped prose.
            let sentenceEnds = members.dropLast().filter { lines[$0].endsLikeSentence }.count
            let mayWrap = width <= hardWrapWidth && members.count > 1 && sentenceEnds * 2 < members.count - 1
            var shapes: [LineShape?] = []
            if mayWrap { shapes = members.map { LineShape.of(lines[$0]) } }
            for (n, m) in members.enumerated() {
                if mayWrap, n > 0, shapes[n] == nil, shapes[n - 1] == nil, isWrapped(lines[members[n - 1]], before: lines[m], width: width) {
                    paragraphs[paragraphs.count - 1].append(" ")
                    paragraphs[paragraphs.count - 1].append(contentsOf: lines[m].scalars)
                } else {
                    paragraphs.append(lines[m].scalars)
                    sources.append(m)
                }
            }
        }
        // Join a short lead-in ("He continued:") to the paragraph it introduces.
        var merged: [[Unicode.Scalar]] = []
        var mergedSources: [Int] = []
        var pending: [Unicode.Scalar]?
        for (paragraph, source) in zip(paragraphs, sources) {
            if var lead = pending {
                lead.append(" "); lead.append(contentsOf: paragraph)
                merged.append(lead); pending = nil
            } else if paragraph.last == ":", TextLine.countWords(paragraph) <= 3 {
                pending = paragraph
                mergedSources.append(source)
            } else {
                merged.append(paragraph)
                mergedSources.append(source)
            }
        }
        if let lead = pending { merged.append(lead) }
        sources = mergedSources
        return merged
    }

    /// `line` was cut by a hard wrap before `next`: the next word would not have fitted within
    /// `width`, or the line breaks mid-sentence and `next` goes on in lower case.
    private func isWrapped(_ line: TextLine, before next: TextLine, width: Int) -> Bool {
        var firstWord = 0
        while firstWord < next.count, next.scalars[firstWord] != " " { firstWord += 1 }
        if line.count + 1 + firstWord > width { return true }
        guard !line.endsLikeSentence, let first = next.scalars.first else { return false }
        return ScalarClass.isLowercase(first)
    }
}
