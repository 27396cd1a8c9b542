/// The article's polarity, overall and per paragraph, from -1 (negative) to 1 (positive).
public struct Tone: Sendable, Equatable {
    public var overall: Double
    public var label: String
    public var paragraphs: [Double]
    public var mostNegative: SummarySentence?
    public var mostPositive: SummarySentence?
    public init(overall: Double, label: String, paragraphs: [Double], mostNegative: SummarySentence?, mostPositive: SummarySentence?) {
        self.overall = overall; self.label = label; self.paragraphs = paragraphs; self.mostNegative = mostNegative; self.mostPositive = mostPositive
    }
}
