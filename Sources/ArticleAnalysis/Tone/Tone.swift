/// The article's polarity, overall and per paragraph, from -1 (negative) to 1 (positive).
public struct Tone: Sendable, Equatable {
    public var overall: Double
    public var label: String
    public var paragraphs: [Double]
    public var mostNegative: ToneSentence?
    public var mostPositive: ToneSentence?
    public init(overall: Double, label: String, paragraphs: [Double], mostNegative: ToneSentence?, mostPositive: ToneSentence?) {
        self.overall = overall; self.label = label; self.paragraphs = paragraphs; self.mostNegative = mostNegative; self.mostPositive = mostPositive
    }
}
