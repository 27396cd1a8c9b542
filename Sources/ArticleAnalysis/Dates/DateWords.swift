/// The word tables of `DateTokenReader` by `WordHash`, read once per article (a `static let`
/// costs a check on every use). A class: a reader of each paragraph shares them by reference
/// (as a struct, every reader was a copy of all the tables, retained and released).
final class DateWords: Sendable {
    let months = DateTokenReader.monthHashes
    let weekdays = DateTokenReader.weekdayHashes
    let relativeDays = DateTokenReader.relativeDayHashes
    let countNouns = DateTokenReader.countNounHashes
    let ordinalSuffixes = DateTokenReader.ordinalSuffixes
    let last = DateTokenReader.last, this = DateTokenReader.this, next = DateTokenReader.next
    let past = DateTokenReader.past, previous = DateTokenReader.previous, coming = DateTokenReader.coming
    let year = DateTokenReader.year, month = DateTokenReader.month
    let june = DateTokenReader.june, july = DateTokenReader.july
    /// Every word a date can start with (months, weekdays, relative days, "last", "this",
    /// "next"): one look-up rejects the other capitalised words.
    let starts = FlatHashMap<Int32>(numbering:
        (DateTokenReader.months.keys.sorted() + DateTokenReader.weekdays.keys.sorted() + DateTokenReader.relativeDays.keys.sorted()
            + ["last", "this", "next"]).map { WordHash.of($0) })

    /// For a capitalised ASCII word, by its first two letters (26 x 26, folded to a...z): a bit
    /// for each length (3...9) of a word in `starts` with those letters. A word whose bit is clear
    /// cannot start a date.
    let startLengths: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 26 * 26)
        let words = DateTokenReader.months.keys.sorted() + DateTokenReader.weekdays.keys.sorted()
            + DateTokenReader.relativeDays.keys.sorted() + ["last", "this", "next"]
        for word in words {
            let v = word.unicodeScalars.map { Int($0.value) - 0x61 }
            table[v[0] * 26 + v[1]] |= 1 << UInt16(v.count)
        }
        return table
    }()

    static let shared = DateWords()
}
