/// A half-open range of Unicode code-point offsets into an article's cleaned text.
///
/// Every offset the analysis reports is one of these, so consumers in any language can slice the
/// `text` field by code points without knowing how Swift stores strings.
public struct TextSpan: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start after end")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

/// Text held as an array of Unicode scalars.
///
/// Stages index this array directly: a code-point offset is an array index, so no stage ever
/// walks a `String` to find a position, and hot loops compare `UInt32` values, not `Character`s.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        scalars = Array(string.unicodeScalars)
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    public var count: Int { scalars.count }

    public subscript(_ span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }

    public var string: String { self[TextSpan(start: 0, end: scalars.count)] }
}
