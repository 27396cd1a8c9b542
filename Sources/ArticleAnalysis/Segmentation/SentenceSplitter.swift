/// Groups a paragraph's tokens into sentences.
///
/// A sentence ends at the end of its paragraph, or after a terminal token followed by white space
/// and a token that can start a sentence:
/// - `.` `!` `?` (and runs of them) end a sentence, together with closing quotes and brackets
///   written right after them ("… end.” He said" ends after ”). Not before a lower-case word
///   ("“Stop!” he said") or , ; : ) — nor when no space follows ("Yahoo!News").
/// - An ellipsis ends one only before a capitalised word and outside brackets; an elision "[...]"
///   ends one before a capitalised word ("the people[...] Term limits offer" is two sentences).
/// - An abbreviation token ("Mr.", "U.S.", "J.", "Jan.") keeps its period, so it does not end a sentence
///   by itself: titles never do; "etc.", "Inc.", "Ltd." and the like end one before a capitalised word;
///   the rest ("U.S.", initials, months) only before a word that typically opens a sentence
///   ("The", "He", "In", …): "the U.S. Congress" stays whole, "in the U.S. The president" splits.
/// Decimals ("3.5") and domains ("Znak.com") never split because they are single tokens.
struct SentenceSplitter {
    let s: UnsafeBufferPointer<Unicode.Scalar>

    init(scalars: UnsafeBufferPointer<Unicode.Scalar>) { s = scalars }

    /// Abbreviations that stand before a name and never end a sentence.
    static let titles: Set<String> = [
        "mr.", "mrs.", "ms.", "messrs.", "dr.", "prof.", "st.", "gen.", "sen.", "rep.", "reps.", "gov.", "lt.",
        "col.", "capt.", "sgt.", "cpl.", "pvt.", "rev.", "hon.", "pres.", "supt.", "det.", "insp.", "cmdr.",
        "adm.", "maj.", "brig.", "fr.", "mme.", "mlle.", "rt.", "cmdt.", "gens.", "sens.", "atty.", "amb.",
        "no.", "nos.", "vol.", "vols.", "pp.", "p.", "fig.", "figs.", "art.", "ch.", "para.", "op.", "vs.",
        "e.g.", "i.e.", "cf.", "viz.", "approx.", "ca.", "v.",
    ]
    /// Abbreviations that often end a sentence: they end one before any capitalised word.
    static let finals: Set<String> = [
        "etc.", "inc.", "ltd.", "co.", "corp.", "plc.", "bros.", "jr.", "sr.", "esq.", "al.",
    ]
    /// Words that typically open a sentence; after "U.S." or an initial they mark a new sentence.
    static let openers: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
        "his", "her", "its", "their", "our", "my", "your", "in", "on", "at", "but", "and", "or", "so", "however",
        "according", "after", "before", "when", "while", "since", "as", "if", "although", "though", "meanwhile",
        "also", "some", "many", "most", "both", "one", "two", "three", "what", "why", "how", "who", "where",
        "for", "from", "with", "by", "to", "last", "earlier", "later", "then", "now", "today", "yesterday",
        "still", "yet", "officials", "police", "authorities", "during", "under", "over", "no", "not", "all",
        "each", "every", "other", "another", "such", "despite", "because", "until", "once", "here", "instead",
    ]

    func split(_ tokens: [Token], _ range: Range<Int>, paragraph: Int, into sentences: inout [Sentence]) {
        var start = range.lowerBound
        var k = range.lowerBound
        var bracketDepth = 0
        /// Takes in the closing marks after token `k` and closes the brackets among them.
        func absorb(_ k: Int) -> Int {
            let last = absorbClosers(tokens, after: k, range.upperBound)
            for j in stride(from: k + 1, through: last, by: 1) where s[tokens[j].span.start] == ")" || s[tokens[j].span.start] == "]" {
                bracketDepth = max(0, bracketDepth - 1)
            }
            return last
        }
        while k < range.upperBound {
            let token = tokens[k]
            var last = k
            var isEnd = false
            if token.kind == .punctuation {
                let c = s[token.span.start]
                switch c {
                case "(", "[", "{": bracketDepth += 1
                case ")", "]", "}": bracketDepth = max(0, bracketDepth - 1)
                default: break
                }
                let isEllipsis = c == "…" || token.span.length >= 3
                // "[...]" marks words left out of a quotation; a capital after it starts a sentence.
                let isElision = isEllipsis && k > range.lowerBound && k + 1 < range.upperBound
                    && s[tokens[k - 1].span.start] == "[" && s[tokens[k + 1].span.start] == "]"
                if isTerminal(c) || isEllipsis {
                    last = absorb(k)
                    if last + 1 < range.upperBound {
                        let next = tokens[last + 1]
                        let spaced = next.span.start > tokens[last].span.end
                        if isElision {
                            isEnd = spaced && next.kind == .word && ScalarClass.isUppercase(s[next.span.start])
                        } else if isEllipsis {
                            isEnd = spaced && bracketDepth == 0 && startsCapitalized(next)
                        } else {
                            isEnd = spaced && canOpen(next)
                        }
                    }
                }
            } else if token.flags.contains(.abbreviation), last + 1 < range.upperBound {
                let key = lowercased(token.span)
                if !Self.titles.contains(key) {
                    last = absorb(k)
                    if last + 1 < range.upperBound {
                        let next = tokens[last + 1]
                        if next.span.start > tokens[last].span.end {
                            if Self.finals.contains(key) {
                                isEnd = startsCapitalized(next) || isOpeningQuote(next)
                            } else {
                                isEnd = isOpener(next) || isOpeningQuote(next)
                            }
                        }
                    }
                }
            }
            if isEnd {
                append(tokens, start..<(last + 1), paragraph, &sentences)
                start = last + 1
                bracketDepth = 0
            }
            k = last + 1
        }
        if start < range.upperBound { append(tokens, start..<range.upperBound, paragraph, &sentences) }
    }

    private func append(_ tokens: [Token], _ range: Range<Int>, _ paragraph: Int, _ sentences: inout [Sentence]) {
        // A stray closing mark left on its own belongs to the sentence before it.
        if let previous = sentences.last, previous.paragraph == paragraph, previous.tokens.upperBound == range.lowerBound,
           !tokens[range].contains(where: { $0.kind == .word || $0.kind == .number }) {
            sentences[sentences.count - 1] = Sentence(
                span: TextSpan(start: previous.span.start, end: tokens[range.upperBound - 1].span.end),
                tokens: previous.tokens.lowerBound..<range.upperBound, paragraph: paragraph)
            return
        }
        let span = TextSpan(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end)
        sentences.append(Sentence(span: span, tokens: range, paragraph: paragraph))
    }

    private func isTerminal(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x21, 0x3F, 0x203C, 0x2047, 0x2048, 0x2049, 0x3002, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }

    /// The last of the terminal marks and closing quotes/brackets written right after token `k`.
    private func absorbClosers(_ tokens: [Token], after k: Int, _ end: Int) -> Int {
        var last = k
        while last + 1 < end {
            let next = tokens[last + 1]
            guard next.kind == .punctuation else { break }
            let c = s[next.span.start]
            if next.span.start != tokens[last].span.end {
                // A straight quote after a space closes when nothing follows it directly: `it.' "`.
                guard c == "\"" || c == "'", next.span.end == s.count || ScalarClass.isWhitespace(s[next.span.end]) else { break }
            }
            if isTerminal(c) || ScalarClass.isClosing(c) || c == "…" || next.span.length >= 3 {
                last += 1
            } else {
                break
            }
        }
        return last
    }

    /// After . ! ? a sentence follows unless the next token is a lower-case word or , ; : ) ] }.
    private func canOpen(_ next: Token) -> Bool {
        let c = s[next.span.start]
        switch next.kind {
        case .word: return !ScalarClass.isLowercase(c) || next.flags.contains(.url) || next.flags.contains(.email)
        case .number, .symbol: return true
        case .punctuation:
            switch c {
            case ",", ";", ":", ")", "]", "}", "!", "?", ".": return false
            default: return true
            }
        }
    }

    private func startsCapitalized(_ token: Token) -> Bool {
        (token.kind == .word && ScalarClass.isUppercase(s[token.span.start])) || token.kind == .number || isOpeningQuote(token)
    }

    private func isOpener(_ token: Token) -> Bool {
        guard token.kind == .word, ScalarClass.isUppercase(s[token.span.start]) else { return false }
        return Self.openers.contains(lowercased(token.span))
    }

    private func isOpeningQuote(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        let c = s[token.span.start]
        return c == "“" || c == "\"" || c == "‘" || c == "«"
    }

    private func lowercased(_ span: TextSpan) -> String { s.lowercasedString(span.start..<span.end) }
}
