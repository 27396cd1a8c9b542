/// The lexemes of frequent word forms, worked out once when the model is made
/// (`NERFrequentWords`, which also keeps their score vectors).
///
/// Most of an article's distinct tokens are words of the training text (the model's
/// `frequentForms`, and `NERFrequentWords.forms`). A token that is written
/// exactly as one of them copies its lexeme from here instead of analysing its scalars
/// (`NERLexeme.init`); a lexeme depends only on the scalars, so the copy is the lexeme the token
/// would get. A form written otherwise (say with a typographic apostrophe) is simply not found.
struct NERLexicon: Sendable {
    /// Index of each form by the hash of its scalars (`NERHash.string`).
    private var index = NERKeyMap<UInt16>()
    private var lexemes: [NERLexeme] = []
    /// The scalars of form `i` are `scalars[starts[i] ..< starts[i + 1]]`.
    private var scalars: [Unicode.Scalar] = []
    private var starts: [Int32] = [0]

    /// An empty lexicon: every token is analysed.
    init() {}

    /// The lexicon of `forms` (a form whose scalars hash as an earlier one's is left out).
    init(forms: [String]) {
        index = NERKeyMap(capacity: forms.count)
        lexemes.reserveCapacity(forms.count)
        starts.reserveCapacity(forms.count + 1)
        for form in forms where lexemes.count < Int(UInt16.max) {
            let hash = NERHash.string(form)
            guard index[hash] == nil else { continue }
            index[hash] = UInt16(lexemes.count)
            lexemes.append(NERLexeme(form.unicodeScalars))
            scalars.append(contentsOf: form.unicodeScalars)
            starts.append(Int32(scalars.count))
        }
    }

    /// The number of the form written exactly as `token`, if any; `hash` is the hash of the
    /// token's scalars (`NERHash.add` over them from `NERHash.seed`).
    @inline(__always)
    func form(of token: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64) -> Int? {
        guard let found = index[hash] else { return nil }
        let i = Int(found)
        let start = Int(starts[i])
        guard Int(starts[i + 1]) - start == token.count else { return nil }
        return scalars.withUnsafeBufferPointer { s in
            for k in 0..<token.count where s[start + k] != token[k] { return nil }
            return i
        }
    }

    /// The number of forms.
    var count: Int { lexemes.count }

    /// The lexeme of form `i` (see `form(of:hash:)`).
    @inline(__always)
    subscript(i: Int) -> NERLexeme { lexemes[i] }
}
