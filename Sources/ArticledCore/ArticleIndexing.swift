import ArticleAnalysis
import ArticleIndex
import Logging
import Spool

/// The daemon's use of the article index, in three calls: `prepare` before a result is written
/// (its `duplicates` come from the index), `record` after results are published, `reconcile` at
/// start. The outbox is the contract: an index error is logged and the article goes on; the
/// next start re-indexes whatever the index missed.
struct ArticleIndexing: Sendable {
    let index: ArticleIndex
    let threshold: Double
    let outbox: String
    let logger: Logger

    /// Opens the index the configuration names, or returns nil (logged) when it is off or
    /// cannot be opened: articles are then analysed and published without it.
    static func open(_ configuration: DaemonConfiguration, outbox: String, logger: Logger) -> ArticleIndexing? {
        guard configuration.indexEnabled else { return nil }
        do {
            let index = try ArticleIndex(path: configuration.resolvedIndexPath)
            // After a long article is written, the heap pages its writing took go back.
            index.returnFreeMemory = HeapSettings.returnFreeMemory
            if let old = index.migratedFrom {
                logger.notice("article index schema migrated", metadata: [
                    "index": .string(index.path), "from": .stringConvertible(old), "to": .stringConvertible(ArticleIndex.schemaVersion),
                ])
            }
            return ArticleIndexing(index: index, threshold: configuration.duplicateThreshold, outbox: outbox, logger: logger)
        } catch {
            logger.error("cannot open the article index; running without it", metadata: [
                "error": .string(error.description), "index": .string(configuration.resolvedIndexPath),
            ])
            return nil
        }
    }

    /// Sets `analysis.duplicates` from the index and returns the article's index record
    /// (its result name is set once published).
    func prepare(_ analysis: inout Analysis) -> IndexedArticle {
        var record = IndexedArticle(analysis)
        do {
            analysis.duplicates = try index.duplicates(of: record.signature, sha256: analysis.source.sha256, threshold: threshold)
            record.setDuplicates(analysis.duplicates)
        } catch {
            logger.error("cannot look up duplicates in the article index", metadata: ["error": .string(error.description)])
        }
        return record
    }

    /// Records published results. A recovered input whose result was already in the outbox is
    /// recorded from that file, the contract, rather than from this run's analysis.
    func record(_ published: [(record: IndexedArticle, result: FileName, recovered: Bool)]) {
        var records: [IndexedArticle] = []
        for entry in published {
            var record = entry.record
            record.result = entry.result.lossyString
            if entry.recovered {
                guard let stored = try? IndexedArticle(outbox: outbox, result: record.result) else { continue }
                record = stored
            }
            records.append(record)
        }
        // Written by the index's background thread in large transactions; a crash before then
        // loses nothing the outbox has (the next start's reconcile indexes it).
        let logger = logger
        index.enqueue(records) { error in
            logger.error("cannot record articles in the article index; the next start re-indexes them", metadata: ["error": .string(error.description)])
        }
    }

    /// Waits until every recorded article is written (at shutdown).
    func flush() { index.flush() }

    /// Brings the index in line with the outbox (see `ArticleIndex.reconcile(outbox:)`).
    func reconcile() {
        do {
            let report = try index.reconcile(outbox: outbox)
            if report.added > 0 || report.removed > 0 {
                logger.notice("article index brought in line with the outbox", metadata: [
                    "added": .stringConvertible(report.added), "removed": .stringConvertible(report.removed),
                ])
            }
            for problem in report.unreadable {
                logger.warning("an outbox file is not an analysis; not indexed", metadata: ["error": .string(problem)])
            }
        } catch {
            logger.error("cannot reconcile the article index with the outbox", metadata: ["error": .string(error.description)])
        }
    }
}
