/// Splits a paragraph into tokens by the rules documented on `Token`.
///
/// Works on the scalar array by index, one pass, no look-behind beyond the current token; the only
/// look-ahead is bounded by the token being read (URL and e-mail checks stop at the first scalar
/// that cannot belong to one).
///
/// It reads the text through a buffer pointer (the caller keeps the array alive), and looks words
/// up in its lists by `PackedWord` key, so no `String` is built while tokenising.
struct Tokenizer {
    let s: UnsafeBufferPointer<Unicode.Scalar>

    init(scalars: UnsafeBufferPointer<Unicode.Scalar>) { s = scalars }

    /// Clitics split from the word before them (lower-cased, without the apostrophe).
    static let clitics: PackedWordSet = PackedWord.keys(["s", "re", "ve", "ll", "d", "m"])

    /// Words that keep a following period as part of the token (lower-cased). Which of them may
    /// also end a sentence is `SentenceSplitter`'s business.
    static let abbreviations: PackedWordSet = PackedWord.keys([
        // Titles before names.
        "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "gen", "sen", "rep", "reps", "gov", "lt", "col", "capt",
        "sgt", "cpl", "pvt", "rev", "hon", "pres", "supt", "det", "insp", "cmdr", "adm", "maj", "brig", "fr",
        "mme", "mlle", "rt", "cmdt", "gens", "sens", "atty", "amb", "sec", "treas", "v",
        // Months (May needs none).
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        // Company and name suffixes, and the rest.
        "inc", "ltd", "co", "corp", "plc", "bros", "jr", "sr", "esq", "etc", "vs", "approx", "dept", "univ",
        "assn", "govt", "ave", "blvd", "rd", "mt", "ft", "ca", "cf", "al", "viz", "est", "min", "max", "nr",
    ])
    /// Abbreviations written in capitals only when they are abbreviations ("Jan." but not "jan.").
    static let capitalizedOnly: PackedWordSet = PackedWord.keys([
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "co", "st", "rd",
        "mt", "ft", "est", "min", "max", "ave", "gen", "rep", "sen", "col", "det", "sec", "rev", "hon", "maj",
    ])
    /// Abbreviations that take a period only before a number: "No. 5", "Vol. 2", "pp. 10".
    static let numberAbbreviations: PackedWordSet = PackedWord.keys(["no", "nos", "vol", "vols", "pp", "p", "fig", "figs", "art", "ch", "para", "op"])
    /// Top-level domains that make "word.tld" a domain name rather than a missing space.
    static let domains: PackedWordSet = PackedWord.keys([
        "com", "org", "net", "gov", "edu", "mil", "int", "io", "co", "uk", "us", "ca", "de", "fr", "ru", "au", "in",
        "info", "biz", "news", "tv", "me", "eu", "jp", "cn", "nz", "ie", "es", "it", "nl", "pl", "br", "za", "ly",
        "ai", "app", "dev", "ch", "se", "no", "fi", "dk", "at", "be", "gr", "pt", "tr", "il", "ir", "pk", "ng",
    ])

    mutating func tokenize(_ span: TextSpan, into tokens: inout [Token]) {
        var i = span.start
        let end = span.end
        while i < end {
            let c = s[i]
            let isVisibleASCII = c.value &- 0x21 < 0x5E
            if !isVisibleASCII, ScalarClass.isWhitespace(c) || ScalarClass.isInvisible(c) { i += 1; continue }
            if isVisibleASCII, let wordEnd = plainWord(at: i, end, into: &tokens) { i = wordEnd; continue }
            if let urlEnd = url(at: i, end) {
                tokens.append(Token(span: TextSpan(start: i, end: urlEnd), kind: .word, flags: .url)); i = urlEnd; continue
            }
            if ScalarClass.isLetterOrDigit(c) {
                if let mailEnd = email(at: i, end) {
                    tokens.append(Token(span: TextSpan(start: i, end: mailEnd), kind: .word, flags: .email)); i = mailEnd; continue
                }
                i = word(at: i, end, into: &tokens)
                continue
            }
            if c == ".", i + 2 < end, s[i + 1] == ".", s[i + 2] == "." {
                var j = i + 3
                while j < end, s[j] == "." { j += 1 }
                tokens.append(Token(span: TextSpan(start: i, end: j), kind: .punctuation)); i = j; continue
            }
            let kind: Token.Kind = ScalarClass.isPunctuation(c) ? .punctuation : .symbol
            tokens.append(Token(span: TextSpan(start: i, end: i + 1), kind: kind))
            i += 1
        }
    }

    // MARK: Words and numbers

    /// The common case, read in one pass without the checks below: a run of ASCII letters and
    /// digits that ends the span or is followed by an ASCII scalar none of the other rules looks
    /// at (URLs need : or ., e-mail . _ % + - @, abbreviations and domains ., hyphenated words -,
    /// clitics ', joined numbers , . : after a digit). Appends the token and returns its end, or
    /// returns nil and appends nothing when `word(at:)` and the URL and e-mail checks must decide.
    @inline(__always)
    private func plainWord(at start: Int, _ end: Int, into tokens: inout [Token]) -> Int? {
        var j = start
        var letters = 0, upper = 0
        var capitalized = false
        var lastIsDigit = false
        while j < end {
            let v = s[j].value
            if v &- 0x61 < 26 {
                letters &+= 1; lastIsDigit = false
            } else if v &- 0x41 < 26 {
                if letters == 0 { capitalized = true }
                letters &+= 1; upper &+= 1; lastIsDigit = false
            } else if v &- 0x30 < 10 {
                lastIsDigit = true
            } else {
                break
            }
            j &+= 1
        }
        guard j > start else { return nil }
        if j < end {
            switch s[j].value {
            case 0x2C where !lastIsDigit: break  // "," after a letter joins nothing
            case 0x2E, 0x2D, 0x27, 0x2C, 0x3A, 0x40, 0x5F, 0x25, 0x2B: return nil  // . - ' , : @ _ % +
            case 0x80...: return nil
            default: break
            }
        }
        var flags: Token.Flags = []
        if capitalized { flags.insert(.capitalized) }
        if letters >= 2 && upper == letters { flags.insert(.allCaps) }
        let kind: Token.Kind = s[start].value &- 0x30 < 10 && isNumber(start, j) ? .number : .word
        tokens.append(Token(span: TextSpan(start: start, end: j), kind: kind, flags: flags))
        return j
    }

    /// Reads the word or number at `start`, appends it (and a split-off clitic) and returns where
    /// reading stopped.
    private func word(at start: Int, _ end: Int, into tokens: inout [Token]) -> Int {
        if let abbreviationEnd = dottedAbbreviation(at: start, end) {
            tokens.append(Token(span: TextSpan(start: start, end: abbreviationEnd), kind: .word, flags: wordFlags(start, abbreviationEnd).union(.abbreviation)))
            return abbreviationEnd
        }
        let startsWithDigit = ScalarClass.isDigit(s[start])
        var j = start
        var flags: Token.Flags = []
        var clitic: Range<Int>?
        scanning: while true {
            while j < end, ScalarClass.isLetterOrDigit(s[j]) { j += 1 }
            guard j + 1 < end else { break }
            let c = s[j], next = s[j + 1]
            if ScalarClass.isHyphen(c), ScalarClass.isLetterOrDigit(next) {
                flags.insert(.hyphenated); j += 1; continue
            }
            if (c == "," || c == "." || c == ":"), ScalarClass.isDigit(s[j - 1]), ScalarClass.isDigit(next), startsWithDigit || c != ":" {
                // 1,000 · 3.5 · 19:45 (a comma must be followed by three digits to join: "1,000" but "5,6 and 7" splits).
                if c == "," {
                    var k = j + 1, digits = 0
                    while k < end, ScalarClass.isDigit(s[k]) { k += 1; digits += 1 }
                    if digits != 3 { break }
                }
                j += 1; continue
            }
            if ScalarClass.isApostrophe(c), ScalarClass.isLetter(next) {
                var k = j + 1
                while k < end, ScalarClass.isLetter(s[k]) { k += 1 }
                let atWordEnd = k == end || !ScalarClass.isLetterOrDigit(s[k])
                if atWordEnd, let suffix = PackedWord.key(s, (j + 1)..<k), Self.clitics.contains(suffix) {
                    clitic = j..<k
                    break scanning
                }
                j = k; continue  // doesn’t, O'Rourke, rock'n'roll
            }
            if c == ".", !startsWithDigit, ScalarClass.isLowercase(next), j - start >= 2, let domainEnd = domain(from: j, end) {
                tokens.append(Token(span: TextSpan(start: start, end: domainEnd), kind: .word, flags: wordFlags(start, domainEnd).union(.url)))
                return domainEnd
            }
            break
        }

        // A period that belongs to the word: known abbreviations and initials.
        if clitic == nil, j < end, s[j] == ".", !flags.contains(.hyphenated), !startsWithDigit {
            // Every listed abbreviation packs into a key; a word that does not is in no list.
            let key = PackedWord.key(s, start..<j)
            let capitalized = ScalarClass.isUppercase(s[start])
            var keep = false
            if j - start == 1 && capitalized {
                keep = true  // an initial: "J." "F."
            } else if let key, Self.abbreviations.contains(key) {
                keep = capitalized || !Self.capitalizedOnly.contains(key)
            } else if let key, Self.numberAbbreviations.contains(key) {
                var k = j + 1
                while k < end, ScalarClass.isSpace(s[k]) { k += 1 }
                keep = k < end && ScalarClass.isDigit(s[k]) && k > j + 1
            }
            if keep {
                tokens.append(Token(span: TextSpan(start: start, end: j + 1), kind: .word, flags: wordFlags(start, j).union(.abbreviation)))
                return j + 1
            }
        }

        let kind: Token.Kind = startsWithDigit && isNumber(start, j) ? .number : .word
        tokens.append(Token(span: TextSpan(start: start, end: j), kind: kind, flags: flags.union(wordFlags(start, j))))
        if let clitic {
            tokens.append(Token(span: TextSpan(start: clitic.lowerBound, end: clitic.upperBound), kind: .word, flags: .clitic))
            return clitic.upperBound
        }
        return j
    }

    /// Capitalisation flags of the letters in `start..<end`.
    private func wordFlags(_ start: Int, _ end: Int) -> Token.Flags {
        var flags: Token.Flags = []
        var letters = 0, upper = 0
        for k in start..<end {
            let v = s[k].value
            if v < 0x80 {
                // ASCII: only A–Z and a–z are letters.
                if v &- 0x61 < 26 {
                    letters += 1
                } else if v &- 0x41 < 26 {
                    if letters == 0 { flags.insert(.capitalized) }
                    letters += 1; upper += 1
                }
                continue
            }
            guard ScalarClass.isLetter(s[k]) else { continue }
            if letters == 0 && ScalarClass.isUppercase(s[k]) { flags.insert(.capitalized) }
            letters += 1
            if ScalarClass.isUppercase(s[k]) { upper += 1 }
        }
        if letters >= 2 && upper == letters { flags.insert(.allCaps) }
        return flags
    }

    /// Digits with separators, optionally with an ordinal or decade suffix: 1,000 · 3.5 · 116th · 1960s.
    private func isNumber(_ start: Int, _ end: Int) -> Bool {
        var k = start
        while k < end, ScalarClass.isDigit(s[k]) || s[k] == "," || s[k] == "." || s[k] == ":" { k += 1 }
        if k == end { return true }
        let suffix = s.lowercasedString(k..<end)
        return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "s"
    }

    /// "U.S.", "e.g.", "a.m.", "Ph.D.": two or more runs of one or two letters, each followed by a period.
    private func dottedAbbreviation(at start: Int, _ end: Int) -> Int? {
        var k = start, runs = 0
        while k < end {
            var letters = 0
            while k < end, ScalarClass.isLetter(s[k]), letters < 3 { k += 1; letters += 1 }
            guard letters >= 1, letters <= 2, k < end, s[k] == "." else { break }
            k += 1
            runs += 1
            // Bounded, so a run such as "ab.cd.ef.gh…" costs the same at every start.
            guard runs <= 6 else { return nil }
            guard k < end, ScalarClass.isLetter(s[k]) else { break }
        }
        guard runs >= 2 else { return nil }
        // The last run must have ended with its period, and not be followed by more letters.
        guard s[k - 1] == ".", k == end || !ScalarClass.isLetterOrDigit(s[k]) else { return nil }
        return k
    }

    /// "znak.com", "bbc.co.uk": the end of a domain name whose last label is a known top-level domain.
    private func domain(from dot: Int, _ end: Int) -> Int? {
        var k = dot, lastLabel = dot..<dot
        let limit = min(end, dot + 253)  // the longest domain name; bounds the look-ahead
        while k < limit, s[k] == ".", k + 1 < limit, ScalarClass.isLetterOrDigit(s[k + 1]) {
            let labelStart = k + 1
            k += 1
            while k < limit, ScalarClass.isLetterOrDigit(s[k]) || s[k] == "-" { k += 1 }
            lastLabel = labelStart..<k
        }
        guard let label = PackedWord.key(s, lastLabel), Self.domains.contains(label) else { return nil }
        return k
    }

    // MARK: URLs and e-mail

    private func hasPrefix(_ prefix: String, at i: Int, _ end: Int) -> Bool {
        var k = i
        for p in prefix.unicodeScalars {
            guard k < end, ScalarClass.asciiLower(s[k]) == p else { return false }
            k += 1
        }
        return true
    }

    /// The end of a URL starting at `i` ("http://", "https://", "www."), trailing punctuation excluded.
    private func url(at i: Int, _ end: Int) -> Int? {
        let c = ScalarClass.asciiLower(s[i])
        guard c == "h" || c == "w" else { return nil }
        guard hasPrefix("http://", at: i, end) || hasPrefix("https://", at: i, end) || hasPrefix("www.", at: i, end) else { return nil }
        var k = i
        var openParens = 0
        while k < end, !ScalarClass.isWhitespace(s[k]), s[k] != "“", s[k] != "”", s[k] != "\"", s[k] != "<", s[k] != ">" {
            if s[k] == "(" { openParens += 1 } else if s[k] == ")" { openParens -= 1 }
            k += 1
        }
        while k > i {
            let last = s[k - 1]
            if last == ")" && openParens >= 0 { break }
            if [".", ",", ";", ":", "!", "?", "'", "’", ")", "]", "}"].contains(last) {
                if last == ")" { openParens += 1 }
                k -= 1
            } else {
                break
            }
        }
        return k - i > 4 ? k : nil
    }

    /// The end of an e-mail address starting at `i`, or nil.
    private func email(at i: Int, _ end: Int) -> Int? {
        // Bounded by the longest local part (64) and domain (253), so the look-ahead stays short.
        var k = i
        let localLimit = min(end, i + 64)
        while k < localLimit, isEmailLocal(s[k]) { k += 1 }
        guard k < end, s[k] == "@", k > i, k + 1 < end, ScalarClass.isLetterOrDigit(s[k + 1]) else { return nil }
        k += 1
        var dots = 0
        let domainLimit = min(end, k + 253)
        while k < domainLimit, ScalarClass.isLetterOrDigit(s[k]) || s[k] == "-" || s[k] == "." {
            if s[k] == "." { dots += 1 }
            k += 1
        }
        while s[k - 1] == "." || s[k - 1] == "-" { k -= 1; if s[k] == "." { dots -= 1 } }
        return dots >= 1 ? k : nil
    }

    private func isEmailLocal(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 && (ScalarClass.isLetterOrDigit(c) || c == "." || c == "_" || c == "%" || c == "+" || c == "-")
    }
}
