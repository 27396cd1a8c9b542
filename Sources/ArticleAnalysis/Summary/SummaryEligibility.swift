/// Decides whether a sentence is article prose that may stand in a summary.
///
/// The cleaning stage takes titles, datelines and furniture lines out of the text; this is the
/// summary's own guard for what slips through, so a summary never shows a reader "Share.",
/// "Image: Nicholas Moreau.", "—Troy Roberts" or "Friday, January 4, 2019".
enum SummaryEligibility {
    /// Lower-cased openings of furniture lines seen on news pages.
    static let furniturePrefixes: [String] = [
        "share", "disclosure", "location", "comments are closed", "image:", "photo:", "file photo",
        "related news", "sources", "external links", "see also", "read more", "click here", "subscribe",
        "follow us", "advertisement", "copyright", "all rights reserved", "this article", "have an opinion",
        "published", "updated", "posted", "tags:", "filed under", "print", "email", "tweet",
        "((wikinews))", "wikinews ",
    ]

    /// The word tables `isProse` reads, fetched once per article rather than per sentence.
    struct Tables: Sendable {
        let months = DateTokenReader.monthHashes
        let weekdays = DateTokenReader.weekdayHashes
        /// `furniturePrefixes` as lower-cased scalar values, sorted by their first scalar.
        let furniturePrefixes: [[UInt32]]
        /// For each ASCII value, the range of `furniturePrefixes` that start with it: a sentence
        /// is compared only with the few prefixes that start with its first letter.
        let prefixesByFirst: [Range<Int>]
        static let shared = Tables()

        init() {
            let prefixes = SummaryEligibility.furniturePrefixScalars.sorted { $0[0] < $1[0] }
            furniturePrefixes = prefixes
            prefixesByFirst = (0..<128).map { first in
                let start = prefixes.firstIndex { $0[0] >= first } ?? prefixes.count
                return start..<(prefixes[start...].firstIndex { $0[0] > first } ?? prefixes.count)
            }
        }
    }

    /// Whether the sentence at `span`, given its words from the shared word pass (`ReaderWords`),
    /// is prose: at least six words, mostly lower case, not a dateline, ending like a sentence,
    /// and not a pull-quote attribution, furniture heading or image credit. An image credit is
    /// looked for at the sentence's ":" tokens (every ":" is a punctuation token).
    static func isProse(_ s: [Unicode.Scalar], _ span: TextSpan, _ tokens: UnsafeBufferPointer<ReaderWords.Word>,
                        _ tables: Tables) -> Bool {
        var words = 0, lowercaseWords = 0, months = 0, weekdays = 0, numbers = 0, colons = 0
        let short = tokens.count <= 16
        // Each token's kind and first scalar are read in place (a `Word` is 64 bytes).
        s.withUnsafeBufferPointer { s in
            for k in tokens.indices {
                switch tokens[k].token.kind {
                case .word:
                    words += 1
                    let first = s[tokens[k].token.start]
                    if ScalarClass.isLowercase(first) { lowercaseWords += 1 }
                    // Only a short line can be a dateline; only capitalised words can be its names.
                    if short && ScalarClass.isUppercase(first) {
                        if tables.months[tokens[k].hash] != nil { months += 1 }
                        if tables.weekdays[tokens[k].hash] != nil { weekdays += 1 }
                    }
                case .number: numbers += 1
                case .punctuation: if s[tokens[k].token.start] == ":" { colons += 1 }
                }
            }
        }
        // Too short to say anything, or a heading/byline in title case.
        guard words >= 6, lowercaseWords * 3 >= words else { return false }
        // A dateline: a weekday and a month with numbers and little else.
        if weekdays > 0 && months > 0 && numbers > 0 && words < 8 { return false }
        // Prose ends like a sentence: . ! ? possibly followed by closing quotes or brackets.
        var end = span.end - 1
        while end > span.start, isClosing(s[end]) || ScalarClass.isWhitespace(s[end]) { end -= 1 }
        guard end >= span.start, s[end] == "." || s[end] == "!" || s[end] == "?" else { return false }
        // Attribution lines of pull quotes start with a dash ("—Zinichev calling ...").
        let first = s[span.start]
        if first == "\u{2014}" || first == "\u{2013}" || first == "-" { return false }
        let folded = WordHash.fold(first)
        let prefixes = folded < 128 ? tables.prefixesByFirst[Int(folded)] : 0..<0
        for prefix in tables.furniturePrefixes[prefixes] where SummaryEligibility.starts(s, span, with: prefix) {
            // "Sources said ..." is prose; "Sources" alone or with a colon is a heading.
            let last = prefix[prefix.count - 1]
            if last == 0x3A || last == 0x20 || last == 0x29 { return false }  // ":", " ", ")"
            let next = span.start + prefix.count
            if next >= span.end || s[next] == ":" || s[next] == "." { return false }
        }
        // Captions credit an image anywhere in the line.
        guard colons > 0 else { return true }
        for word in tokens where word.token.kind == .punctuation && s[word.token.start] == ":" {
            if isImageCredit(s, span, colon: word.token.start) { return false }
        }
        return true
    }


    /// `furniturePrefixes` as lower-cased scalar values, compared without building strings.
    static let furniturePrefixScalars: [[UInt32]] = furniturePrefixes.map { $0.unicodeScalars.map(\.value) }

    /// True when the sentence starts with `prefix`, ignoring case.
    static func starts(_ s: [Unicode.Scalar], _ span: TextSpan, with prefix: [UInt32]) -> Bool {
        guard span.length >= prefix.count else { return false }
        for k in 0..<prefix.count where WordHash.fold(s[span.start + k]) != prefix[k] { return false }
        return true
    }

    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "'" || c == ")" || c == "]" || c == "\u{201D}" || c == "\u{2019}" || c == "\u{00BB}"
    }

    /// "Image: ", "Photo: " or "Credit: " inside the sentence.
    static let creditMarkers: [[Unicode.Scalar]] = ["Image: ", "Photo: ", "Credit: "].map { Array($0.unicodeScalars) }

    /// True when the ":" at `colon` ends one of `creditMarkers` inside the span.
    static func isImageCredit(_ s: [Unicode.Scalar], _ span: TextSpan, colon i: Int) -> Bool {
        for marker in creditMarkers {
            let start = i - (marker.count - 2)
            guard start >= span.start, i + 1 < span.end else { continue }
            var k = 0
            while k < marker.count && s[start + k] == marker[k] { k += 1 }
            if k == marker.count { return true }
        }
        return false
    }
}
