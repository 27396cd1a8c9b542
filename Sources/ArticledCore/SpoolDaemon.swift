import ArticleAnalysis
import Foundation
import Glibc
import Logging
import Spool
import Synchronization
import SystemdSupport

/// The daemon's engine: one control thread that watches and scans the inbox and talks to
/// systemd, and a pool of worker threads that claim and analyse articles.
///
/// Analysis is CPU-bound and synchronous, so it runs on dedicated threads rather than on the
/// Swift concurrency pool. The control loop:
/// - at start arms the inotify watch, sends READY=1, then recovers what is left in `processing/`
///   and scans the inbox (oldest first), so a large backlog does not delay READY;
/// - feeds inotify names and scan results into the bounded `WorkQueue`, rescanning when the queue
///   drains after refusing names, on IN_Q_OVERFLOW, and every `rescanSeconds` (that periodic scan
///   also recovers files in `processing/` that no live process holds);
/// - when the inbox is deleted or moved away, re-creates it (with its original mode) and watches
///   it again; if that fails, `run()` throws and the process exits non-zero for systemd to
///   restart it;
/// - when results cannot be written (disk full, I/O error, read-only spool, no permission on the
///   outbox) stops claiming from the inbox, says so in STATUS= and in a journal warning, and
///   retries one article from `processing/` with a capped exponential backoff; the first result
///   written again resumes the work by itself (see `WriteBlockage`);
/// - sends WATCHDOG=1 from the loop itself, so a wedged loop stops the pings, and keeps STATUS=
///   current;
/// - on `requestReload()` (SIGHUP) sends RELOADING=1, re-reads the configuration, applies what can
///   change live (workers, max_bytes, after_success, queue_limit, rescan_seconds, logging level),
///   keeps the old configuration when the new one is broken, and sends READY=1;
/// - on `requestStop()` (SIGTERM) sends STOPPING=1, takes no new files, lets the workers finish
///   the articles they are analysing (a file claimed after the stop is renamed back to the inbox)
///   and returns.
public final class SpoolDaemon: @unchecked Sendable {
    public typealias ConfigurationLoader = @Sendable () throws -> DaemonConfiguration

    private var configuration: DaemonConfiguration
    private let loadConfiguration: ConfigurationLoader
    private let spool: Spool
    private let watcher: InboxWatcher
    private let queue: WorkQueue
    private let settings: LiveSettings
    private let counters = DaemonCounters()
    private let blockage = WriteBlockage()
    /// Files in the inbox at the last scan (the backlog, for STATUS=).
    private let inboxWaiting = Atomic<Int>(0)
    /// Set by a worker whose result ended a blockage: the control loop rescans everything.
    private let resumeRequested = Atomic<Bool>(false)
    private let processor: ArticleProcessor
    private let notifier: ServiceNotifier
    private var logger: Logger
    private let stopRequested = Atomic<Bool>(false)
    private let reloadRequested = Atomic<Bool>(false)

    /// Creates the spool folders, removes stale temporary files and arms the inotify watch.
    public init(
        configuration: DaemonConfiguration,
        loadConfiguration: @escaping ConfigurationLoader,
        pipeline: AnalysisPipeline,
        notifier: ServiceNotifier = ServiceNotifier(),
        logger: Logger,
        bareFileWork: Bool = false
    ) throws {
        self.configuration = configuration
        self.loadConfiguration = loadConfiguration
        self.notifier = notifier
        self.logger = logger
        self.logger.logLevel = configuration.logLevel
        spool = try Spool(layout: SpoolLayout(root: configuration.spoolRoot))
        watcher = try InboxWatcher(path: spool.layout.inbox)
        queue = WorkQueue(capacity: configuration.queueLimit)
        settings = LiveSettings(configuration)
        processor = ArticleProcessor(spool: spool, pipeline: pipeline, settings: settings, logger: logger, bareFileWork: bareFileWork)
        queue.onLowWater = { [watcher] in watcher.wake() }
    }

    /// Asks the daemon to stop (SIGTERM). Safe from any thread.
    public func requestStop() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        watcher.wake()
    }

    /// Asks the daemon to reload its configuration (SIGHUP). Safe from any thread.
    public func requestReload() {
        reloadRequested.store(true, ordering: .sequentiallyConsistent)
        watcher.wake()
    }

    private var isStopping: Bool { stopRequested.load(ordering: .relaxed) }

    /// Runs until `requestStop()`; blocks the calling thread.
    public func run() throws {
        var recoverProcessing = true
        // READY as soon as the watch is armed (in init): nothing dropped from now on is missed,
        // and a backlog of 100,000 files, scanned next, does not hold up TimeoutStartSec.
        startWorkers()
        notifier.ready(status: statusText())
        logger.notice("articled is watching \(spool.layout.inbox)", metadata: [
            "workers": .stringConvertible(workerCount), "max_bytes": .stringConvertible(configuration.maxBytes),
        ])
        if watcher.isPolling { logPolling() }
        scan(recoverProcessing: &recoverProcessing)
        var nextPoll = Self.now()
        var nextWatchRetry = Self.now() + Self.watchRetrySeconds

        var lastStatus = ""
        var nextScan = Self.now() + configuration.rescanSeconds
        var nextPing = Self.now()
        var nextBlockedWarning = ContinuousClock.now + Self.blockedWarningInterval
        defer { shutDown() }
        while !isStopping {
            if reloadRequested.exchange(false, ordering: .sequentiallyConsistent) {
                reload()
                nextScan = min(nextScan, Self.now() + configuration.rescanSeconds)
            }
            if resumeRequested.exchange(false, ordering: .sequentiallyConsistent) {
                recoverProcessing = true
                nextScan = Self.now()
            }
            let blocked = blockage.current
            if let blocked {
                // Nothing new is claimed; only the retries below touch the spool.
                nextScan = max(nextScan, Self.now() + 1)
                let now = ContinuousClock.now
                if blockage.takeRetry(now: now) { retryOneBlockedArticle() }
                if now >= nextBlockedWarning {
                    logBlocked(blocked, still: true)
                    nextBlockedWarning = now + Self.blockedWarningInterval
                }
            } else {
                nextBlockedWarning = ContinuousClock.now + Self.blockedWarningInterval
            }
            var wantsScan = blocked == nil && queue.isStarved && queue.isBelowLowWater
            if watcher.isPolling, blocked == nil, Self.now() >= nextPoll {
                // No inotify watch (max_user_watches exhausted): scan every second instead.
                wantsScan = true
                nextPoll = Self.now() + 1
                if Self.now() >= nextWatchRetry {
                    nextWatchRetry = Self.now() + Self.watchRetrySeconds
                    if watcher.retryWatch() { logger.notice("the inbox is watched with inotify again; polling stops") }
                }
            }
            if blocked == nil, Self.now() >= nextScan {
                wantsScan = true
                recoverProcessing = true
                nextScan = Self.now() + configuration.rescanSeconds
            }

            if let summary = processor.throttle.takeSummary() {
                processor.logger.notice("busy: \(summary.analysed) articles analysed and \(summary.failed) failed in the last \(Int(Self.seconds(ArticleLogThrottle.window))) s; \(summary.demoted) lines about single articles went to debug level", metadata: [
                    "analysed": .stringConvertible(summary.analysed), "failed": .stringConvertible(summary.failed),
                    "demoted": .stringConvertible(summary.demoted),
                ])
            }
            let interval = notifier.watchdogInterval
            if interval != nil, Self.now() >= nextPing {
                notifier.watchdogPing()
                nextPing = Self.now() + Self.seconds(interval!)
            }
            let status = statusText()
            if status != lastStatus {
                notifier.status(status)
                lastStatus = status
            }

            if wantsScan {
                if !scan(recoverProcessing: &recoverProcessing) {
                    // The inbox is gone or was replaced by a symbolic link, and no event said so
                    // (e.g. while polling): re-create it, or exit for systemd to restart.
                    try rearm()
                }
                continue
            }
            var timeout = min(1.0, max(0, nextScan - Self.now()))
            if interval != nil { timeout = min(timeout, max(0, nextPing - Self.now())) }
            for event in watcher.wait(timeoutMilliseconds: Int32(timeout * 1000)) {
                if blocked != nil, event != .inboxGone {
                    // Files wait in the inbox; the scan after the blockage finds them.
                    if event == .overflow { logger.debug("inotify queue overflowed while blocked") }
                    continue
                }
                switch event {
                case .completed(let name):
                    if !name.isIgnored { queue.add(WorkItem(name: name, origin: .inboxEvent)) }
                case .created(let name):
                    // Regular files wait for their close; links, FIFOs and the like get no other event.
                    if !name.isIgnored, !Self.isRegularFileOrFolder(spool.layout.inbox, name) {
                        queue.add(WorkItem(name: name, origin: .inboxEvent))
                    }
                case .overflow:
                    logger.warning("inotify queue overflowed; rescanning the inbox")
                    nextScan = Self.now()
                case .inboxGone:
                    try rearm()
                    nextScan = Self.now()
                }
            }
        }
    }

    private var workerCount: Int { configuration.resolvedWorkers(cores: ProcessInfo.processInfo.activeProcessorCount) }

    private func startWorkers() {
        let missing = queue.setWorkers(workerCount)
        for _ in 0..<missing {
            let thread = Thread { [self] in workerLoop() }
            thread.name = "articled-worker"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Names a worker takes at once from a backlog; their results are published together.
    static let batchLimit = 16

    private func workerLoop() {
        while let taken = queue.take(upTo: Self.batchLimit) {
            // While results cannot be written, inbox files are not claimed: they wait in the inbox.
            var items = taken
            if blockage.isBlocked {
                items = taken.filter { $0.origin == .processing }
                for item in taken where item.origin != .processing { queue.finish(item) }
            }
            let outcomes = processor.process(items) { isStopping || queue.isClosed }
            for (item, outcome) in zip(items, outcomes) {
                switch outcome {
                case .analysed:
                    counters.countAnalysed()
                    if let ended = blockage.recordSuccess() {
                        processor.logger.notice("results can be written again; work resumed", metadata: [
                            "error": .string(ended.error.description),
                            "blocked_seconds": .string(Self.format(ContinuousClock.now - ended.since)),
                        ])
                        resumeRequested.store(true, ordering: .sequentiallyConsistent)
                        watcher.wake()
                    }
                case .failed: counters.countFailed()
                case .blocked(let error):
                    if let began = blockage.recordFailure(error, now: .now) { logBlocked(began, still: false) }
                case .released, .busy, .skipped, .spoolError: break
                }
                queue.finish(item)
            }
        }
    }

    /// How often a journal warning repeats that work is still blocked.
    static let blockedWarningInterval: Duration = .seconds(60)

    /// Logs through the processor's logger: workers call it too, and `logger` changes on reload.
    private func logBlocked(_ blocked: WriteBlockage.Blocked, still: Bool) {
        let waiting = (try? spool.scanProcessing().count) ?? 0
        processor.logger.warning("\(still ? "still blocked" : "work is blocked"): results cannot be written (\(blocked.reason)); articles wait in processing/ and the inbox and are retried with backoff", metadata: [
            "error": .string(blocked.error.description),
            "blocked_seconds": .string(Self.format(ContinuousClock.now - blocked.since)),
            "waiting": .stringConvertible(waiting),
        ])
    }

    /// Queues one article from `processing/` to find out whether results can be written again;
    /// with nothing there to try, lifts the blockage so that the inbox is tried instead.
    private func retryOneBlockedArticle() {
        let names = (try? spool.scanProcessing()) ?? []
        if let name = names.first {
            queue.add(WorkItem(name: name, origin: .processing))
        } else if blockage.liftWithoutProbe() != nil {
            logger.notice("nothing left in processing/ to retry; trying the inbox again")
            resumeRequested.store(true, ordering: .sequentiallyConsistent)
        }
    }

    private static func format(_ duration: Duration) -> String {
        let tenths = Int((seconds(duration) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Queues names from `processing/` (when asked) and from the inbox, oldest first, until the
    /// queue is full; a full queue leaves the queue starved, so the loop scans again once it drains.
    /// Records how many files wait in the inbox (STATUS=). Returns false when the inbox itself is
    /// missing or a symbolic link.
    @discardableResult
    private func scan(recoverProcessing: inout Bool) -> Bool {
        queue.clearStarved()
        do {
            if recoverProcessing {
                for name in try spool.scanProcessing() where !queue.add(WorkItem(name: name, origin: .processing)) { return true }
                recoverProcessing = false
            }
            let names = try spool.scanInbox()
            for name in names where !queue.add(WorkItem(name: name, origin: .inboxScan)) {
                inboxWaiting.store(names.count, ordering: .relaxed)  // a backlog beyond the queue
                return true
            }
            inboxWaiting.store(0, ordering: .relaxed)
        } catch {
            logger.error("cannot scan the spool", metadata: ["error": .string(error.description)])
            return !(error.errno == ENOENT || error.errno == ELOOP || error.errno == ENOTDIR)
        }
        return true
    }

    /// Seconds between attempts to watch the inbox with inotify again while polling.
    static let watchRetrySeconds = 30.0

    private func logPolling() {
        logger.error("cannot watch the inbox with inotify; scanning it every second instead (raise fs.inotify.max_user_watches)", metadata: [
            "error": .string(watcher.pollingReason?.description ?? "inotify refused the watch"),
        ])
    }

    /// The inbox was deleted or moved away: re-create it and watch it again, or give up (throw)
    /// so that systemd restarts the service.
    private func rearm() throws {
        logger.error("the inbox \(spool.layout.inbox) was deleted or moved; re-creating it and watching it again")
        var lastError: SpoolError?
        for _ in 0..<50 {
            do {
                try watcher.rearm(mode: spool.inboxMode)
                try spool.layout.createFolders()
                if watcher.isPolling { logPolling() }
                return
            } catch where error.errno == ELOOP {
                lastError = error
                break  // a symbolic link does not go away by waiting
            } catch {
                lastError = error
                usleep(100_000)
            }
        }
        logger.critical("cannot re-create or watch the inbox; exiting so that systemd restarts articled", metadata: [
            "error": .string(lastError?.description ?? "unknown"),
        ])
        throw lastError ?? SpoolError("inotify_add_watch", path: spool.layout.inbox, errno: ENOENT)
    }

    private func reload() {
        notifier.reloading()
        do {
            var updated = try loadConfiguration()
            if updated.spoolRoot != configuration.spoolRoot {
                logger.warning("the spool root cannot change while running; restart articled to use it", metadata: [
                    "error": .string("spool root \(updated.spoolRoot) ignored, keeping \(configuration.spoolRoot)"),
                ])
                updated.spoolRoot = configuration.spoolRoot
            }
            configuration = updated
            settings.update(from: updated)
            logger.logLevel = updated.logLevel
            queue.capacity = updated.queueLimit
            startWorkers()
            logger.notice("configuration reloaded", metadata: [
                "workers": .stringConvertible(workerCount), "max_bytes": .stringConvertible(updated.maxBytes),
                "after_success": .string(updated.afterSuccess.rawValue), "queue_limit": .stringConvertible(updated.queueLimit),
                "rescan_seconds": .stringConvertible(updated.rescanSeconds), "level": .string(updated.logLevel.rawValue),
            ])
        } catch {
            logger.error("configuration rejected; keeping the running configuration", metadata: ["error": .string("\(error)")])
        }
        notifier.ready(status: statusText())
    }

    private func shutDown() {
        notifier.stopping()
        logger.notice("stopping: finishing the articles being analysed")
        queue.close()
        queue.waitForWorkers()
        notifier.status(statusText())
        logger.notice("stopped", metadata: [
            "analysed": .stringConvertible(counters.analysed), "failed": .stringConvertible(counters.failed),
        ])
    }

    private func statusText() -> String {
        let counts = queue.counts
        if let blocked = blockage.current {
            return StatusLine.blocked(reason: blocked.reason, analysed: counters.analysed, failed: counters.failed,
                                      blockedSeconds: Int(Self.seconds(ContinuousClock.now - blocked.since)))
        }
        return StatusLine.watching(inbox: spool.layout.inbox, analysed: counters.analysed, failed: counters.failed, queued: counts.waiting + counts.inFlight,
                                   inInbox: inboxWaiting.load(ordering: .relaxed))
    }

    private static func isRegularFileOrFolder(_ folder: String, _ name: FileName) -> Bool {
        var info = stat()
        var path = Array(folder.utf8) + [UInt8(ascii: "/")] + name.bytes
        path.append(0)
        let found = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) } } == 0
        guard found else { return true }  // gone: nothing to do
        let type = info.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFDIR
    }

    private static func now() -> Double {
        Double(MonotonicStageClock().nanoseconds()) / 1e9
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
