import ArticleAnalysis
import ArticleIndex
import ArticleHTML
import Glibc
import Logging
import Spool

/// What a worker does with the names it takes: claim each, read it, analyse it, publish the
/// result or the failure, and log one line about it (with ARTICLE_FILE, ARTICLE_SHA256,
/// ANALYSIS_MS, ERROR). In a burst, the info lines beyond `ArticleLogThrottle`'s allowance go
/// out at debug level and the daemon logs a summary instead; warnings always go out.
///
/// A result that cannot be written for a reason of the spool (disk full, I/O error, no
/// permission) leaves its article in `processing/` and reports `.blocked` (the daemon then backs
/// off and retries, see `WriteBlockage`); one that can never be written (its name would be too
/// long) sends the article to `failed/` (`unpublishable`). An article whose analysis was started
/// twice by processes that died during it goes to `failed/` as `crashed_analysis` instead of
/// being analysed a third time (see `Spool.unfinishedAnalyses`).
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
        /// The result could not be written (disk full, I/O error, read-only, no permission): the
        /// input stays in `processing/` and is retried once the fault clears.
        case blocked(SpoolError)
    }

    /// Analyses of one input that may die with the process before it is quarantined.
    static let crashedAnalysesAllowed = 1

    let spool: Spool
    let pipeline: AnalysisPipeline
    let settings: LiveSettings
    /// For the daemon benchmark: skip the analysis, keep every file operation.
    let bareFileWork: Bool
    /// The article index, when it is on.
    var indexing: ArticleIndexing? = nil
    /// Keeps the info lines about single articles below journald's rate limit in a burst.
    let throttle = ArticleLogThrottle()
    /// Large inputs take turns (`large_input_workers` at a time).
    let largeInputs = LargeInputGate()

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
            // A spool that refuses renames (read-only, I/O errors) blocks the work like results do.
            if WriteBlockage.isRetryable(error) {
                logger.debug("cannot claim the article yet", metadata: ["error": .string(error.description)])
                return .done(.blocked(error))
            }
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
            throttle.countFailed()
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
        // The sidecar is claimed with its article, so that it is filed with it whatever happens next.
        let published = bareFileWork ? nil : published(article, logger: logger)
        if article.recovered {
            let crashes = spool.unfinishedAnalyses(article)
            if crashes > Self.crashedAnalysesAllowed {
                let record = FailureRecord(code: "crashed_analysis", message: "the process died \(crashes) times while analysing this file; it is quarantined instead of being analysed again", bytes: article.size)
                return .done(fail(article, record, logger: logger))
            }
            let metadata: Logger.Metadata = crashes > 0 ? ["crashed_analyses": .stringConvertible(crashes)] : [:]
            logger.log(level: throttle.admit() ? .notice : .debug, "recovering an article left in processing/ by an earlier run", metadata: metadata)
        }

        let isLarge = article.size >= configuration.largeInputBytes
        if isLarge { largeInputs.enter(limit: configuration.largeInputWorkers) }
        defer {
            if isLarge {
                largeInputs.leave()
                // The analysis of a large input grew the heap; give the free pages back.
                HeapSettings.returnFreeMemory()
            }
        }
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
            let input = ArticleInput(bytes: bytes, name: item.name.lossyString, received: article.claimedAt, published: published)
            spool.analysisStarted(article)
            Self.trapOnTestMarker(bytes)
            // Web pages (.html, .htm, .html.gz, or HTML by content) through the extractor; text as before.
            let reader = WebPageReader(maxInflatedBytes: configuration.maxBytes)
            let analysed = Result { () throws(AnalysisError) in try reader.analyze(input, with: pipeline, clock: MonotonicStageClock()) }
            spool.analysisFinished(article)
            switch analysed {
            case .success(var analysis):
                indexed = indexing?.prepare(&analysis)
                sha256 = analysis.source.sha256
                json = analysis.jsonBytes()
            case .failure(let error):
                let record = FailureRecord(code: error.code, message: error.description, bytes: bytes.count, sha256: SHA256.hex(bytes))
                return .done(fail(article, record, logger: logger))
            }
        }
        logger[metadataKey: "article_sha256"] = .string(sha256)
        logger[metadataKey: "analysis_ms"] = .string(Self.milliseconds(start.duration(to: .now)))

        let disposal: Spool.Disposal = configuration.afterSuccess == .delete ? .delete : .moveToProcessed
        return .analysed(Analysed(completion: Spool.Completion(article, result: json, sha256: sha256, disposal: disposal), logger: logger, indexed: indexed))
    }

    /// The publication date from the article's sidecar, if it has a usable one.
    private func published(_ article: ClaimedArticle, logger: Logger) -> String? {
        guard let bytes = spool.takeSidecar(for: article) else { return nil }
        do { return try PublicationSidecar(json: bytes).published } catch {
            logger.warning("sidecar ignored: \(error.description)", metadata: ["error": .string("sidecar")])
            return nil
        }
    }

    /// Publishes analysed articles together and logs each. A result that cannot be written stays
    /// unwritten (its article in `processing/`) and is reported `.blocked` for the daemon to
    /// retry, unless retrying cannot help: then the article goes to `failed/`.
    private func publish(_ batch: [Analysed]) -> [Outcome] {
        let results = spool.complete(batch.map(\.completion))
        indexing?.record(zip(batch, results).compactMap { analysed, result in
            guard let record = analysed.indexed, case .success(let name) = result else { return nil }
            return (record, name, analysed.completion.article.recovered)
        })
        return zip(batch, results).map { analysed, result in
            switch result {
            case .success(let published):
                throttle.countAnalysed()
                analysed.logger.log(level: throttle.admit() ? .info : .debug, "article analysed", metadata: ["result": .string(published.escaped)])
                return .analysed
            case .failure(let error) where WriteBlockage.isRetryable(error):
                analysed.logger.debug("the result cannot be written yet; the article waits in processing/", metadata: ["error": .string(error.description)])
                return .blocked(error)
            case .failure(let error):
                let record = FailureRecord(code: "unpublishable", message: "the result cannot be written: \(error.description)", bytes: analysed.completion.article.size, sha256: analysed.completion.sha256)
                return fail(analysed.completion.article, record, logger: analysed.logger)
            }
        }
    }

    /// Debug builds only: an input containing the marker traps in the middle of its analysis, as
    /// a Swift runtime error in the pipeline would (for the poison-input tests).
    static func trapOnTestMarker(_ bytes: [UInt8]) {
        #if DEBUG
        let marker = Array("ARTICLED-TEST-TRAP-IN-ANALYSIS".utf8)
        if bytes.count >= marker.count, Spool.contains(bytes, marker) {
            fatalError("test marker: trapping in the analysis")
        }
        #endif
    }

    private func fail(_ article: ClaimedArticle, _ record: FailureRecord, logger: Logger) -> Outcome {
        var logger = logger
        if let sha256 = record.sha256 { logger[metadataKey: "article_sha256"] = .string(sha256) }
        do {
            let failedAs = try spool.fail(article, record)
            throttle.countFailed()
            logger.warning("article failed: \(record.message)", metadata: [
                "error": .string(record.code), "failed_as": .string(failedAs.escaped),
            ])
            return .failed
        } catch {
            if WriteBlockage.isRetryable(error) {
                logger.debug("cannot move the article to failed/ yet", metadata: ["error": .string(error.description)])
                return .blocked(error)
            }
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
