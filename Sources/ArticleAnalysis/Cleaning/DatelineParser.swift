/// Recognises a line that is only a publication date, and reads the date from it.
///
/// Accepted shapes (case-insensitive, commas and a trailing period optional):
/// - `[Weekday] Month Day Year`: "Friday, January 4, 2019", "Jan. 4, 2019", "Fri Jan 4 2019"
/// - `[Weekday] Day Month Year`: "Friday 4 January 2019", "4th January 2019"
/// - `Year-Month-Day`: "2019-01-04"
/// each optionally after "Published", "Posted", "Updated", "Last updated" (with "on" or a colon)
/// and optionally preceded or followed by a clock time and a zone ("10:32 a.m. ET", "14:05 UTC").
/// A line with anything else in it is prose, not a dateline; but a place of one to three
/// capitalised words may come first ("LONDON 1996-08-30", "NEW YORK, Jan 4, 2019"), as in wire copy.
struct DatelineParser {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]
    static let weekdays: Set<String> = [
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
        "friday", "fri", "saturday", "sat", "sunday", "sun",
    ]
    static let prefixes: Set<String> = ["published", "posted", "updated", "last", "on", "date", "dated"]
    static let timeWords: Set<String> = [
        "am", "pm", "a.m", "p.m", "utc", "gmt", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt",
        "bst", "cet", "cest", "ist", "aest", "jst",
    ]

    /// The dateline when `line` is one, with its ISO 8601 date and, when a place comes first, the
    /// place's range in the line.
    static func parse(_ line: TextLine) -> Dateline? {
        if let plain = parseDate(line) { return plain }
        guard line.words >= 2, line.words <= 14, line.startsCapitalized else { return nil }
        let chunks = line.chunks
        for k in 1...min(3, chunks.count - 1) {
            // Every word of the place is capitalised and holds letters only (and . - ').
            let word = chunks[k - 1]
            guard ScalarClass.isUppercase(line.scalars[word.lowerBound]),
                  line.scalars[word].allSatisfy({ ScalarClass.isLetter($0) || $0 == "." || $0 == "-" || $0 == "'" || $0 == "," })
            else { return nil }
            var end = word.upperBound
            if line.scalars[end - 1] == "," { end -= 1 }
            let rest = Array(line.scalars[chunks[k].lowerBound...])
            let restLine = TextLine(scalars: rest, block: line.block, positionInBlock: line.positionInBlock,
                                    blockSize: line.blockSize, words: TextLine.countWords(rest))
            if var dated = parseDate(restLine) {
                // A weekday or month name is not a place ("Friday 1996-08-30" is a plain dateline).
                let first = line.scalars.lowercasedString(chunks[0].lowerBound..<(k == 1 ? end : chunks[0].upperBound))
                if months[first] != nil || weekdays.contains(first) || prefixes.contains(first) { return nil }
                dated.text = line.text
                dated.placeInLine = chunks[0].lowerBound..<end
                return dated
            }
        }
        return nil
    }

    /// A line that is only a date.
    private static func parseDate(_ line: TextLine) -> Dateline? {
        guard line.words >= 1, line.words <= 12, line.count <= 80 else { return nil }
        // Every accepted shape has a year (or an ISO date) in ASCII digits: most lines are
        // refused here without being split into words.
        guard line.scalars.contains(where: { $0.value &- 0x30 < 10 }) else { return nil }
        // Words: lower-cased, split on spaces and commas, trailing periods dropped.
        var words: [String] = []
        let scalars = line.scalars
        var start = 0
        func flush(_ end: Int) {
            var end = end
            while end > start, scalars[end - 1] == "." { end -= 1 }
            if end > start { words.append(scalars.lowercasedString(start..<end)) }
        }
        for (i, s) in scalars.enumerated() where s == " " || s == "," {
            flush(i)
            start = i + 1
        }
        flush(scalars.count)
        if let last = words.last, last.hasSuffix(":") { return nil }

        var i = 0
        while i < words.count, prefixes.contains(words[i].trimmingColon) { i += 1 }
        // A clock time may come first: "10:32 AM ET, Fri January 4, 2019".
        if i < words.count, isClockTime(words[i]) {
            i += 1
            while i < words.count, timeWords.contains(words[i]) { i += 1 }
        }
        if i < words.count, weekdays.contains(words[i]) { i += 1 }
        guard i < words.count else { return nil }

        var year = 0, month = 0, day = 0
        if let iso = isoDate(words[i]) {
            (year, month, day) = iso
            i += 1
        } else if let m = months[words[i]], i + 2 < words.count, let d = dayNumber(words[i + 1]), let y = yearNumber(words[i + 2]) {
            (year, month, day) = (y, m, d)
            i += 3
        } else if let d = dayNumber(words[i]), i + 2 < words.count, let m = months[words[i + 1]], let y = yearNumber(words[i + 2]) {
            (year, month, day) = (y, m, d)
            i += 3
        } else {
            return nil
        }
        guard day <= daysIn(month: month, year: year) else { return nil }
        // What may follow: a clock time and zone words, or "at".
        while i < words.count {
            let word = words[i]
            if word == "at" || word == "-" || word == "|" || word == "—" || timeWords.contains(word) || isClockTime(word) {
                i += 1
            } else {
                return nil
            }
        }
        return Dateline(text: line.text, date: iso(year, month, day))
    }

    private static func isoDate(_ word: String) -> (Int, Int, Int)? {
        guard word.utf8.count == 10, word.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1800...2200).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        return (y, m, d)
    }

    private static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2); break }
        guard digits.count <= 2, let d = Int(digits), d >= 1, d <= 31 else { return nil }
        return d
    }

    private static func yearNumber(_ word: String) -> Int? {
        guard word.count == 4, let y = Int(word), (1800...2200).contains(y) else { return nil }
        return y
    }

    private static func isClockTime(_ word: String) -> Bool {
        var sawColon = false, digits = 0
        for s in word.unicodeScalars {
            if s == ":" { if sawColon && digits == 0 { return false }; sawColon = true; digits = 0 }
            else if ScalarClass.isDigit(s) { digits += 1 }
            else if s == "a" || s == "p" || s == "m" || s == "." { continue }
            else { return false }
        }
        return sawColon
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "YYYY-MM-DD"; the parser only produces years 1800–2200, months 1–12 and days 1–31.
    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        String(unsafeUninitializedCapacity: 10) { out in
            func put(_ n: Int, _ width: Int, at start: Int) {
                var n = n
                for k in stride(from: start + width - 1, through: start, by: -1) {
                    out[k] = UInt8(truncatingIfNeeded: 0x30 + n % 10); n /= 10
                }
            }
            put(y, 4, at: 0); out[4] = UInt8(ascii: "-"); put(m, 2, at: 5); out[7] = UInt8(ascii: "-"); put(d, 2, at: 8)
            return 10
        }
    }
}

private extension String {
    var trimmingColon: String { hasSuffix(":") ? String(dropLast()) : self }
}
