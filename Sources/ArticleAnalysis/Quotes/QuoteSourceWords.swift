/// What kind of words a source is written with, for the evaluation's error breakdown: the
/// stage's own word lists (`SpeechLexicon`), so the breakdown speaks the stage's language.
package enum QuoteSourceWords {
    /// "he", "she", "it", "they", "I", "we", "you".
    package static func isPronoun(_ word: [Unicode.Scalar]) -> Bool {
        let key = LexiconTable.key(word)
        return !LexiconTable.shared.flags(key).isDisjoint(with: [.personPronoun, .groupPronoun])
            || key == QuoteKeys.i || key == QuoteKeys.we || key == LexiconTable.key("you".unicodeScalars)
    }

    /// An organisation word or noun: "Ministry", "campaign", "police".
    package static func isOrganizationWord(_ word: [Unicode.Scalar]) -> Bool {
        !LexiconTable.shared.flags(LexiconTable.key(word)).isDisjoint(with: [.organizationWord, .organizationNoun])
    }
}
