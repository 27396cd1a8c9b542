import ArticleAnalysis

/// Finds the article body in a `PageDocument`: the container element whose paragraphs score best
/// (Readability's scoring), plus sibling blocks that read like its continuation, then the
/// paragraphs inside it minus furniture (furniture subtrees, link lists).
///
/// Signals: the text's length and commas per paragraph, link density, class and id names,
/// `article`/`main`/`itemprop=articleBody`, paragraph runs, and the page's JSON-LD `articleBody`
/// when it has one (`BodyCrossCheck`): the element holding most of that text wins.
///
/// Furniture (navigation, header, footer and aside elements, furniture roles, furniture class
/// names) is left out with its subtree, unless the subtree holds a large share of the page's
/// text: then it is a wrapper with an unlucky name ("off-canvas-advert-pusher" around the
/// whole page), not furniture.
public struct ContentExtractor: Sendable {
    /// A paragraph shorter than this (bytes) adds nothing to its container's score.
    public var minimumScoredBytes = 25
    /// Blocks with a larger share of link text are link lists, not prose.
    public var maximumLinkDensity = 0.5
    /// A furniture element holding more than this share of the page's text is a wrapper.
    public var wrapperShare = 0.4
    /// A paragraph at least this long (bytes) with few links is good prose.
    public var goodBytes = 80
    /// Moving up to the parent is allowed while its other text is less than this share of the good prose it adds.
    public var expansionJunk = 0.25
    /// How many ancestors up the container may move.
    public var expansionLevels = 4
    /// Score factor of a content class name ("article-body"), and of `article` / `itemprop=articleBody`.
    public var likelyFactor = 1.25
    public var articleBodyFactor = 1.5

    struct Segment {
        var text: String
        var tag: HTMLTag
    }

    public init() {}

    /// Sets a tuning knob by name (for `articled eval-extraction --set`, which chooses them on the
    /// development pages); false for an unknown name.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        switch name {
        case "minimumScoredBytes": minimumScoredBytes = Int(value)
        case "maximumLinkDensity": maximumLinkDensity = value
        case "wrapperShare": wrapperShare = value
        case "goodBytes": goodBytes = Int(value)
        case "expansionJunk": expansionJunk = value
        case "expansionLevels": expansionLevels = Int(value)
        case "likelyFactor": likelyFactor = value
        case "articleBodyFactor": articleBodyFactor = value
        default: return false
        }
        return true
    }

    func extract(_ document: PageDocument, crossCheck: BodyCrossCheck?,
                 explanation: ((String) -> Void)? = nil) -> [Segment] {
        let elements = document.elements
        let count = elements.count
        guard count > 0 else { return [] }
        var bytes = [Int](repeating: 0, count: count)
        var linkBytes = [Int](repeating: 0, count: count)
        var matched = [Int](repeating: 0, count: count)
        let usableCheck = crossCheck.flatMap { $0.isUsable ? $0 : nil }
        var rawMatched = [Int](repeating: 0, count: usableCheck == nil ? 0 : count)
        for block in document.blocks where !block.dropped {
            let owner = Int(block.owner)
            bytes[owner] += block.text.count
            linkBytes[owner] += block.linkBytes
            if let usableCheck {
                let m = usableCheck.matchedBytes(block.text)
                rawMatched[owner] += m
                matched[owner] += 2 * m - block.text.count
            }
        }
        // Subtree sums: children come after their parent.
        var subtreeBytes = bytes, subtreeLinks = linkBytes, subtreeMatched = matched
        for i in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(elements[i].parent)
            guard parent >= 0 else { continue }
            subtreeBytes[parent] += subtreeBytes[i]
            subtreeLinks[parent] += subtreeLinks[i]
            subtreeMatched[parent] += subtreeMatched[i]
            if usableCheck != nil { rawMatched[parent] += rawMatched[i] }
        }
        let total = max(1, (0..<count).filter { elements[$0].parent < 0 }.reduce(0) { $0 + subtreeBytes[$1] })
        var dropped = [Bool](repeating: false, count: count)
        for i in 0..<count {
            let parent = Int(elements[i].parent)
            if parent >= 0 && dropped[parent] { dropped[i] = true; continue }
            let e = elements[i]
            if e.flags.contains(.dropped) { dropped[i] = true; continue }
            if isFurniture(e) && Double(subtreeBytes[i]) < wrapperShare * Double(total) { dropped[i] = true }
        }

        var score = [Double](repeating: 0, count: count)
        for block in document.blocks where !block.dropped {
            let owner = Int(block.owner)
            guard !dropped[owner], block.text.count >= minimumScoredBytes, isScored(elements[owner].tag) else { continue }
            if Double(block.linkBytes) / Double(block.text.count) > maximumLinkDensity { continue }
            let points = 1 + Double(block.commas) + min(Double(block.text.count) / 100, 3)
            var ancestor = Int(elements[owner].parent)
            var level = 0
            // Text straight in a container counts for the container itself.
            if isContainer(elements[owner].tag) { score[owner] += points; level = 1 }
            while ancestor >= 0 && level < 5 {
                score[ancestor] += level == 0 ? points : level == 1 ? points / 2 : points / Double(level * 3)
                ancestor = Int(elements[ancestor].parent)
                level += 1
            }
        }

        var top = -1
        var topScore = 0.0
        if usableCheck != nil {
            // The element holding the most JSON-LD text, less its other text.
            var best = Int.min
            for i in 0..<count where !dropped[i] && subtreeMatched[i] > best { best = subtreeMatched[i]; top = i }
            // Trusted only when the page's text holds a good part of the declared body.
            if best <= 0 || Double(rawMatched[top]) < 0.5 * Double(usableCheck?.byteCount ?? 0) { top = -1 } else { topScore = score[top] }
        }
        if top < 0 {
            for i in 0..<count where !dropped[i] && score[i] > 0 {
                let e = elements[i]
                var s = score[i] + tagWeight(e.tag)
                // Names weigh in proportion to the text found, so a named box of two lines does
                // not beat an unnamed article.
                if e.flags.contains(.likely) { s *= likelyFactor }
                if e.flags.contains(.unlikely) { s /= likelyFactor }
                if e.flags.contains(.articleBody) { s *= articleBodyFactor }
                let density = subtreeBytes[i] > 0 ? Double(subtreeLinks[i]) / Double(subtreeBytes[i]) : 0
                s *= 1 - density
                if s > topScore { topScore = s; top = i }
            }
        }
        guard top >= 0 else { return [] }

        // Prose kept after the drops, per subtree: all of it, and the "good" part (paragraphs of
        // some length with few links).
        var kept = [Int](repeating: 0, count: count), good = [Int](repeating: 0, count: count)
        for block in document.blocks where !block.dropped && !dropped[Int(block.owner)] {
            let owner = Int(block.owner)
            kept[owner] += block.text.count
            if block.text.count >= goodBytes && Double(block.linkBytes) / Double(block.text.count) < 0.3 { good[owner] += block.text.count }
        }
        for i in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(elements[i].parent)
            guard parent >= 0 else { continue }
            kept[parent] += kept[i]
            good[parent] += good[i]
        }
        // Paragraph runs split into several containers (chunks between ads): move up to the
        // highest of the next few ancestors that adds good prose and less other text than that.
        var ancestor = Int(elements[top].parent)
        var steps = 0
        let base = top
        while ancestor >= 0, steps < expansionLevels, !dropped[ancestor], elements[ancestor].tag != .body, elements[ancestor].tag != .html {
            let extraGood = good[ancestor] - good[base]
            let extraOther = (kept[ancestor] - kept[base]) - extraGood
            if extraGood > 0 && Double(extraOther) < expansionJunk * Double(extraGood) { top = ancestor }
            ancestor = Int(elements[ancestor].parent)
            steps += 1
        }

        // The container and its siblings that score like it or hold long prose.
        var included = [Bool](repeating: false, count: count)
        included[top] = true
        let parent = Int(elements[top].parent)
        if parent >= 0 {
            let threshold = max(10, topScore * 0.2)
            for i in (parent + 1)..<count where Int(elements[i].parent) == parent && i != top && !dropped[i] {
                let density = subtreeBytes[i] > 0 ? Double(subtreeLinks[i]) / Double(subtreeBytes[i]) : 1
                if score[i] >= threshold && density < 0.25 { included[i] = true }
                else if elements[i].tag == .p && subtreeBytes[i] > 80 && density < 0.25 { included[i] = true }
            }
        }
        var inside = included
        for i in 0..<count {
            let p = Int(elements[i].parent)
            if p >= 0 && inside[p] { inside[i] = true }
        }

        if let explanation {
            explanation("top \(top) \(elements[top].tag) score \(topScore) cross-check \(usableCheck != nil)")
            for block in document.blocks {
                var path = ""
                var e = Int(block.owner)
                while e >= 0 {
                    path += "\(elements[e].tag)\(elements[e].flags.rawValue)\(dropped[e] ? "D" : "")\(e == top ? "*" : "")(\(Int(score[e])),\(subtreeLinks[e])/\(subtreeBytes[e])) < "
                    e = Int(elements[e].parent)
                }
                let keptMark = !block.dropped && inside[Int(block.owner)] && !dropped[Int(block.owner)] ? "KEEP" : "    "
                explanation("\(keptMark) \(String(decoding: block.text.prefix(50), as: UTF8.self)) | \(path.prefix(200))")
            }
        }
        var segments: [Segment] = []
        for block in document.blocks where !block.dropped && inside[Int(block.owner)] && !dropped[Int(block.owner)] {
            let length = block.text.count
            let density = Double(block.linkBytes) / Double(length)
            if density > maximumLinkDensity && !Self.isSentence(block.text) { continue }
            // The headline is the title (metadata), not body text.
            if elements[Int(block.owner)].tag == .h1 { continue }
            // Site chrome the plain-text cleaner knows by its phrases ("Advertisement", "Share").
            let text = String(decoding: block.text, as: UTF8.self)
            if block.text.count < 400 && !block.text.withUnsafeBufferPointer({ SiteChrome.cannotBeChrome(utf8: $0) })
                && SiteChrome.isChrome(text) { continue }
            segments.append(Segment(text: text, tag: elements[Int(block.owner)].tag))
        }
        return segments
    }

    /// Six words or more ending with sentence punctuation: prose even when it is mostly a link
    /// ("Read our guide to tariffs here.").
    static func isSentence(_ text: [UInt8]) -> Bool {
        guard let last = text.last, last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") else { return false }
        var spaces = 0
        for byte in text where byte == 0x20 { spaces += 1 }
        return spaces >= 5
    }

    private func isFurniture(_ e: PageDocument.Element) -> Bool {
        if e.tag == .body || e.tag == .html || e.tag == .main || e.tag == .article || e.flags.contains(.articleBody) { return false }
        return e.tag.isFurniture || e.flags.contains(.furnitureRole) || (e.flags.contains(.unlikely) && !e.flags.contains(.likely))
    }

    private func isContainer(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .div, .td, .article, .section, .main, .center: true
        default: false
        }
    }

    private func isScored(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .pre, .td, .div, .blockquote, .section, .article, .main, .dd, .center: true
        default: false
        }
    }

    private func tagWeight(_ tag: HTMLTag) -> Double {
        switch tag {
        case .div, .article, .main, .section: 5
        case .pre, .td, .blockquote: 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: -5
        default: 0
        }
    }
}
