import ArticleAnalysis
import Glibc
import Logging
import Spool

/// What a worker does with one name: claim it, read it, analyse it, publish the result or the
/// failure, and log one line about it (with ARTICLE_FILE, ARTICLE_SHA256, ANALYSIS_MS, ERROR).
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
    let logger: Logger
    /// For the daemon benchmark: skip the analysis, keep every file operation.
    let bareFileWork: Bool

    func process(_ item: WorkItem, isStopping: () -> Bool) -> Outcome {
        let snapshot = settings.current
        var logger = self.logger
        logger.logLevel = snapshot.logLevel
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
            return .spoolError
        }
        let article: ClaimedArticle
        switch claim {
        case .skipped: return .skipped
        case .busy:
            logger.debug("an article of the same name is being processed; it waits for the next scan")
            return .busy
        case .rejected(let failedAs, let record):
            logger.warning("article refused: \(record.message)", metadata: [
                "error": .string(record.code), "failed_as": .string(failedAs.escaped),
            ])
            return .failed
        case .claimed(let claimed): article = claimed
        }
        if isStopping() {
            spool.release(article)
            return .released
        }
        if article.recovered { logger.notice("recovering an article left in processing/ by an earlier run") }

        let bytes: [UInt8]
        do {
            bytes = try spool.read(article, maxBytes: snapshot.maxBytes)
        } catch {
            return fail(article, error, logger: logger)
        }
        let start = MonotonicStageClock().nanoseconds()
        let json: [UInt8]
        let sha256: String
        if bareFileWork {
            sha256 = "bare-\(article.size)"
            json = Array("{\"bare_file_work\":true,\"bytes\":\(bytes.count)}\n".utf8)
        } else {
            let input = ArticleInput(bytes: bytes, name: item.name.lossyString, received: article.claimedAt)
            do {
                let analysis = try pipeline.analyze(input, clock: MonotonicStageClock())
                sha256 = analysis.source.sha256
                json = analysis.jsonBytes()
            } catch {
                let record = FailureRecord(code: error.code, message: error.description, bytes: bytes.count, sha256: SHA256.hex(bytes))
                return fail(article, record, logger: logger)
            }
        }
        let milliseconds = Double(MonotonicStageClock().nanoseconds() - start) / 1_000_000
        logger[metadataKey: "article_sha256"] = .string(sha256)
        logger[metadataKey: "analysis_ms"] = .string(Self.format(milliseconds))

        do {
            let disposal: Spool.Disposal = snapshot.afterSuccess == .delete ? .delete : .moveToProcessed
            let published: FileName
            do {
                published = try spool.complete(article, result: json, sha256: sha256, disposal: disposal)
            } catch where error.errno == ENOENT {
                // A spool folder was deleted under us: re-create the folders and try once more.
                try spool.layout.createFolders()
                published = try spool.complete(article, result: json, sha256: sha256, disposal: disposal)
            }
            logger.info("article analysed", metadata: ["result": .string(published.escaped)])
            return .analysed
        } catch {
            logger.error("cannot publish the result; the article stays in processing/ and is retried", metadata: ["error": .string(error.description)])
            return .spoolError
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

    static func format(_ milliseconds: Double) -> String {
        let tenths = Int((milliseconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
