/// The shapes of a line that stands alone: it is never joined with the lines around it into one
/// paragraph, and never taken for furniture at the end of the text.
///
/// Plain text is not only wrapped prose. A results table, a numbered list, a written interview
/// or a byline puts one item on each line; joining those lines into a "sentence" loses their
/// structure (and the entities in them). Each shape names a linguistic or typographic pattern:
///
/// | shape | pattern | examples |
/// |---|---|---|
/// | `listItem` | a bullet, or a number of at most three digits and `.` or `)`, then a space | "• Paris", "1. Franziska Schenk ( Germany ) 1:23.17", "2) Berlin" |
/// | `tableRow` | two or more number chunks and no sentence end, or numbers in half the chunks | "Chelsea 2 Everton 2", "DALLAS 16 10 1 77 66 33" |
/// | `speakerLine` | one to three capitalised words and a colon, then text; or a name in brackets first | "Q: Why now?", "Smith: We won.", "[Jane Smith] Yes." |
/// | `byline` | "By" and names (`FurnitureRule.isByline`) | "By Jane Smith, Reuters" |
/// | `dateline` | a date, alone or after a place (`DatelineParser`) | "LONDON 1996-08-30" |
enum LineShape: Sendable, Equatable {
    case listItem, tableRow, speakerLine, byline, dateline

    /// The stand-alone shape of `line`, or nil for a line that may be wrapped prose.
    static func of(_ line: TextLine) -> LineShape? {
        if isListItem(line) { return .listItem }
        if isTableRow(line) { return .tableRow }
        if isSpeakerLine(line) { return .speakerLine }
        if FurnitureRule.isByline(line) { return .byline }
        if line.words <= 14, DatelineParser.parse(line) != nil { return .dateline }
        return nil
    }

    static func isListItem(_ line: TextLine) -> Bool {
        let s = line.scalars
        guard s.count >= 3 else { return false }
        if ["•", "*", "·", "▪", "◦", "‣", "-", "–", "—"].contains(s[0]) { return s[1] == " " }
        var k = 0
        while k < s.count, k < 3, ScalarClass.isDigit(s[k]) { k += 1 }
        guard k > 0, k + 1 < s.count, s[k] == "." || s[k] == ")" else { return false }
        return s[k + 1] == " "
    }

    /// A chunk that is a number: digits with , . : / - between them ("16", "1:23.17", "2-1").
    static func isNumberChunk(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var digits = 0
        for c in s {
            if ScalarClass.isDigit(c) { digits += 1 } else if !(c == "," || c == "." || c == ":" || c == "/" || c == "-" || c == "+" || c == "%") { return false }
        }
        return digits > 0
    }

    /// Two or more numbers, and either numbers in half the chunks or no sentence end and no
    /// lower-case word of four letters or more ("Bragantino 1 Vasco da Gama 2"); a wrapped line of
    /// prose with numbers in it ("2019, when 34 people died and the") is not a row.
    static func isTableRow(_ line: TextLine) -> Bool {
        let chunks = line.chunks
        var numbers = 0, proseWords = 0
        for chunk in chunks {
            let s = line.scalars[chunk]
            if isNumberChunk(s) { numbers += 1 } else if s.count >= 4, ScalarClass.isLowercase(s[s.startIndex]),
                                                           s.allSatisfy({ ScalarClass.isLetter($0) || $0 == "," || $0 == "." }) { proseWords += 1 }
        }
        guard numbers >= 2 else { return false }
        return numbers * 2 >= chunks.count || (!line.endsLikeSentence && proseWords == 0)
    }

    /// "Q: ...", "Name: ...", "Jane Smith: ..." (text after the colon), or "[Name] ...".
    static func isSpeakerLine(_ line: TextLine) -> Bool {
        let s = line.scalars
        guard let first = s.first else { return false }
        if first == "[" {
            guard let close = s.firstIndex(of: "]"), close > 1, close + 1 < s.count, close < 40 else { return false }
            return ScalarClass.isUppercase(s[1])
        }
        let chunks = line.chunks
        for (n, chunk) in chunks.prefix(3).enumerated() {
            guard ScalarClass.isUppercase(s[chunk.lowerBound]) else { return false }
            if s[chunk.upperBound - 1] == ":" { return n + 1 < chunks.count }
        }
        return false
    }
}
