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

    private func ranker(_ body: String? = nil) -> SourceRanker {
        let text = ScalarText(body ?? self.body)
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

    /// The hashed features of the mention `words` as the source of passage 0 of `body`.
    private func features(_ words: String, in body: String) throws -> [UInt64] {
        let ranker = ranker(body)
        let m = try XCTUnwrap(ranker.mentions(0).first { ranker.doc.string($0.first, through: $0.last) == words })
        var f = QuoteFeatures()
        ranker.features(m, 0, rule: nil, previous: nil, into: &f)
        return f.values
    }

    /// The ranker's feature `template` with values `a`, `b`, hashed by `QuoteFeatures.add` itself
    /// (after the bias feature that `start` adds).
    private func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        var f = QuoteFeatures()
        f.start(.directSource)
        f.add(template, a, b)
        return f[1]
    }

    func testSpeechVerbAFewWordsBeforeTheMention() throws {
        // "said" four words before "Beck", no other mention between; the mention after the quote
        // in its sentence (side 2, same sentence 2).
        let said = try features("Beck", in: "\u{201C}We will win this race easily,\u{201D} said a friend of Beck on Friday.")
        XCTAssertTrue(said.contains(feature(33, 4, 4)))
        let none = try features("Beck", in: "\u{201C}We will win this race easily,\u{201D} a friend of Beck noted on Friday.")
        XCTAssertTrue(none.contains(feature(33, 0, 4)))
        XCTAssertFalse(none.contains(feature(33, 4, 4)))
    }

    func testParagraphContinuity() throws {
        let body = "Glenn Beck spoke on Friday.\n\n\u{201C}We will win this race easily,\u{201D} the crowd heard."
        // The quote opens its paragraph (4) and Beck is one paragraph back (1 + 1), before it (side 1).
        XCTAssertTrue(try features("Glenn Beck", in: body).contains(feature(35, 4 + 2, 1)))
    }
}
