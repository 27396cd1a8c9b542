/// Numbers the distinct word forms of a document as its tokens come, keeping one lexeme per form.
///
/// Two tokens are one form when their lexemes are equal (the same scalars after
/// `NERLexeme.normalized`: "al-Qaeda’s" and "al-Qaeda's" are one form). Forms are numbered in
/// order of first appearance and found by their `word` hash (`FlatHashMap`); a lexeme whose hash
/// is taken by a different lexeme (never seen in practice) becomes a form of its own.
struct NERWordForms {
    /// The lexeme of each form, by number.
    private(set) var forms: [NERLexeme] = []
    /// The first form with each `word` hash.
    private var byWord: FlatHashMap<Int32>

    /// A numbering for a document of about `expectedTokens` tokens (tables grow as needed; a
    /// long text has far fewer forms than tokens).
    init(expectedTokens: Int) {
        let expectedForms = Self.expectedForms(tokens: expectedTokens)
        byWord = FlatHashMap(capacity: expectedForms)
        // Growing the array of 104-byte lexemes by doubling copied each about twice.
        forms.reserveCapacity(expectedForms)
    }

    /// Room made at first: a news article's forms, without reserving a table per token of a long text.
    static let initialCapacity = 1 << 12

    /// The room to make for the distinct forms of a text of `tokens` tokens: half the tokens
    /// (about a third of a news article's tokens are distinct), at most `initialCapacity`; the
    /// tables grow past it.
    static func expectedForms(tokens: Int) -> Int { min(tokens / 2 + 8, initialCapacity) }

    /// The number of the form of `x`, adding it when it is new.
    @inline(__always)
    mutating func number(_ x: NERLexeme) -> Int32 {
        let count = Int32(forms.count)
        let id = byWord.value(of: x.word, insertingIfAbsent: count)
        if id != count && forms[Int(id)] == x { return id }
        forms.append(x)
        return count
    }
}

/// The lexeme of every token of a document, read through the token's form
/// (`NERDocument.wordIDs` into `NERDocument.forms`).
package struct NERTokenLexemes: RandomAccessCollection, Sendable {
    let forms: [NERLexeme]
    let wordIDs: [Int32]

    init(forms: [NERLexeme], wordIDs: [Int32]) { self.forms = forms; self.wordIDs = wordIDs }

    /// The lexemes of tokens given one by one (tests), numbered into forms.
    init(_ lexemes: [NERLexeme]) {
        var numbering = NERWordForms(expectedTokens: lexemes.count)
        wordIDs = lexemes.map { numbering.number($0) }
        forms = numbering.forms
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { wordIDs.count }

    @inline(__always)
    package subscript(t: Int) -> NERLexeme { forms[Int(wordIDs[t])] }
}
