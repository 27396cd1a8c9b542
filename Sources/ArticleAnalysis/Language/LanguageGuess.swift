/// The language the article is written in, as an ISO 639-1 code, with a confidence from 0 to 1.
///
/// The code is "und" (undetermined) when the text has too few letters to tell. `reliable` is
/// false when the guess rests on too little text or too low a confidence to act on: the pipeline
/// then runs the stages of its configured default language.
public struct LanguageGuess: Sendable, Equatable {
    public var code: String
    public var confidence: Double
    public var reliable: Bool
    public init(code: String, confidence: Double, reliable: Bool = true) {
        self.code = code; self.confidence = confidence; self.reliable = reliable
    }
}
