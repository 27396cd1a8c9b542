import ArgumentParser
import ArticleIndex
import Foundation

/// `articled query entity NAME`: the articles that mention an entity, whatever the spelling.
struct QueryEntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Articles mentioning an entity (any name or alias), mention counts, names seen.",
        discussion: "A surname alone (\"Julani\") finds the person when only one person of that surname is known."
    )
    @Argument(help: "The entity's name or any alias.") var name: String
    @Option(help: "Articles listed per entity.") var limit = 50
    @OptionGroup var options: QueryOptions

    func run() throws {
        let reader = try options.open()
        let reports: [IndexReader.EntityReport]
        do { reports = try reader.entity(named: name, limit: limit) } catch { fail("\(error)") }
        if reports.isEmpty { fail("no entity named '\(name)' in the index") }
        if options.json {
            printJSON(reports.map { report in
                [
                    "type": report.type, "name": report.name, "names": report.names, "mentions": report.mentions,
                    "articles": report.articles.map { ["result": $0.result, "name": $0.name, "title": $0.title as Any, "name_in_article": $0.nameInArticle, "mentions": $0.mentions] },
                ] as [String: Any]
            })
            return
        }
        for (n, report) in reports.enumerated() {
            if n > 0 { print("") }
            print("\(report.name) (\(report.type)): \(report.mentions) mentions in \(report.articles.count) articles")
            print("names seen: \(report.names.joined(separator: ", "))")
            print("")
            printTable(["article", "mentions", "as", "title"], report.articles.map { [$0.name, String($0.mentions), $0.nameInArticle, $0.title ?? ""] })
        }
    }
}

/// `articled query quotes --speaker NAME | --about NAME`.
struct QueryQuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Quotes by a speaker (--speaker) or naming an entity (--about)."
    )
    @Option(help: "Quotes whose speaker is this entity.") var speaker: String?
    @Option(help: "Quotes by others that name this entity.") var about: String?
    @Option(help: "Only quotes of this kind: direct, indirect or claim.") var kind: String?
    @Option(help: "Quotes listed at most.") var limit = 200
    @OptionGroup var options: QueryOptions

    func validate() throws {
        if (speaker == nil) == (about == nil) { throw ValidationError("Give one of --speaker NAME or --about NAME.") }
    }

    func run() throws {
        let reader = try options.open()
        let name = speaker ?? about ?? ""
        var rows: [IndexReader.QuoteRow]
        do {
            let ids = try reader.entityIDs(named: name)
            if ids.isEmpty { fail("no entity named '\(name)' in the index") }
            rows = speaker != nil ? try reader.quotes(bySpeakers: ids, limit: limit) : try reader.quotes(about: ids, limit: limit)
        } catch { fail("\(error)") }
        if let kind { rows = rows.filter { $0.kind == kind } }
        if rows.isEmpty { fail("no quotes \(speaker != nil ? "by" : "about") '\(name)' in the index") }
        if options.json {
            printJSON(rows.map { ["result": $0.result, "name": $0.name, "kind": $0.kind, "text": $0.text, "speaker": $0.speaker as Any, "cue": $0.cue as Any] as [String: Any] })
            return
        }
        printTable(["article", "kind", "speaker", "quote"], rows.map { [$0.name, $0.kind, $0.speaker ?? "", $0.text] }, maxWidth: 100)
    }
}

/// `articled query search "PHRASE"`: full-text search with snippets.
struct QuerySearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Articles whose title or text holds a phrase (full text, case ignored), with snippets."
    )
    @Argument(help: "The words to find, in this order.") var phrase: String
    @Option(help: "Articles listed at most.") var limit = 20
    @OptionGroup var options: QueryOptions

    func run() throws {
        let reader = try options.open()
        let hits: [IndexReader.SearchHit]
        do { hits = try reader.search(phrase, limit: limit) } catch { fail("\(error)") }
        if hits.isEmpty { fail("no article holds '\(phrase)'") }
        if options.json {
            printJSON(hits.map { ["result": $0.result, "name": $0.name, "title": $0.title as Any, "snippet": $0.snippet] as [String: Any] })
            return
        }
        printTable(["article", "snippet"], hits.map { [$0.name, $0.snippet] }, maxWidth: 110)
    }
}

/// `articled query duplicates NAME`: an article's near-copies, earlier and later.
struct QueryDuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "Earlier articles an article repeats, and later ones that repeat it.",
        discussion: "NAME is the input's name (story.txt) or its result's (story.txt.json)."
    )
    @Argument(help: "The article's name.") var name: String
    @OptionGroup var options: QueryOptions

    func run() throws {
        let reader = try options.open()
        let reports: [IndexReader.DuplicateReport]
        do { reports = try reader.duplicates(of: name) } catch { fail("\(error)") }
        if reports.isEmpty { fail("no article named '\(name)' in the index") }
        if options.json {
            printJSON(reports.map { report in
                [
                    "result": report.result, "name": report.name,
                    "repeats": report.repeats.map { ["name": $0.name, "similarity": decimal($0.similarity)] as [String: Any] },
                    "repeated_by": report.repeatedBy.map { ["name": $0.name, "similarity": decimal($0.similarity)] as [String: Any] },
                ] as [String: Any]
            })
            return
        }
        for report in reports {
            let rows = report.repeats.map { ["repeats", $0.name, String(format: "%.4f", decimal($0.similarity))] }
                + report.repeatedBy.map { ["repeated by", $0.name, String(format: "%.4f", decimal($0.similarity))] }
            print("\(report.name) (\(report.result)): \(rows.isEmpty ? "no near-duplicates" : "\(rows.count) near-duplicates")")
            if !rows.isEmpty { printTable(["", "article", "similarity"], rows) }
        }
    }
}

/// `articled query stats`: what the index holds.
struct QueryStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts of what the index holds.")
    @OptionGroup var options: QueryOptions

    func run() throws {
        let reader = try options.open()
        let path = try options.location.resolved().index
        let stats: IndexReader.Statistics
        do { stats = try reader.statistics(path: path) } catch { fail("\(error)") }
        let rows: [(String, Int)] = [
            ("articles", stats.articles), ("entities", stats.entities), ("names", stats.names), ("quotes", stats.quotes),
            ("keyphrases", stats.keyphrases), ("articles with duplicates", stats.articlesWithDuplicates),
            ("bytes", stats.bytes), ("schema version", stats.schemaVersion),
        ]
        if options.json {
            printJSON(Dictionary(uniqueKeysWithValues: rows.map { ($0.0.replacingOccurrences(of: " ", with: "_"), $0.1) }).merging(["path": path]) { a, _ in a })
            return
        }
        print(path)
        printTable(["what", "count"], rows.map { [$0.0, String($0.1)] })
    }
}

/// `articled query dump`: the index's content as sorted lines, to compare two indexes.
struct QueryDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the index's content as sorted lines (independent of row ids), to compare indexes."
    )
    @OptionGroup var options: QueryOptions

    func run() throws {
        let reader = try options.open()
        do { for line in try reader.dump() { print(line) } } catch { fail("\(error)") }
    }
}
