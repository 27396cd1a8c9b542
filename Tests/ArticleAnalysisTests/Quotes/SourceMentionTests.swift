import XCTest
@testable import ArticleAnalysis

/// The source ranker's mention kinds that PolNeAR's annotators mark besides names, pronouns and
/// descriptions: a relative pronoun (its speaker the antecedent's), a possessive determiner (a
/// pronoun's speaker) and a sentence's opening determiner + noun (the words as written).
final class SourceMentionTests: XCTestCase {
    private let body = """
        Glenn Beck spoke on Friday. Later, Beck, who has described Trump as "a pathological narcissistic sociopath", left the stage.

        The lawsuit contends that "the deaths were directly caused by negligence" of officials.

        Reporters asked Beck about his remark that "this is a great thing for everybody" on the radio.
        """

    private func ranker() -> SourceRanker {
        let text = ScalarText(body)
        let scalars = text.scalars
        var mentions: [Mention] = []
        for form in ["Glenn Beck", "Beck"] {
            let n = Array(form.unicodeScalars)
            for i in 0...(scalars.count - n.count) where Array(scalars[i..<(i + n.count)]) == n {
                let span = TextSpan(start: i, end: i + n.count)
                if !mentions.contains(where: { $0.span.overlaps(span) }) { mentions.append(Mention(span: span, text: form)) }
            }
        }
        mentions.sort { $0.span.start < $1.span.start }
        let beck = Entity(id: "e1", type: .person, name: "Glenn Beck", aliases: ["Glenn Beck", "Beck"], salience: 1, mentions: mentions)
        let doc = QuoteDocument(text: text, paragraphs: QuoteDocument.paragraphs(of: text, Segmenter().segment(text)))
        let resolver = SpeakerResolver(doc: doc, candidates: SpeakerCandidate.find(in: doc, entities: [beck]))
        return SourceRanker(doc: doc, resolver: resolver)
    }

    /// The speaker of the mention of passage `p` whose words are `words`, or nil when none is.
    private func speaker(_ words: String, passage p: Int, _ ranker: SourceRanker) -> Speaker? {
        for m in ranker.mentions(p) where ranker.doc.string(m.first, through: m.last) == words { return ranker.speaker(m) }
        return nil
    }

    func testRelativePronounStandsForItsAntecedent() throws {
        let ranker = ranker()
        XCTAssertEqual(ranker.doc.passages.count, 3)
        let who = try XCTUnwrap(speaker("who", passage: 0, ranker))
        XCTAssertEqual(who.entity, "e1")
        XCTAssertEqual(who.name, "Glenn Beck")
        XCTAssertEqual(who.mention?.text, "who")
    }

    func testSentenceOpeningNounPhraseIsAMention() throws {
        let lawsuit = try XCTUnwrap(speaker("The lawsuit", passage: 1, ranker()))
        XCTAssertNil(lawsuit.entity)
        XCTAssertEqual(lawsuit.name, "The lawsuit")
        XCTAssertEqual(lawsuit.mention?.text, "The lawsuit")
    }

    func testPossessiveDeterminerResolvesLikeAPronoun() throws {
        let his = try XCTUnwrap(speaker("his", passage: 2, ranker()))
        XCTAssertEqual(his.entity, "e1")
        XCTAssertEqual(his.mention?.text, "his")
    }
}
