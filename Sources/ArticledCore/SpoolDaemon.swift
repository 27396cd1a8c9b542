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
/// - when inotify cannot watch the inbox (max_user_watches exhausted) says so loudly and scans
///   the inbox every second instead; an inbox replaced by a symbolic link is never followed:
///   `run()` throws;
/// - in a burst, logs one summary line per `ArticleLogThrottle.window` instead of a line per
///   article beyond its allowance;
/// - sends WATCHDOG=1 from the loop itself, so a wedged loop stops the pings, and keeps STATUS=
///   current;
/// - on `requestReload()` (SIGHUP) sends RELOADING=1, re-reads the configuration, applies what can
///   change live (workers, max_bytes, after_success, queue_limit, rescan_seconds, logging level),
///   keeps the old configuration when the new one is broken, and sends READY=1;
/// - on `requestStop()` (SIGTERM) sends STOPPING=1, takes no new files, lets the workers finish
///   the articles they are analysing (a file claimed after the stop is renamed back to the inbox)
///   and returns.
///
/// Threads and who owns what:
/// - The control thread is the one that calls `run()` (`ArticledService` starts it). It alone
///   waits on the `InboxWatcher`, scans, re-arms, reloads, talks to systemd and owns the loop's
///   timers (locals of `run()`). It starts the workers.
/// - Worker threads run `workerLoop()`: they take names from `queue`, and the `ArticleProcessor`
///   claims, analyses and publishes them; they share `spool` (stateless), `counters` (atomic) and
///   read `settings` once per article.
/// - Any thread (in articled, the service's task, on SIGTERM or SIGHUP) may call `requestStop()`
///   and `requestReload()`: they set an atomic flag and wake the control thread.
/// - The settings a reload changes are one immutable `DaemonSettings` value swapped in
///   `LiveSettings`, the only synchronised point for them; every stored property here is a `let`
///   of a `Sendable` type, so the class is checked `Sendable`.
///
/// Synchronisation, and why each: `Mutex`/`Atomic` (Synchronization) for state shared without
/// waiting; `WorkQueue`'s `NSCondition` where a thread must block until another acts; the
/// watcher's self-pipe because the control thread blocks in poll(2), which only a descriptor can
/// interrupt. Time is `ContinuousClock`/`Duration`.
public final class SpoolDaemon: Sendable {
    public typealias ConfigurationLoader = @Sendable () throws -> DaemonConfiguration

    private let loadConfiguration: ConfigurationLoader
    private let spool: Spool
    private let watcher: InboxWatcher
    private let queue: WorkQueue
    private let settings: LiveSettings
    private let counters = DaemonCounters()
    private let processor: ArticleProcessor
    private let notifier: ServiceNotifier
    /// The logger as given, before any configured level: each `DaemonSettings` derives its own.
    private let baseLogger: Logger
    private let cores: Int
    private let stopRequested = Atomic<Bool>(false)
    private let reloadRequested = Atomic<Bool>(false)
    /// Whether results can be written; set by workers, read by the control thread.
    private let blockage = WriteBlockage()
    /// Set by a worker whose result ended a blockage: the control loop rescans everything.
    private let resumeRequested = Atomic<Bool>(false)
    /// Files in the inbox at the last scan that left a backlog beyond the queue (STATUS=).
    private let inboxWaiting = Atomic<Int>(0)

    /// Creates the spool folders, removes stale temporary files and arms the inotify watch.
    public init(
        configuration: DaemonConfiguration,
        loadConfiguration: @escaping ConfigurationLoader,
        pipeline: AnalysisPipeline,
        notifier: ServiceNotifier = ServiceNotifier(),
        logger: Logger,
        bareFileWork: Bool = false
    ) throws {
        self.loadConfiguration = loadConfiguration
        self.notifier = notifier
        baseLogger = logger
        cores = ProcessInfo.processInfo.activeProcessorCount
        settings = LiveSettings(DaemonSettings(configuration, logger: logger, cores: cores))
        spool = try Spool(layout: SpoolLayout(root: configuration.spoolRoot))
        let watcher = try InboxWatcher(path: spool.layout.inbox)
        self.watcher = watcher
        queue = WorkQueue(capacity: configuration.queueLimit, onLowWater: { watcher.wake() })
        var processor = ArticleProcessor(spool: spool, pipeline: pipeline, settings: settings, bareFileWork: bareFileWork)
        processor.indexing = bareFileWork ? nil : ArticleIndexing.open(configuration, outbox: spool.layout.outbox, logger: logger)
        self.processor = processor
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

    /// The longest the control loop sleeps in poll(2) before looking at its timers again.
    static let longestWait: Duration = .seconds(1)

    /// Runs until `requestStop()`; blocks the calling thread, which becomes the control thread.
    /// Call it once.
    public func run() throws {
        processor.indexing?.reconcile()
        let clock = ContinuousClock()
        var recoverProcessing = true
        let started = settings.current
        // READY as soon as the watch is armed (in init): nothing dropped from now on is missed,
        // and a backlog of 100,000 files, scanned next, does not hold up TimeoutStartSec.
        startWorkers(started.workerCount)
        notifier.ready(status: statusText())
        started.logger.notice("articled is watching \(spool.layout.inbox)", metadata: [
            "workers": .stringConvertible(started.workerCount), "max_bytes": .stringConvertible(started.configuration.maxBytes),
        ])
        if watcher.isPolling { logPolling(started.logger) }
        scan(recoverProcessing: &recoverProcessing)

        var lastStatus = ""
        var nextScan = clock.now + started.rescanInterval
        var nextPing = clock.now
        var nextPoll = clock.now
        var nextWatchRetry = clock.now + Self.watchRetryInterval
        var nextBlockedWarning = clock.now + Self.blockedWarningInterval
        defer { shutDown() }
        while !isStopping {
            if reloadRequested.exchange(false, ordering: .sequentiallyConsistent) {
                reload()
                nextScan = min(nextScan, clock.now + settings.current.rescanInterval)
            }
            if resumeRequested.exchange(false, ordering: .sequentiallyConsistent) {
                recoverProcessing = true
                nextScan = clock.now
            }
            let current = settings.current
            let blocked = blockage.current
            if let blocked {
                // Nothing new is claimed; only the retries below touch the spool.
                nextScan = max(nextScan, clock.now + .seconds(1))
                if blockage.takeRetry(now: clock.now) { retryOneBlockedArticle(current.logger) }
                if clock.now >= nextBlockedWarning {
                    logBlocked(blocked, still: true, current.logger)
                    nextBlockedWarning = clock.now + Self.blockedWarningInterval
                }
            } else {
                nextBlockedWarning = clock.now + Self.blockedWarningInterval
            }
            if let summary = processor.throttle.takeSummary(now: clock.now) {
                current.logger.notice("busy: \(summary.analysed) articles analysed and \(summary.failed) failed in the last \(ArticleLogThrottle.window.components.seconds) s; \(summary.demoted) lines about single articles went to debug level", metadata: [
                    "analysed": .stringConvertible(summary.analysed), "failed": .stringConvertible(summary.failed),
                    "demoted": .stringConvertible(summary.demoted),
                ])
            }
            var wantsScan = blocked == nil && queue.isStarved && queue.isBelowLowWater
            if watcher.isPolling, blocked == nil, clock.now >= nextPoll {
                // No inotify watch (max_user_watches exhausted): scan every second instead.
                wantsScan = true
                nextPoll = clock.now + .seconds(1)
                if clock.now >= nextWatchRetry {
                    nextWatchRetry = clock.now + Self.watchRetryInterval
                    if watcher.retryWatch() { current.logger.notice("the inbox is watched with inotify again; polling stops") }
                }
            }
            if blocked == nil, clock.now >= nextScan {
                wantsScan = true
                recoverProcessing = true
                nextScan = clock.now + current.rescanInterval
            }

            let interval = notifier.watchdogInterval
            if let interval, clock.now >= nextPing {
                notifier.watchdogPing()
                nextPing = clock.now + interval
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
                    try rearm(logger: current.logger)
                }
                continue
            }
            var timeout = min(Self.longestWait, clock.now.duration(to: nextScan))
            if interval != nil { timeout = min(timeout, clock.now.duration(to: nextPing)) }
            for event in watcher.wait(timeout: timeout) {
                if blocked != nil, event != .inboxGone {
                    // Files wait in the inbox; the scan after the blockage finds them.
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
                    current.logger.warning("inotify queue overflowed; rescanning the inbox")
                    nextScan = clock.now
                case .inboxGone:
                    try rearm(logger: current.logger)
                    nextScan = clock.now
                }
            }
        }
    }

    /// Asks the queue for `count` workers and starts the threads it says are missing.
    private func startWorkers(_ count: Int) {
        let missing = queue.setWorkers(count)
        for _ in 0..<missing {
            let thread = Thread { [self] in workerLoop() }
            thread.name = "articled-worker"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Names a worker takes at once from a backlog; their results are published together.
    static let batchLimit = 16

    /// A worker thread's life: take names, process them, count and finish them, until the queue
    /// closes or fewer workers are wanted.
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
                        settings.current.logger.notice("results can be written again; work resumed", metadata: [
                            "error": .string(ended.error.description),
                            "blocked_seconds": .string(Self.format(ContinuousClock.now - ended.since)),
                        ])
                        resumeRequested.store(true, ordering: .sequentiallyConsistent)
                        watcher.wake()
                    }
                case .failed: counters.countFailed()
                case .blocked(let error):
                    if let began = blockage.recordFailure(error, now: .now) { logBlocked(began, still: false, settings.current.logger) }
                case .released, .busy, .skipped, .spoolError: break
                }
                queue.finish(item)
            }
        }
    }

    /// How often a journal warning repeats that work is still blocked.
    static let blockedWarningInterval: Duration = .seconds(60)

    private func logBlocked(_ blocked: WriteBlockage.Blocked, still: Bool, _ logger: Logger) {
        let waiting = (try? spool.scanProcessing().count) ?? 0
        logger.warning("\(still ? "still blocked" : "work is blocked"): results cannot be written (\(blocked.reason)); articles wait in processing/ and the inbox and are retried with backoff", metadata: [
            "error": .string(blocked.error.description),
            "blocked_seconds": .string(Self.format(ContinuousClock.now - blocked.since)),
            "waiting": .stringConvertible(waiting),
        ])
    }

    /// Queues one article from `processing/` to find out whether results can be written again;
    /// with nothing there to try, lifts the blockage so that the inbox is tried instead.
    private func retryOneBlockedArticle(_ logger: Logger) {
        let names = (try? spool.scanProcessing()) ?? []
        if let name = names.first {
            queue.add(WorkItem(name: name, origin: .processing))
        } else if blockage.liftWithoutProbe() != nil {
            logger.notice("nothing left in processing/ to retry; trying the inbox again")
            resumeRequested.store(true, ordering: .sequentiallyConsistent)
        }
    }

    /// Seconds with one decimal, for journal fields.
    private static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = seconds * 10 + attoseconds / 100_000_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Queues names from `processing/` (when asked) and from the inbox, oldest first, until the
    /// queue is full; a full queue leaves the queue starved, so the loop scans again once it drains.
    /// Records how many files wait in the inbox beyond the queue (STATUS=). Returns false when the
    /// inbox itself is missing or a symbolic link.
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
            settings.current.logger.error("cannot scan the spool", metadata: ["error": .string(error.description)])
            return !(error.errno == ENOENT || error.errno == ELOOP || error.errno == ENOTDIR)
        }
        return true
    }

    /// How long apart, while polling, the inotify watch is tried again.
    static let watchRetryInterval: Duration = .seconds(30)

    private func logPolling(_ logger: Logger) {
        logger.error("cannot watch the inbox with inotify; scanning it every second instead (raise fs.inotify.max_user_watches)", metadata: [
            "error": .string(watcher.pollingReason?.description ?? "inotify refused the watch"),
        ])
    }

    /// How often, and how long apart, `rearm` tries to re-create and watch the inbox.
    static let rearmAttempts = 50
    static let rearmPause: Duration = .milliseconds(100)

    /// The inbox was deleted or moved away: re-create it and watch it again, or give up (throw)
    /// so that systemd restarts the service.
    private func rearm(logger: Logger) throws {
        logger.error("the inbox \(spool.layout.inbox) was deleted or moved; re-creating it and watching it again")
        var lastError: SpoolError?
        for _ in 0..<Self.rearmAttempts {
            do {
                try watcher.rearm(mode: spool.inboxMode)
                try spool.layout.createFolders()
                if watcher.isPolling { logPolling(logger) }
                return
            } catch where error.errno == ELOOP {
                lastError = error
                break  // a symbolic link does not go away by waiting
            } catch {
                lastError = error
                Self.pause(Self.rearmPause)
            }
        }
        logger.critical("cannot re-create or watch the inbox; exiting so that systemd restarts articled", metadata: [
            "error": .string(lastError?.description ?? "unknown"),
        ])
        throw lastError ?? SpoolError("inotify_add_watch", path: spool.layout.inbox, errno: ENOENT)
    }

    /// Reads the configuration again and, when it is valid, hands the new settings to every
    /// thread through `settings` (the spool root stays the one the daemon started with).
    private func reload() {
        notifier.reloading()
        let running = settings.current
        do {
            var updated = try loadConfiguration()
            if updated.spoolRoot != running.configuration.spoolRoot {
                running.logger.warning("the spool root cannot change while running; restart articled to use it", metadata: [
                    "error": .string("spool root \(updated.spoolRoot) ignored, keeping \(running.configuration.spoolRoot)"),
                ])
                updated.spoolRoot = running.configuration.spoolRoot
            }
            let next = DaemonSettings(updated, logger: baseLogger, cores: cores)
            settings.replace(with: next)
            queue.capacity = updated.queueLimit
            startWorkers(next.workerCount)
            next.logger.notice("configuration reloaded", metadata: [
                "workers": .stringConvertible(next.workerCount), "max_bytes": .stringConvertible(updated.maxBytes),
                "after_success": .string(updated.afterSuccess.rawValue), "queue_limit": .stringConvertible(updated.queueLimit),
                "rescan_seconds": .stringConvertible(updated.rescanSeconds), "level": .string(updated.logLevel.rawValue),
            ])
        } catch {
            running.logger.error("configuration rejected; keeping the running configuration", metadata: ["error": .string("\(error)")])
        }
        notifier.ready(status: statusText())
    }

    private func shutDown() {
        let logger = settings.current.logger
        notifier.stopping()
        logger.notice("stopping: finishing the articles being analysed")
        queue.close()
        queue.waitForWorkers()
        processor.indexing?.flush()
        notifier.status(statusText())
        logger.notice("stopped", metadata: [
            "analysed": .stringConvertible(counters.analysed), "failed": .stringConvertible(counters.failed),
        ])
    }

    private func statusText() -> String {
        let counts = queue.counts
        if let blocked = blockage.current {
            return StatusLine.blocked(reason: blocked.reason, analysed: counters.analysed, failed: counters.failed,
                                      blockedSeconds: Int((ContinuousClock.now - blocked.since).components.seconds))
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

    /// Blocks the calling (control) thread for `duration`.
    private static func pause(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
