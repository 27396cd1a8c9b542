/// A day of the proleptic Gregorian calendar, with the arithmetic the dates stage needs.
///
/// The analysis library uses no Foundation, so days are counted here: `dayNumber` is the number of
/// days since 1970-01-01 (Howard Hinnant's `days_from_civil`), which makes "three days earlier"
/// and "which weekday" simple integer arithmetic.
struct CivilDate: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Days since 1970-01-01 (negative before).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01.
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
    var weekday: Int {
        let r = (dayNumber + 4) % 7
        return r < 0 ? r + 7 : r
    }

    func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Reads the date at the start of an ISO 8601 value ("2019-01-04", "2026-11-25T12:04:00Z").
    init?(iso: String) {
        var year = 0, month = 0, day = 0
        var count = 0
        var utf8 = iso.utf8.makeIterator()
        while count < 10, let c = utf8.next() {
            if count == 4 || count == 7 {
                guard c == 0x2D else { return nil }  // "-"
            } else {
                let digit = Int(c) - 0x30
                guard (0...9).contains(digit) else { return nil }
                if count < 4 { year = year * 10 + digit } else if count < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            count += 1
        }
        guard count == 10, CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// "2019-01-03".
    var iso: String {
        guard (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            return "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))"
        }
        // The ten digits and dashes written in place (a string this short needs no allocation).
        return String(unsafeUninitializedCapacity: 10) { utf8 in
            /// Writes `value` as `width` digits ending before `end`.
            func put(_ value: Int, before end: Int, width: Int) {
                var rest = value
                for n in stride(from: end - 1, through: end - width, by: -1) {
                    utf8[n] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(year, before: 4, width: 4)
            utf8[4] = 0x2D
            put(month, before: 7, width: 2)
            utf8[7] = 0x2D
            put(day, before: 10, width: 2)
            return 10
        }
    }

    /// `value` in decimal, with zeros before it to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        let count = s.utf8.count
        return count >= width ? s : String(repeating: "0", count: width - count) + s
    }
}
