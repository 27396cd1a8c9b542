/// The tagger's output classes: O plus Begin/Inside/Last/Unit for each of the four entity types.
///
/// BILOU rather than IOB because it lets the model learn what the first and last words of a name
/// look like (Ratinov & Roth 2009 found it better). Index 0 is O; type `k` (0 PER, 1 ORG, 2 LOC,
/// 3 MISC) has B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k.
package enum NERLabel {
    package static let count = 17
    static let outside: UInt8 = 0

    enum Position: UInt8 { case begin = 0, inside = 1, last = 2, unit = 3 }

    package static let types: [EntityType] = [.person, .organization, .location, .misc]
    /// CoNLL type names in the same order as `types`.
    package static let conllTypes = ["PER", "ORG", "LOC", "MISC"]

    @inline(__always) static func make(type: Int, _ position: Position) -> UInt8 { UInt8(1 + 4 * type) + position.rawValue }
    /// Entity type index 0...3, or -1 for O.
    @inline(__always) static func type(_ label: UInt8) -> Int { label == 0 ? -1 : Int(label - 1) / 4 }
    @inline(__always) static func position(_ label: UInt8) -> Position { Position(rawValue: (label - 1) % 4)! }

    /// Whether `label` may follow `previous` (`nil` at the start of a sentence), and may end the
    /// sentence when `isLast`.
    @inline(__always)
    static func allowed(_ label: UInt8, after previous: UInt8, isLast: Bool) -> Bool {
        let open = previous != 0 && (previous - 1) % 4 < 2   // previous is B or I: a name is open
        if label == 0 {
            return !open
        }
        let position = (label - 1) % 4
        if open {
            guard (label - 1) / 4 == (previous - 1) / 4 else { return false }
            return position == 1 ? !isLast : position == 2
        }
        return position == 3 || (position == 0 && !isLast)
    }

    /// The best label for a token given the scores and the previous label, and the previous
    /// label repaired when needed.
    ///
    /// Plain greedy decoding under BILOU constraints falls into a trap: once it has said B or I,
    /// every following token must continue the name, so one wrong "I" drags "and capturing
    /// Damascus" into "Bashar al-Assad". Instead, when O scores better than every label that
    /// continues the open name and every label that may follow a closed one, the name is closed
    /// at the previous token (B becomes U, I becomes L) and this token is O. (Scores of labels the
    /// constraints forbid are never trained, so only allowed labels are compared.)
    @inline(__always)
    package static func choose(_ scores: UnsafeMutablePointer<Int32>, after previous: UInt8, isLast: Bool) -> (label: UInt8, previous: UInt8) {
        var best: UInt8 = 0, bestScore = Int32.min
        var allowed = allowedMask(after: previous, isLast: isLast)
        while allowed != 0 {
            let k = allowed.trailingZeroBitCount
            if scores[k] > bestScore { best = UInt8(k); bestScore = scores[k] }
            allowed &= allowed &- 1
        }
        let open = previous != 0 && (previous - 1) % 4 < 2
        guard open, scores[0] > bestScore else { return (best, previous) }
        // B (offset 0) becomes U (offset 3); I (offset 1) becomes L (offset 2).
        let repaired: UInt8 = (previous - 1) % 4 == 0 ? previous + 3 : previous + 1
        var afterRepaired = allowedMask(after: repaired, isLast: isLast) & ~1
        while afterRepaired != 0 {
            if scores[afterRepaired.trailingZeroBitCount] > scores[0] { return (best, previous) }
            afterRepaired &= afterRepaired &- 1
        }
        return (0, repaired)
    }

    /// Bit `k` set when label `k` is `allowed` after `previous`, ending the sentence when `isLast`.
    @inline(__always)
    static func allowedMask(after previous: UInt8, isLast: Bool) -> UInt32 {
        if previous != 0 && (previous - 1) % 4 < 2 {
            // A name is open: it continues (I, not at the end) or closes (L), with its type.
            let base = UInt32(1 + 4 * ((previous - 1) / 4))
            return (isLast ? 0 : 1 << (base + 1)) | 1 << (base + 2)
        }
        // O, U of any type, and B of any type unless the sentence ends here.
        let units: UInt32 = 1 << 4 | 1 << 8 | 1 << 12 | 1 << 16
        let begins: UInt32 = 1 << 1 | 1 << 5 | 1 << 9 | 1 << 13
        return 1 | units | (isLast ? 0 : begins)
    }

    /// Entity spans (token ranges and type index) of a well-formed BILOU sequence.
    package static func spans(_ labels: ArraySlice<UInt8>) -> [(range: Range<Int>, type: Int)] {
        var result: [(range: Range<Int>, type: Int)] = []
        forEachSpan(labels) { range, type in result.append((range, type)) }
        return result
    }

    /// Calls `body` with each entity span (token range and type index) of a well-formed BILOU
    /// sequence, in order: `spans` without building an array.
    @inline(__always)
    static func forEachSpan(_ labels: ArraySlice<UInt8>, _ body: (_ range: Range<Int>, _ type: Int) -> Void) {
        var start = -1
        for i in labels.indices {
            let label = labels[i]
            if label == 0 { start = -1; continue }
            switch position(label) {
            case .unit: body(i..<(i + 1), type(label)); start = -1
            case .begin: start = i
            case .inside: if start < 0 { start = i }
            case .last:
                body((start < 0 ? i : start)..<(i + 1), type(label)); start = -1
            }
        }
    }

    /// BILOU labels for tokens given entity spans (token ranges relative to `count` tokens).
    package static func labels(count: Int, spans: [(range: Range<Int>, type: Int)]) -> [UInt8] {
        var labels = [UInt8](repeating: 0, count: count)
        for span in spans {
            if span.range.count == 1 {
                labels[span.range.lowerBound] = make(type: span.type, .unit)
            } else {
                for i in span.range { labels[i] = make(type: span.type, .inside) }
                labels[span.range.lowerBound] = make(type: span.type, .begin)
                labels[span.range.upperBound - 1] = make(type: span.type, .last)
            }
        }
        return labels
    }
}
