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
/// - at start recovers what is left in `processing/`, arms the inotify watch, then scans the
///   inbox (oldest first) and only then sends READY=1;
/// - feeds inotify names and scan results into the bounded `WorkQueue`, rescanning when the queue
///   drains after refusing names, on IN_Q_OVERFLOW, and every `rescanSeconds` (that periodic scan
///   also recovers files in `processing/` that no live process holds);
/// - when the inbox is deleted or moved away, re-creates it (with its original mode) and watches
///   it again; if that fails, `run()` throws and the process exits non-zero for systemd to
///   restart it;
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
        scan(recoverProcessing: &recoverProcessing)
        let started = settings.current
        startWorkers(started.workerCount)
        notifier.ready(status: statusText())
        started.logger.notice("articled is watching \(spool.layout.inbox)", metadata: [
            "workers": .stringConvertible(started.workerCount), "max_bytes": .stringConvertible(started.configuration.maxBytes),
        ])

        var lastStatus = ""
        var nextScan = clock.now + started.rescanInterval
        var nextPing = clock.now
        defer { shutDown() }
        while !isStopping {
            if reloadRequested.exchange(false, ordering: .sequentiallyConsistent) {
                reload()
                nextScan = min(nextScan, clock.now + settings.current.rescanInterval)
            }
            let current = settings.current
            var wantsScan = queue.isStarved && queue.isBelowLowWater
            if clock.now >= nextScan {
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
                scan(recoverProcessing: &recoverProcessing)
                continue
            }
            var timeout = min(Self.longestWait, clock.now.duration(to: nextScan))
            if interval != nil { timeout = min(timeout, clock.now.duration(to: nextPing)) }
            for event in watcher.wait(timeout: timeout) {
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
        while let items = queue.take(upTo: Self.batchLimit) {
            let outcomes = processor.process(items) { isStopping || queue.isClosed }
            for (item, outcome) in zip(items, outcomes) {
                switch outcome {
                case .analysed: counters.countAnalysed()
                case .failed: counters.countFailed()
                case .released, .busy, .skipped, .spoolError: break
                }
                queue.finish(item)
            }
        }
    }

    /// Queues names from `processing/` (when asked) and from the inbox, oldest first, until the
    /// queue is full; a full queue leaves the queue starved, so the loop scans again once it drains.
    private func scan(recoverProcessing: inout Bool) {
        queue.clearStarved()
        do {
            if recoverProcessing {
                for name in try spool.scanProcessing() where !queue.add(WorkItem(name: name, origin: .processing)) { return }
                recoverProcessing = false
            }
            for name in try spool.scanInbox() where !queue.add(WorkItem(name: name, origin: .inboxScan)) { return }
        } catch {
            settings.current.logger.error("cannot scan the spool", metadata: ["error": .string(error.description)])
        }
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
                return
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
        notifier.status(statusText())
        logger.notice("stopped", metadata: [
            "analysed": .stringConvertible(counters.analysed), "failed": .stringConvertible(counters.failed),
        ])
    }

    private func statusText() -> String {
        let counts = queue.counts
        return StatusLine.watching(inbox: spool.layout.inbox, analysed: counters.analysed, failed: counters.failed, queued: counts.waiting + counts.inFlight)
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
