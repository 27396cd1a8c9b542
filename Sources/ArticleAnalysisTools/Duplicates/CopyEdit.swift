/// Near copies of an article made the way a wire story is re-published: paragraphs reordered or
/// cut, page furniture added, the lede rewritten. The near-duplicate tests, the daemon's
/// integration test and the benchmark (`articled eval-duplicates`) make their pairs with it, so
/// they all measure the same edits (evaluation code: nothing in the daemon uses it). Works on the raw article text (paragraphs separated by
/// blank lines), before cleaning, as a newsroom would receive the copy.
public enum CopyEdit: String, CaseIterable, Sendable {
    /// The second and third body paragraphs swapped.
    case reorder
    /// The body paragraph before the last one dropped.
    case cut
    /// Sharing buttons, an advertisement marker, a byline and comment chrome added.
    case furniture
    /// The first sentence replaced with a different one.
    case lede
    /// Furniture added and the first two body paragraphs swapped: a typical syndicated copy.
    case syndicated

    /// The edited copy of `text`. Edits that move or change paragraphs pick body paragraphs
    /// (of at least 15 words), so that a headline, dateline or source list is not what moves.
    public func apply(to text: String) -> String {
        var paragraphs = Self.paragraphs(text)
        let body = paragraphs.indices.filter { paragraphs[$0].split(separator: " ").count >= 15 }
        switch self {
        case .reorder:
            if body.count >= 3 { paragraphs.swapAt(body[1], body[2]) }
        case .cut:
            if body.count >= 4 { paragraphs.remove(at: body[body.count - 2]) }
        case .furniture:
            paragraphs = Self.furnished(paragraphs)
        case .lede:
            if let first = body.first { paragraphs[first] = Self.rewriteLede(paragraphs[first]) }
        case .syndicated:
            if body.count >= 3 { paragraphs.swapAt(body[0], body[1]) }
            paragraphs = Self.furnished(paragraphs)
        }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }

    static func furnished(_ paragraphs: [String]) -> [String] {
        var out = ["Share this:\nFacebook Twitter Email"] + paragraphs
        out.insert("Advertisement", at: min(3, out.count))
        out.append("Comments are closed.")
        return out
    }

    /// The paragraph with its first sentence (up to the first ". ") replaced.
    static func rewriteLede(_ paragraph: String) -> String {
        let lede = "In news that emerged this week, officials and witnesses gave a new account of the events described below."
        let scalars = Array(paragraph.unicodeScalars)
        guard let stop = scalars.indices.dropLast().first(where: { scalars[$0] == "." && scalars[$0 + 1] == " " }) else { return lede }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[(stop + 2)...])
        return lede + " " + String(rest)
    }
}
