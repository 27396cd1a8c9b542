/// The language the article is written in, as an ISO 639-1 code, with a confidence from 0 to 1.
public struct LanguageGuess: Sendable, Equatable {
    public var code: String
    public var confidence: Double
    public init(code: String, confidence: Double) { self.code = code; self.confidence = confidence }
}

/// Detects the language. (Placeholder until the language stage lands.)
public struct LanguageDetector: Sendable {
    public init() {}
    public func detect(_ text: ScalarText) -> LanguageGuess { LanguageGuess(code: "en", confidence: 0) }
}
