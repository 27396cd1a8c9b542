/// A sentence the tone stage points at (`Tone.mostNegative`, `Tone.mostPositive`): where it is,
/// its text, and its compound score (VADER's, -1 to 1).
public struct ToneSentence: Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public var score: Double
    public init(span: TextSpan, text: String, score: Double) { self.span = span; self.text = text; self.score = score }
}
