/// Finds the dates an article mentions and resolves them to ISO 8601 values.
///
/// Recognised: full dates ("January 5, 2019", "5 January 2019", "Friday, January 4, 2019",
/// "2019-01-05"), month and day without a year ("Jan. 5"), month and year ("March 2019"), years
/// ("2013", "the 1973 building"), weekdays ("on Thursday", "last Monday", "next Friday") and
/// "yesterday", "today", "tonight", "tomorrow", "last/this/next year" and "last/this/next month".
///
/// Relative references are resolved against `reference`, the article's dateline date or the time
/// the file was received (ISO 8601). News convention decides the direction: a bare weekday means
/// the most recent such day on or before the reference ("Thursday" in an article dated Saturday
/// 2019-01-05 is 2019-01-03); "next Friday" is the first Friday after it, "last Monday" the last one
/// before it. A day and month without a year take the year that puts them nearest the reference
/// ("December 30" in an article of January 4, 2019 is 2018-12-30). Without a reference, relative
/// references are left out and a day and month without a year is given as "--MM-DD".
public struct DateFinder: Sendable {
    public init() {}

    public func find(_ text: ScalarText, _ segmentation: Segmentation, reference: String?) -> [DateMention] {
        find(text, ParagraphTokens(text.scalars, segmentation), reference: reference)
    }

    /// As above, with the paragraphs' tokens already scanned (the pipeline keeps them for the
    /// shared word pass of keyphrases, summary and tone).
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    func find(_ text: ScalarText, _ scanned: ParagraphTokens, reference: String?) -> [DateMention] {
        let ref = reference.flatMap { CivilDate(iso: $0) }
        var mentions: [DateMention] = []
        mentions.reserveCapacity(16)
        let words = DateWords.shared
        text.scalars.withUnsafeBufferPointer { s in
            scanned.words.withUnsafeBufferPointer { tokens in
                var reader = DateTokenReader(scalars: s, tokens: UnsafeBufferPointer(rebasing: tokens[0..<0]), reference: ref, words: words)
                for k in scanned.paragraphs.indices {
                    reader.tokens = UnsafeBufferPointer(rebasing: tokens[scanned.range(k)])
                    reader.read(into: &mentions)
                }
            }
        }
        return mentions.map { m in DateMention(span: m.span, text: text[m.span], value: m.value) }
    }
}
