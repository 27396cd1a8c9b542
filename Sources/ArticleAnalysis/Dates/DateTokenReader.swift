/// Walks the tokens of one paragraph and recognises date patterns (see `DateFinder`).
struct DateTokenReader {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    /// The paragraph's words: their tokens, and the hashes of words and numbers.
    var tokens: UnsafeBufferPointer<ReaderWords.Word>
    let reference: CivilDate?
    let words: DateWords

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]
    static let relativeDays: [String: Int] = ["yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1]
    /// Words after a four-digit number that make it a count, not a year ("2000 people").
    static let countNouns: Set<String> = [
        "people", "persons", "residents", "troops", "soldiers", "police", "officers", "workers", "students",
        "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "ft", "m", "kg", "tonnes", "tons",
        "dollars", "euros", "pounds", "rubles", "yen", "votes", "deaths", "cases", "homes", "houses",
        "buildings", "jobs", "units", "hours", "minutes", "seconds", "days", "years", "times", "pages", "words",
    ]
    static let currencySigns: Set<Unicode.Scalar> = ["$", "£", "€", "¥", "#"]

    // The tables above by `WordHash`, so words are looked up without building strings.
    static let monthHashes = hashed(months)
    static let weekdayHashes = hashed(weekdays)
    static let relativeDayHashes = hashed(relativeDays)
    static let countNounHashes = FlatHashMap<Int32>(numbering: countNouns.sorted().map { WordHash.of($0) })
    static let last = WordHash.of("last"), this = WordHash.of("this"), next = WordHash.of("next")
    static let past = WordHash.of("past"), previous = WordHash.of("previous"), coming = WordHash.of("coming")
    static let year = WordHash.of("year"), month = WordHash.of("month")
    static let ordinalSuffixes = FlatHashMap<Int32>(numbering: ["st", "nd", "rd", "th"].map { WordHash.of($0) })
    static let june = WordHash.of("june"), july = WordHash.of("july")
    /// First letters of the words recognised in lower case: yesterday, today, tonight, tomorrow,
    /// last, this, next (and weekdays after "last"/"next" are capitalised anyway).
    static let lowerCaseInitials: Set<Unicode.Scalar> = ["y", "t", "l", "n"]

    /// The table by `WordHash`: the index gives the position of the value in `values`.
    struct Hashed: Sendable {
        let index: FlatHashMap<Int32>
        let values: [Int]
        subscript(_ hash: UInt64) -> Int? { index[hash].map { values[Int($0)] } }
    }

    static func hashed(_ table: [String: Int]) -> Hashed {
        let entries = table.sorted { $0.key < $1.key }
        return Hashed(index: FlatHashMap<Int32>(numbering: entries.map { WordHash.of($0.key) }), values: entries.map(\.value))
    }

    init(scalars: UnsafeBufferPointer<Unicode.Scalar>, tokens: UnsafeBufferPointer<ReaderWords.Word>, reference: CivilDate?,
         words: DateWords) {
        self.scalars = scalars; self.tokens = tokens; self.reference = reference; self.words = words
    }

    /// `WordHash` of `scalars[start..<end]`.
    func hash(_ start: Int, _ end: Int) -> UInt64 {
        var h = FNV1a.offsetBasis
        for k in start..<end {
            let v = scalars[k].value
            h = FNV1a.step(h, v &- 0x41 < 26 ? v + 32 : (v < 0x80 ? v : WordHash.fold(scalars[k])))
        }
        return h
    }

    /// `WordHash` of the word or number at `i` (the scan hashed it).
    func hash(_ i: Int) -> UInt64 { tokens[i].hash }
    func isCapitalized(_ i: Int) -> Bool { ScalarClass.isUppercase(scalars[tokens[i].token.start]) }
    func isPunctuation(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i < tokens.count && tokens[i].token.kind == .punctuation && scalars[tokens[i].token.start] == c
    }

    /// The value of a number token with `digits` digits, or nil.
    func number(_ i: Int, digits: ClosedRange<Int>) -> Int? {
        guard i < tokens.count, tokens[i].token.kind == .number, digits.contains(tokens[i].token.end - tokens[i].token.start) else { return nil }
        var v = 0
        for k in tokens[i].token.start..<tokens[i].token.end { v = v * 10 + Int(scalars[k].value - 48) }
        return v
    }

    /// A day of the month: "5", "05" or an ordinal ("5th", "21st").
    func dayOfMonth(_ i: Int) -> Int? {
        guard i < tokens.count else { return nil }
        if let d = number(i, digits: 1...2) { return (1...31).contains(d) ? d : nil }
        // An ordinal: one or two digits and a suffix ("5th", "21st").
        let t = tokens[i].token
        guard t.kind == .word, t.end - t.start >= 3, t.end - t.start <= 4, ScalarClass.isASCIIDigit(scalars[t.start]) else { return nil }
        let digits = t.end - t.start - 2
        var d = 0
        for k in t.start..<(t.start + digits) {
            guard ScalarClass.isASCIIDigit(scalars[k]) else { return nil }
            d = d * 10 + Int(scalars[k].value - 48)
        }
        let suffix = hash(t.start + digits, t.end)
        guard words.ordinalSuffixes.contains(suffix), (1...31).contains(d) else { return nil }
        return d
    }

    /// The month named by a capitalised word at `i`, and the index after it (past an abbreviation's dot).
    func month(_ i: Int) -> (month: Int, next: Int)? {
        guard i < tokens.count, tokens[i].token.kind == .word, isCapitalized(i) else { return nil }
        let h = hash(i)
        guard let m = words.months[h] else { return nil }
        let isAbbreviation = tokens[i].token.end - tokens[i].token.start <= 4 && h != words.june && h != words.july
        let next = isAbbreviation && isPunctuation(i + 1, ".") && !tokens[i + 1].token.spaceBefore ? i + 2 : i + 1
        return (m, next)
    }

    func year(_ i: Int) -> Int? {
        guard let y = number(i, digits: 4...4), (1000...2999).contains(y) else { return nil }
        return y
    }

    /// True when a date pattern can start at the token: a number, a word starting with a digit,
    /// a capitalised word of 3 to 9 letters, or a lower-case word as long as "yesterday", "today",
    /// "tonight", "tomorrow", "this", "last" or "next" with the same first letter (`match(at:)`
    /// returns nil for every other token, which is nearly all of them).
    @inline(__always)
    func mayStartDate(_ t: ReaderToken) -> Bool {
        if t.kind == .number { return true }
        guard t.kind == .word else { return false }
        let first = scalars[t.start]
        let v = first.value
        if v &- 0x30 < 10 { return true }
        let length = t.end - t.start
        guard length >= 3 && length <= 9 else { return false }
        if v &- 0x61 < 26 {
            switch v {
            case 0x79: return length == 9  // y
            case 0x74: return length == 4 || length == 5 || length == 7 || length == 8  // t
            case 0x6C, 0x6E: return length == 4  // l, n
            default: return false
            }
        }
        guard v < 0x80 else { return ScalarClass.isUppercase(first) }
        guard v &- 0x41 < 26 else { return false }
        // A capitalised ASCII word: its first two letters and length must be those of a date word.
        let second = scalars[t.start + 1].value
        guard second < 0x80 else { return true }  // may fold to a letter: let `match` decide
        let letter = (second | 0x20) &- 0x61
        guard letter < 26 else { return false }
        return words.startLengths[Int(v &- 0x41) * 26 + Int(letter)] & (1 << UInt16(length)) != 0
    }

    func read(into mentions: inout [DateMention]) {
        var i = 0
        while i < tokens.count {
            if !mayStartDate(tokens[i].token) {
                i += 1
            } else if let (mention, next) = match(at: i) {
                mentions.append(mention)
                i = next
            } else {
                i += 1
            }
        }
    }

    func mention(_ first: Int, _ last: Int, _ value: String) -> DateMention {
        DateMention(span: TextSpan(start: tokens[first].token.start, end: tokens[last].token.end), text: "", value: value)
    }

    /// The date pattern starting at token `i`, and the index after it.
    func match(at i: Int) -> (DateMention, Int)? {
        let t = tokens[i].token
        if t.kind == .number {
            return dayMonth(at: i) ?? isoDate(at: i) ?? bareYear(at: i)
        }
        guard t.kind == .word else { return nil }
        if ScalarClass.isASCIIDigit(scalars[t.start]) { return dayMonth(at: i) }
        // Every word this stage knows has 3 to 9 letters and starts with a capital or with one of
        // the first letters of the lower-case ones; most words are skipped without hashing.
        let length = t.end - t.start
        guard length >= 3 && length <= 9 else { return nil }
        let first = scalars[t.start]
        guard ScalarClass.isUppercase(first) || first == "y" || first == "t" || first == "l" || first == "n" else { return nil }
        let k = hash(i)
        guard words.starts.contains(k) else { return nil }
        if let weekday = words.weekdays[k], isCapitalized(i) {
            // "Friday, January 4, 2019": the weekday belongs to the full date that follows.
            let after = isPunctuation(i + 1, ",") ? i + 2 : i + 1
            if let (full, next) = monthDay(at: after) ?? dayMonth(at: after) {
                return (DateMention(span: TextSpan(start: t.start, end: full.span.end), text: "", value: full.value), next)
            }
            return weekdayReference(at: i, weekday: weekday)
        }
        if let offset = words.relativeDays[k], let reference {
            return (mention(i, i, reference.adding(days: offset).iso), i + 1)
        }
        if k == words.last || k == words.this || k == words.next,
           i + 1 < tokens.count, tokens[i + 1].token.kind == .word, let reference {
            let unit = hash(i + 1)
            let step = k == words.last ? -1 : (k == words.next ? 1 : 0)
            if unit == words.year { return (mention(i, i + 1, CivilDate.pad(reference.year + step, 4)), i + 2) }
            if unit == words.month {
                let index = reference.year * 12 + reference.month - 1 + step
                return (mention(i, i + 1, "\(CivilDate.pad(index / 12, 4))-\(CivilDate.pad(index % 12 + 1, 2))"), i + 2)
            }
        }
        // Both patterns below start with a month name (`month(_:)`): skip the look-ups otherwise.
        guard words.months[k] != nil else { return nil }
        if let (m, next) = monthDay(at: i) { return (m, next) }
        if let (month, next) = month(i), let y = year(next) {
            return (mention(i, next, "\(CivilDate.pad(y, 4))-\(CivilDate.pad(month, 2))"), next + 1)
        }
        return nil
    }

    /// "January 5, 2019", "Jan. 5", "January 5th".
    func monthDay(at i: Int) -> (DateMention, Int)? {
        guard let (month, next) = month(i), let day = dayOfMonth(next) else { return nil }
        // "May 2,000" or "March 12-14" are not handled as dates; a day must end its number.
        if isPunctuation(next + 1, ",") && !tokens[next + 1].token.spaceBefore, next + 2 < tokens.count,
           tokens[next + 2].token.kind == .number, !tokens[next + 2].token.spaceBefore { return nil }
        var last = next
        var y: Int?
        if isPunctuation(next + 1, ","), let v = year(next + 2) { y = v; last = next + 2 }
        else if let v = year(next + 1) { y = v; last = next + 1 }
        return resolve(first: i, last: last, year: y, month: month, day: day)
    }

    /// "5 January 2019", "5th January".
    func dayMonth(at i: Int) -> (DateMention, Int)? {
        guard let day = dayOfMonth(i), let (month, next) = month(i + 1) else { return nil }
        var last = next - 1
        var y: Int?
        if let v = year(next) { y = v; last = next }
        else if isPunctuation(next, ","), let v = year(next + 1) { y = v; last = next + 1 }
        return resolve(first: i, last: last, year: y, month: month, day: day)
    }

    func resolve(first: Int, last: Int, year: Int?, month: Int, day: Int) -> (DateMention, Int)? {
        if let year {
            guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
            return (mention(first, last, CivilDate(year: year, month: month, day: day).iso), last + 1)
        }
        guard let reference else {
            guard day <= CivilDate.daysIn(month: month, year: 2000) else { return nil }
            return (mention(first, last, "--\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))"), last + 1)
        }
        var best: CivilDate?
        for y in [reference.year - 1, reference.year, reference.year + 1] where CivilDate.isValid(year: y, month: month, day: day) {
            let candidate = CivilDate(year: y, month: month, day: day)
            if best == nil || abs(candidate.dayNumber - reference.dayNumber) < abs(best!.dayNumber - reference.dayNumber) {
                best = candidate
            }
        }
        guard let best else { return nil }
        return (mention(first, last, best.iso), last + 1)
    }

    /// "2019-01-05".
    func isoDate(at i: Int) -> (DateMention, Int)? {
        guard let y = year(i), isPunctuation(i + 1, "-"), !tokens[i + 1].token.spaceBefore,
              let m = number(i + 2, digits: 2...2), !tokens[i + 2].token.spaceBefore,
              isPunctuation(i + 3, "-"), !tokens[i + 3].token.spaceBefore,
              let d = number(i + 4, digits: 2...2), !tokens[i + 4].token.spaceBefore,
              CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        return (mention(i, i + 4, CivilDate(year: y, month: m, day: d).iso), i + 5)
    }

    /// "2013", unless the number is an amount ("$2000", "2000 people", "1,2013", "2013%").
    func bareYear(at i: Int) -> (DateMention, Int)? {
        guard let y = year(i), (1800...2100).contains(y) else { return nil }
        if i > 0, tokens[i - 1].token.kind == .punctuation, !tokens[i].token.spaceBefore {
            let p = scalars[tokens[i - 1].token.start]
            if p == "$" || p == "£" || p == "€" || p == "¥" || p == "#" || p == "," || p == "." { return nil }  // currencySigns
        }
        if i + 1 < tokens.count {
            let n = tokens[i + 1].token
            if n.kind == .punctuation && !n.spaceBefore {
                let p = scalars[n.start]
                if p == "%" { return nil }
                if (p == "," || p == ".") && i + 2 < tokens.count && tokens[i + 2].token.kind == .number && !tokens[i + 2].token.spaceBefore { return nil }
            }
            if n.kind == .word && words.countNouns.contains(hash(i + 1)) { return nil }
        }
        return (mention(i, i, CivilDate.pad(y, 4)), i + 1)
    }

    /// "on Thursday", "last Monday", "next Friday", resolved against the reference date.
    func weekdayReference(at i: Int, weekday: Int) -> (DateMention, Int)? {
        guard let reference else { return nil }
        var first = i
        var back = (reference.weekday - weekday + 7) % 7  // 0...6 days back: on or before the reference
        if i > 0, tokens[i - 1].token.kind == .word {
            let before = hash(i - 1)
            if before == words.last || before == words.past || before == words.previous {
                if back == 0 { back = 7 }
                first = i - 1
            } else if before == words.next || before == words.coming {
                back = -((weekday - reference.weekday + 7) % 7)
                if back == 0 { back = -7 }
                first = i - 1
            }
        }
        return (mention(first, i, reference.adding(days: -back).iso), i + 1)
    }
}
