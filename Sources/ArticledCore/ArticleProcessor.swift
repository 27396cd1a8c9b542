import ArticleAnalysis
import ArticleIndex
import ArticleHTML
import Glibc
import Logging
import Spool

/// What a worker does with the names it takes: claim each, read it, analyse it, publish the
/// result or the failure, and log one line about it (with ARTICLE_FILE, ARTICLE_SHA256,
/// ANALYSIS_MS, ERROR).
///
/// Results of the names taken together are published together (`Spool.complete(_:)`: one outbox
/// fsync for all), so a backlog is not bound by two fsyncs per article; an idle daemon takes one
/// name at a time and publishes it at once.
///
/// Threads: an immutable value that every worker thread uses at once; `process` keeps its state
/// in locals. What it shares is itself thread-safe: `Spool` (no mutable state; claims are
/// arbitrated by rename and flock), the pipeline (a `Sendable` value) and `LiveSettings`, read
/// once per article so one article sees one configuration from claim to publication.
struct ArticleProcessor: Sendable {
    enum Outcome: Sendable, Equatable {
        case analysed
        case failed
        /// Claimed during shutdown and given back to the inbox.
        case released
        /// Another file of that name is being worked on; a later scan will take it.
        case busy
        /// Gone, a folder, or held by another process.
        case skipped
        /// The spool itself failed (I/O error); the input stays where it is for a later scan.
        case spoolError
    }

    let spool: Spool
    let pipeline: AnalysisPipeline
    let settings: LiveSettings
    /// For the daemon benchmark: skip the analysis, keep every file operation.
    let bareFileWork: Bool
    /// The article index, when it is on.
    var indexing: ArticleIndexing? = nil

    /// Results held for one publication at most; a batch of large articles is published in parts.
    static let publicationBytes = 4 << 20

    /// An analysed article waiting to be published.
    private struct Analysed {
        var completion: Spool.Completion
        var logger: Logger
        var indexed: IndexedArticle? = nil
    }

    /// Processes `items` in order; returns one outcome per item.
    func process(_ items: [WorkItem], isStopping: () -> Bool) -> [Outcome] {
        var outcomes = [Outcome](repeating: .skipped, count: items.count)
        var waiting: [(index: Int, analysed: Analysed)] = []
        var waitingBytes = 0
        func publishWaiting() {
            for (entry, outcome) in zip(waiting, publish(waiting.map(\.analysed))) { outcomes[entry.index] = outcome }
            waiting.removeAll()
            waitingBytes = 0
        }
        for (index, item) in items.enumerated() {
            switch analyse(item, isStopping: isStopping) {
            case .done(let outcome): outcomes[index] = outcome
            case .analysed(let analysed):
                waiting.append((index, analysed))
                waitingBytes += analysed.completion.result.count
                if waitingBytes >= Self.publicationBytes { publishWaiting() }
            }
        }
        if !waiting.isEmpty { publishWaiting() }
        return outcomes
    }

    private enum Step {
        case done(Outcome)
        case analysed(Analysed)
    }

    /// Claims, reads and analyses one name; failures are dealt with here.
    private func analyse(_ item: WorkItem, isStopping: () -> Bool) -> Step {
        let snapshot = settings.current
        let configuration = snapshot.configuration
        var logger = snapshot.logger
        logger[metadataKey: "article_file"] = .string(item.name.escaped)

        let claim: Spool.ClaimResult
        do {
            switch item.origin {
            case .inboxEvent: claim = try spool.claim(item.name)
            case .inboxScan: claim = try spool.claim(item.name, foundByScan: true)
            case .processing: claim = try spool.recover(item.name)
            }
        } catch {
            logger.error("cannot claim the article", metadata: ["error": .string(error.description)])
            return .done(.spoolError)
        }
        let article: ClaimedArticle
        switch claim {
        case .skipped: return .done(.skipped)
        case .busy:
            logger.debug("an article of the same name is being processed; it waits for the next scan")
            return .done(.busy)
        case .rejected(let failedAs, let record):
            logger.warning("article refused: \(record.message)", metadata: [
                "error": .string(record.code), "failed_as": .string(failedAs.escaped),
            ])
            return .done(.failed)
        case .claimed(let claimed): article = claimed
        }
        if isStopping() {
            spool.release(article)
            return .done(.released)
        }
        if article.recovered { logger.notice("recovering an article left in processing/ by an earlier run") }

        let bytes: [UInt8]
        do {
            bytes = try spool.read(article, maxBytes: configuration.maxBytes)
        } catch {
            return .done(fail(article, error, logger: logger))
        }
        let start = ContinuousClock.now
        let json: [UInt8]
        let sha256: String
        var indexed: IndexedArticle?
        if bareFileWork {
            sha256 = "bare-\(article.size)"
            json = Array("{\"bare_file_work\":true,\"bytes\":\(bytes.count)}\n".utf8)
        } else {
            let input = ArticleInput(bytes: bytes, name: item.name.lossyString, received: article.claimedAt)
            do {
                // Web pages (.html, .htm, .html.gz, or HTML by content) through the extractor; text as before.
                let reader = WebPageReader(maxInflatedBytes: configuration.maxBytes)
                var analysis = try reader.analyze(input, with: pipeline, clock: MonotonicStageClock())
                indexed = indexing?.prepare(&analysis)
                sha256 = analysis.source.sha256
                json = analysis.jsonBytes()
            } catch {
                let record = FailureRecord(code: error.code, message: error.description, bytes: bytes.count, sha256: SHA256.hex(bytes))
                return .done(fail(article, record, logger: logger))
            }
        }
        logger[metadataKey: "article_sha256"] = .string(sha256)
        logger[metadataKey: "analysis_ms"] = .string(Self.milliseconds(start.duration(to: .now)))

        let disposal: Spool.Disposal = configuration.afterSuccess == .delete ? .delete : .moveToProcessed
        return .analysed(Analysed(completion: Spool.Completion(article, result: json, sha256: sha256, disposal: disposal), logger: logger, indexed: indexed))
    }

    /// Publishes analysed articles together and logs each.
    private func publish(_ batch: [Analysed]) -> [Outcome] {
        let results = spool.complete(batch.map(\.completion))
        indexing?.record(zip(batch, results).compactMap { analysed, result in
            guard let record = analysed.indexed, case .success(let name) = result else { return nil }
            return (record, name, analysed.completion.article.recovered)
        })
        return zip(batch, results).map { analysed, result in
            switch result {
            case .success(let published):
                analysed.logger.info("article analysed", metadata: ["result": .string(published.escaped)])
                return .analysed
            case .failure(let error):
                analysed.logger.error("cannot publish the result; the article stays in processing/ and is retried", metadata: ["error": .string(error.description)])
                return .spoolError
            }
        }
    }

    private func fail(_ article: ClaimedArticle, _ record: FailureRecord, logger: Logger) -> Outcome {
        var logger = logger
        if let sha256 = record.sha256 { logger[metadataKey: "article_sha256"] = .string(sha256) }
        do {
            let failedAs = try spool.fail(article, record)
            logger.warning("article failed: \(record.message)", metadata: [
                "error": .string(record.code), "failed_as": .string(failedAs.escaped),
            ])
            return .failed
        } catch {
            logger.error("cannot move the article to failed/", metadata: ["error": .string(error.description)])
            return .spoolError
        }
    }

    /// `duration` in milliseconds with one decimal, rounded half up: 1.25 ms -> "1.3".
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = max(0, seconds * 10_000 + (attoseconds + 50_000_000_000_000) / 100_000_000_000_000)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
