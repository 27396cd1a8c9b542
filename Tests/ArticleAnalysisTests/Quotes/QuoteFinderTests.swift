import ArticleAnalysis
import ArticleModels
import XCTest

/// Behaviour of the quotes stage on small hand-made texts and on the reference article.
final class QuoteFinderTests: XCTestCase {
    // MARK: Helpers

    private func find(_ body: String, entities: [Entity] = []) -> (ScalarText, [Quote]) {
        let text = ScalarText(body)
        return (text, QuoteFinder().find(text, Segmenter().segment(text), entities))
    }

    private func direct(_ quotes: [Quote]) -> [Quote] { quotes.filter { $0.kind == .direct } }

    /// Code-point spans of every occurrence of `needle` in `text`.
    private func spans(of needle: String, in text: ScalarText) -> [TextSpan] {
        let n = Array(needle.unicodeScalars), s = text.scalars
        guard n.count <= s.count else { return [] }
        var found: [TextSpan] = []
        for i in 0...(s.count - n.count) where s[i] == n[0] && Array(s[i..<(i + n.count)]) == n {
            found.append(TextSpan(start: i, end: i + n.count))
        }
        return found
    }

    /// An entity whose mentions are every occurrence of each surface form.
    private func entity(_ id: String, _ type: EntityType, _ name: String, _ forms: [String], in text: ScalarText) -> Entity {
        var mentions: [Mention] = []
        for form in forms { for span in spans(of: form, in: text) { mentions.append(Mention(span: span, text: form)) } }
        // A shorter form inside a longer one is not a mention of its own.
        mentions.sort { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.span.end > $1.span.end }
        var kept: [Mention] = []
        for m in mentions where !(kept.last.map { $0.span.contains(m.span) } ?? false) { kept.append(m) }
        return Entity(id: id, type: type, name: name, aliases: forms, salience: 1, mentions: kept)
    }

    // MARK: The reference article

    static let reference = [
        "The leader of Jabhat al-Nusrah, al-Qaeda’s official offshoot in Syria, has ordered his network of Islamic militants not to use Syria as a base from which to launch attacks on the West.",
        "In an interview with Al Jazeera, Abu Mohammed al-Julani said al-Nusrah was entirely focused on toppling embattled Syrian president Bashar al-Assad and capturing Damascus.",
        "Speaking to Ahmed Mansour, al-Julani said:",
        "“We are only here to accomplish one mission, to fight the regime and its agents on the ground, including Hezbollah and others.",
        "He continued:",
        "“Al-Nusra Front doesn’t have any plans or directives to target the West. We received clear orders not to use Syria as a launching pad to attack the US or Europe in order to not sabotage the true mission against the regime. Maybe al-Qaeda does that, but not here in Syria.”",
        "Al-Julani, who sat for the interview with his back to the camera, also promised to protect minority groups that have joined the uprising against the Assad regime.",
        "The militant leader’s comments are a direct contradiction to stories from US intelligence, where they claim to have been tracking a shadowy organisation known as the “Khorasan Group”, has been tasked by al-Qaeda with plotting attacks on the West form its base in Syria. The US has targeted the group in air strikes, but details of any individuals involved the it have been sparse.",
        "Al-Nusrah, which has been designated an official terrorist organisation by US authorities, hopes that the details of their plans within Syria will cause the West to rethink its strategy towards the group, and permit the flow of money and weapons to it and its allies in their fight against Assad.",
        "Al-Nusrah have long been one of the strongest of the numerous rebel groups fighting Assad, in part due to their superior financial backing thanks to al-Qaeda’s well established fund-raising abilities, and in part because of their radical Islamist beliefs that approve of the use of suicide bombers to break enemy lines.",
        "Despite many of the group’s followers holding similar radical Islamist beliefs as those of the Islamic State, the two groups split in 2013 and have since been bitter rivals with very different priorities. While the IS was quick to declare a Caliphate and declare its leader the Caliph of the whole Muslim world and has fought against other rebel groups as often as the regimes in Syria and Iraq, al-Nusrah has been more focused on building alliances with other rebel groups within Syria’s borders to oust Assad.",
    ]

    private func referenceEntities(_ text: ScalarText) -> [Entity] {
        [
            entity("e1", .organization, "Jabhat al-Nusrah", ["Jabhat al-Nusrah", "al-Nusrah", "Al-Nusrah", "Al-Nusra Front"], in: text),
            entity("e2", .person, "Abu Mohammed al-Julani", ["Abu Mohammed al-Julani", "al-Julani", "Al-Julani"], in: text),
            entity("e3", .organization, "al-Qaeda", ["al-Qaeda"], in: text),
            entity("e4", .person, "Bashar al-Assad", ["Bashar al-Assad", "Assad"], in: text),
            entity("e5", .person, "Ahmed Mansour", ["Ahmed Mansour"], in: text),
            entity("e6", .organization, "Al Jazeera", ["Al Jazeera"], in: text),
            entity("e7", .organization, "Hezbollah", ["Hezbollah"], in: text),
            entity("e8", .organization, "Khorasan Group", ["Khorasan Group"], in: text),
            entity("e9", .location, "Syria", ["Syria"], in: text),
            entity("e10", .location, "US", ["US"], in: text),
        ]
    }

    private func checkReference(_ quotes: [Quote], _ text: ScalarText, julaniEntity: String?,
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(quotes.count, 4, "\(quotes.map { "\($0.kind) \($0.text)" })", file: file, line: line)
        let direct = self.direct(quotes)
        XCTAssertEqual(direct.count, 2, file: file, line: line)
        guard direct.count == 2 else { return }
        XCTAssertTrue(direct[0].text.hasPrefix("We are only here to accomplish one mission"), file: file, line: line)
        XCTAssertTrue(direct[0].text.hasSuffix("including Hezbollah and others."), file: file, line: line)
        XCTAssertEqual(direct[0].flags, ["unclosed"], file: file, line: line)
        XCTAssertTrue(direct[1].text.hasPrefix("Al-Nusra Front doesn’t have any plans"), file: file, line: line)
        XCTAssertTrue(direct[1].text.hasSuffix("but not here in Syria."), file: file, line: line)
        XCTAssertEqual(direct[1].flags, [], file: file, line: line)
        for quote in direct {
            XCTAssertEqual(who(quote.speaker), Speaker(entity: julaniEntity, name: "Abu Mohammed al-Julani"), file: file, line: line)
            XCTAssertEqual(text[quote.span], quote.text, file: file, line: line)
        }
        XCTAssertEqual(direct[1].cue?.text, "continued", file: file, line: line)

        let indirect = quotes.filter { $0.kind == .indirect }
        XCTAssertEqual(indirect.count, 1, file: file, line: line)
        XCTAssertEqual(indirect.first?.cue?.text, "said", file: file, line: line)
        XCTAssertEqual(indirect.first?.text, "al-Nusrah was entirely focused on toppling embattled Syrian president Bashar al-Assad and capturing Damascus", file: file, line: line)
        XCTAssertEqual(who(indirect.first?.speaker), Speaker(entity: julaniEntity, name: "Abu Mohammed al-Julani"), file: file, line: line)

        let claims = quotes.filter { $0.kind == .claim }
        XCTAssertEqual(claims.count, 1, file: file, line: line)
        XCTAssertEqual(claims.first?.cue?.text, "claim", file: file, line: line)
        XCTAssertEqual(claims.first?.speaker?.name, "US intelligence", file: file, line: line)
        XCTAssertTrue(claims.first?.text.hasPrefix("to have been tracking a shadowy organisation known as the “Khorasan Group”") ?? false, file: file, line: line)
        XCTAssertTrue(claims.first?.text.contains("tasked by al-Qaeda with plotting attacks on the West") ?? false, file: file, line: line)
    }

    func testReferenceArticleWithEntities() {
        let text = ScalarText(Self.reference.joined(separator: "\n\n"))
        let quotes = QuoteFinder().find(text, Segmenter().segment(text), referenceEntities(text))
        checkReference(quotes, text, julaniEntity: "e2")
    }

    func testReferenceArticleWithoutEntitiesFallsBackToNames() {
        let (text, quotes) = find(Self.reference.joined(separator: "\n\n"))
        checkReference(quotes, text, julaniEntity: nil)
    }

    func testReferenceArticleWithLeadInJoinedToItsQuote() {
        // The cleaner joins a short lead-in ("He continued:") to the paragraph it introduces.
        var paragraphs = Self.reference
        paragraphs[4] = paragraphs[4] + " " + paragraphs[5]
        paragraphs.remove(at: 5)
        let text = ScalarText(paragraphs.joined(separator: "\n\n"))
        let quotes = QuoteFinder().find(text, Segmenter().segment(text), referenceEntities(text))
        checkReference(quotes, text, julaniEntity: "e2")
    }

    /// The speaker without its mention: who, not where.
    private func who(_ speaker: Speaker?) -> Speaker? { speaker.map { Speaker(entity: $0.entity, name: $0.name) } }

    /// The bundled pipeline attributes quotes with the shipped model unless asked for the rules.
    func testBundledPipelineUsesTheLearnedModelByDefault() throws {
        XCTAssertFalse(try AnalysisPipeline.bundled().quoteFinder.model.isEmpty)
        XCTAssertTrue(try AnalysisPipeline.bundled(learnedQuotes: false).quoteFinder.model.isEmpty)
    }

    func testReferenceArticleWithTheShippedModel() throws {
        let text = ScalarText(Self.reference.joined(separator: "\n\n"))
        let finder = QuoteFinder(model: try BundledModels.quoteModel())
        let quotes = finder.find(text, Segmenter().segment(text), referenceEntities(text))
        let direct = self.direct(quotes)
        XCTAssertEqual(direct.count, 2)
        guard direct.count == 2 else { return }
        XCTAssertTrue(direct[0].text.hasPrefix("We are only here to accomplish one mission"))
        XCTAssertEqual(direct[0].flags, ["unclosed"])
        XCTAssertTrue(direct[1].text.hasPrefix("Al-Nusra Front doesn’t have any plans"))
        for quote in direct + quotes.filter({ $0.kind != .direct }) {
            // Every mention and cue is the text at its span.
            if let mention = quote.speaker?.mention { XCTAssertEqual(text[mention.span], mention.text) }
            if let cue = quote.cue { XCTAssertEqual(text[cue.span], cue.text) }
        }
        for quote in direct { XCTAssertEqual(who(quote.speaker), Speaker(entity: "e2", name: "Abu Mohammed al-Julani")) }
        XCTAssertEqual(direct[1].cue?.text, "continued")
        XCTAssertEqual(direct[1].speaker?.mention?.text, "He")

        let indirect = quotes.first { $0.kind == .indirect && $0.text.hasPrefix("al-Nusrah was entirely focused on toppling") }
        XCTAssertEqual(who(indirect?.speaker), Speaker(entity: "e2", name: "Abu Mohammed al-Julani"))
        XCTAssertEqual(indirect?.speaker?.mention?.text, "Abu Mohammed al-Julani")
        XCTAssertEqual(indirect?.cue?.text, "said")

        let claims = quotes.filter { $0.kind == .claim }
        XCTAssertEqual(claims.count, 1)
        XCTAssertEqual(claims.first?.cue?.text, "claim")
        XCTAssertEqual(claims.first?.speaker?.name, "US intelligence")
        XCTAssertEqual(claims.first?.speaker?.mention?.text, "they")
        XCTAssertTrue(claims.first?.text.hasPrefix("to have been tracking a shadowy organisation") ?? false)

        // Reported items never overlap each other or a direct quote ("have long been" is one item).
        let reported = quotes.filter { $0.kind != .direct }
        for (i, a) in reported.enumerated() {
            for b in reported[(i + 1)...] { XCTAssertFalse(a.span.overlaps(b.span), "\(a.text) / \(b.text)") }
            for d in direct { XCTAssertFalse(a.span.overlaps(d.span), "\(a.text) / \(d.text)") }
        }
    }

    // MARK: Direct quotes

    func testQuoteSplitAroundAttribution() {
        let body = "Jane Smith runs the shelter.\n\n“It is hard,” she said, “but we will manage.”"
        let text = ScalarText(body)
        let smith = entity("e1", .person, "Jane Smith", ["Jane Smith"], in: text)
        let quotes = direct(QuoteFinder().find(text, Segmenter().segment(text), [smith]))
        XCTAssertEqual(quotes.map(\.text), ["It is hard,", "but we will manage."])
        XCTAssertEqual(quotes.map { $0.speaker?.entity }, ["e1", "e1"])
        XCTAssertEqual(quotes.map(\.cue?.text), ["said", "said"])
    }

    func testStraightMarksAndInvertedAttribution() {
        let (_, quotes) = find("\"The search is complete,\" said Deputy Minister Alexander Chupriyan on Wednesday.")
        XCTAssertEqual(direct(quotes).map(\.text), ["The search is complete,"])
        XCTAssertEqual(who(direct(quotes).first?.speaker), Speaker(entity: nil, name: "Alexander Chupriyan"))
    }

    func testMultiParagraphQuoteIsOneQuote() {
        let body = "Maria Lopez, the mayor, gave a statement.\n\n“The first part of the statement goes here.\n\n“The second part continues without a closing mark above.\n\n“And the last part ends it,” Lopez said."
        let text = ScalarText(body)
        let quotes = direct(QuoteFinder().find(text, Segmenter().segment(text), []))
        XCTAssertEqual(quotes.count, 1)
        XCTAssertEqual(quotes.first?.text, "The first part of the statement goes here.\n\nThe second part continues without a closing mark above.\n\nAnd the last part ends it,")
        XCTAssertEqual(quotes.first?.flags, ["multi-paragraph"])
        XCTAssertEqual(quotes.first?.speaker?.name, "Maria Lopez")
    }

    func testUnclosedQuoteEndsAtParagraphEnd() {
        let (text, quotes) = find("Tom Baker said: “We will rebuild the bridge this year.\n\nThe council meets on Monday.")
        XCTAssertEqual(direct(quotes).map(\.text), ["We will rebuild the bridge this year."])
        XCTAssertEqual(direct(quotes).first?.flags, ["unclosed"])
        XCTAssertEqual(direct(quotes).first.map { text[$0.span] }, "We will rebuild the bridge this year.")
        XCTAssertEqual(direct(quotes).first?.speaker?.name, "Tom Baker")
    }

    func testNestedSingleQuotesStayInsideTheQuote() {
        let (_, quotes) = find("Spokesperson Carla Weibl said \"The name 'Alan Kurdi' shall be a reminder of our work.\"")
        XCTAssertEqual(direct(quotes).map(\.text), ["The name 'Alan Kurdi' shall be a reminder of our work."])
        XCTAssertEqual(direct(quotes).first?.speaker?.name, "Carla Weibl")
    }

    func testScareQuotesAndTitlesAreNotQuotes() {
        let body = """
            Time named her its "Person of the Year". Engineers worry about "road load", a measure of drag. \
            The site, known as "Welcome To Video", was closed. Storms of that size are considered "major" hurricanes.
            """
        let (_, quotes) = find(body)
        XCTAssertEqual(direct(quotes), [])
    }

    func testShortQuoteRightAfterSpeechVerbIsSpeech() {
        let (_, quotes) = find("Boris Johnson said he remained \"cautiously optimistic\" a deal would be reached.")
        XCTAssertEqual(direct(quotes).map(\.text), ["cautiously optimistic"])
        XCTAssertEqual(direct(quotes).first?.speaker?.name, "Boris Johnson")
    }

    // MARK: Speakers

    func testDescriptionResolvesToRecentEntity() {
        let body = "Acme Corp announced record profits. Anna Berg leads its press office.\n\n\"We are delighted,\" the spokeswoman said."
        let text = ScalarText(body)
        let entities = [
            entity("e1", .organization, "Acme Corp", ["Acme Corp"], in: text),
            entity("e2", .person, "Anna Berg", ["Anna Berg"], in: text),
        ]
        let quotes = direct(QuoteFinder().find(text, Segmenter().segment(text), entities))
        XCTAssertEqual(quotes.first?.speaker?.entity, "e2")
    }

    func testPronounSkipsTheInterviewer() {
        let body = "Speaking to Martin Smith of PBS, Karen Holt said the plan had failed.\n\nShe added: \"Nobody wanted it to end this way.\""
        let text = ScalarText(body)
        let entities = [
            entity("e1", .person, "Karen Holt", ["Karen Holt"], in: text),
            entity("e2", .person, "Martin Smith", ["Martin Smith"], in: text),
            entity("e3", .organization, "PBS", ["PBS"], in: text),
        ]
        let quotes = direct(QuoteFinder().find(text, Segmenter().segment(text), entities))
        XCTAssertEqual(quotes.first?.speaker?.entity, "e1")
        XCTAssertEqual(quotes.first?.cue?.text, "added")
    }

    func testAffiliationIsNotTheSpeaker() {
        let body = "Nikki Holland of the UK's National Crime Agency (NCA) said, \"Offenders cannot hide from law enforcement.\""
        let (_, quotes) = find(body)
        XCTAssertEqual(direct(quotes).first?.speaker?.name, "Nikki Holland")
    }

    func testFallbackSpeakerUsesLongestFormOfTheName() {
        let body = "Nancy Pelosi was elected Speaker.\n\n\"I pledge that this Congress will be transparent,\" Pelosi told the public."
        let (_, quotes) = find(body)
        XCTAssertEqual(who(direct(quotes).first?.speaker), Speaker(entity: nil, name: "Nancy Pelosi"))
        XCTAssertEqual(direct(quotes).first?.cue?.text, "told")
    }

    // MARK: Reported speech and claims

    func testAccordingToIsIndirectSpeech() {
        let (_, quotes) = find("According to the BBC, residents were doing most of the rescue work themselves.")
        XCTAssertEqual(quotes.map(\.kind), [.indirect])
        XCTAssertEqual(quotes.first?.text, "residents were doing most of the rescue work themselves")
        XCTAssertEqual(quotes.first?.speaker?.name, "BBC")
        XCTAssertEqual(quotes.first?.cue?.text, "According to")  // as written
    }

    func testIndirectSpeechAfterThat() {
        // A one-word name opening a sentence counts as a name once it is also seen inside one.
        let (_, quotes) = find("On Friday, Ford said in a filing to regulators that the investigation started in February.")
        XCTAssertEqual(quotes.map(\.kind), [.indirect])
        XCTAssertEqual(quotes.first?.text, "the investigation started in February")
        XCTAssertEqual(quotes.first?.speaker?.name, "Ford")
    }

    func testDenialIsAClaim() {
        let (_, quotes) = find("The FSB denies the two explosions are related; reports describe speculation.")
        XCTAssertEqual(quotes.map(\.kind), [.claim])
        XCTAssertEqual(quotes.first?.text, "the two explosions are related")
        XCTAssertEqual(quotes.first?.cue?.text, "denies")
        XCTAssertEqual(quotes.first?.speaker?.name, "FSB")
    }

    func testPassiveAndAdjectiveFormsAreNotReportedSpeech() {
        let (_, quotes) = find("The site was said to have begun in June. Its alleged operator Jong Woo Son is in prison.")
        XCTAssertEqual(quotes, [])
    }

    func testNoQuotesInPlainText() {
        let (_, quotes) = find("The bridge opened in 1990. It carries four lanes of traffic.")
        XCTAssertEqual(quotes, [])
    }
}
