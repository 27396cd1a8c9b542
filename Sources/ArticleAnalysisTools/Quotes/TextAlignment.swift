import ArticleAnalysis

/// Maps offsets of a cleaned text back to the text it was cleaned from: equal scalars are
/// paired in order; white space may be collapsed or changed, and a scalar the cleaner removed or
/// replaced is skipped.
public struct TextAlignment: Sendable {
    /// For each cleaned offset (and the end), the original offset.
    let map: [Int]

    public init(from cleaned: [Unicode.Scalar], to original: [Unicode.Scalar]) {
        var map = [Int](repeating: 0, count: cleaned.count + 1)
        var i = 0, j = 0
        while j < cleaned.count {
            if i >= original.count { map[j] = original.count; j += 1; continue }
            let c = cleaned[j], o = original[i]
            if c == o || (ScalarClass.isWhitespace(c) && ScalarClass.isWhitespace(o)) { map[j] = i; i += 1; j += 1; continue }
            if ScalarClass.isWhitespace(o) { i += 1; continue }
            if ScalarClass.isWhitespace(c) { map[j] = i; j += 1; continue }
            // A scalar removed or replaced: resynchronise on the next occurrence nearby.
            var k = i + 1
            while k < min(original.count, i + 200) && original[k] != c { k += 1 }
            if k < min(original.count, i + 200) { i = k } else { map[j] = i; i += 1; j += 1 }
        }
        map[cleaned.count] = i
        self.map = map
    }

    /// The original span of cleaned span `span`.
    public func span(_ span: TextSpan) -> TextSpan {
        guard span.end > span.start else { return TextSpan(start: map[span.start], end: map[span.start]) }
        return TextSpan(start: map[span.start], end: map[span.end - 1] + 1)
    }
}
