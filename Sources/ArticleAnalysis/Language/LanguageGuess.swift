/// The language the article is written in, as an ISO 639-1 code, with a confidence from 0 to 1.
///
/// The code is "und" (undetermined) when the text has too few letters to tell.
public struct LanguageGuess: Sendable, Equatable {
    public var code: String
    public var confidence: Double
    public init(code: String, confidence: Double) { self.code = code; self.confidence = confidence }
}
