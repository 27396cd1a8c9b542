import Foundation
import Glibc

// Drives `articled run` on temporary spools and prints latency, throughput and memory figures.

struct Options {
    var articled = ""
    var corpus = ""
    var latencyRuns = 200
    var backlog = 5_000
    var burst = 10_000
    var workers = 0
    var coldStarts = 9
    var soakSeconds = 1800
    var soakRate = 20
    /// Which measurements to run; `soak` is not in the default set because it takes 30 minutes.
    var only: Set<String> = ["latency", "backlog", "burst", "coldstart"]

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--articled": articled = value
            case "--corpus": corpus = value
            case "--latency": latencyRuns = Int(value) ?? latencyRuns
            case "--backlog": backlog = Int(value) ?? backlog
            case "--burst": burst = Int(value) ?? burst
            case "--workers": workers = Int(value) ?? workers
            case "--cold-starts": coldStarts = Int(value) ?? coldStarts
            case "--soak-seconds": soakSeconds = Int(value) ?? soakSeconds
            case "--soak-rate": soakRate = Int(value) ?? soakRate
            case "--only": only = Set(value.split(separator: ",").map(String.init))
            default: fatalError("unknown option \(argument)")
            }
        }
    }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

/// A temporary spool plus a staging folder on the same file system.
final class BenchSpool {
    let base: String
    var root: String { base + "/spool" }
    var inbox: String { root + "/inbox" }
    var outbox: String { root + "/outbox" }
    var staging: String { base + "/staging" }

    init() {
        var template = Array("/tmp/articled-bench-XXXXXX".utf8CString)
        base = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        for folder in [root, inbox, outbox, staging] { try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        BenchSpool.created.append(base)
    }

    /// Spools are removed when the whole benchmark ends, not after each measure. On ext4
    /// without a journal (this machine's disk) a new inode is never one deleted in the last
    /// minute (five while its block is dirty): the allocator reads and skips each such inode, so
    /// removing one measure's 10,000 files made the next measure's file creation cost ~1.3 ms
    /// of kernel time per file instead of ~0.3 ms.
    nonisolated(unsafe) static var created: [String] = []

    static func removeAll() {
        for base in created { try? FileManager.default.removeItem(atPath: base) }
        created.removeAll()
    }

    func stage(_ name: String, _ data: Data) { _ = FileManager.default.createFile(atPath: staging + "/" + name, contents: data) }
    func publish(_ name: String) { rename(staging + "/" + name, inbox + "/" + name) }
}

/// Counts results renamed into the outbox (IN_MOVED_TO of *.json).
final class OutboxWatch {
    let fd: Int32
    var buffer = [UInt8](repeating: 0, count: 256 * 1024)

    init(_ outbox: String) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        precondition(inotify_add_watch(fd, outbox, UInt32(IN_MOVED_TO)) >= 0)
    }

    deinit { close(fd) }

    /// Blocks until at least one result arrives; returns how many arrived.
    func next() -> Int {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        var offset = 0, results = 0
        while offset + 16 <= count {
            let length = buffer.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)) }
            let name = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
            if name.first != UInt8(ascii: ".") && name.suffix(5).elementsEqual(".json".utf8) { results += 1 }
            offset += 16 + length
        }
        return results
    }
}

/// A NOTIFY_SOCKET for the daemon, to know when it is ready. It keeps reading on its own thread:
/// a datagram socket nobody reads fills up and makes the daemon's sd_notify block, as it would
/// under a systemd that stopped listening.
final class NotifyListener: @unchecked Sendable {
    let path: String
    let fd: Int32
    private let lock = NSLock()
    private var ready = false
    private var closed = false

    init(_ path: String) {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !lock.withLock({ closed }) {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0, String(decoding: buffer[0..<count], as: UTF8.self).split(separator: "\n").contains("READY=1") {
                    lock.withLock { ready = true }
                }
            }
        }.start()
    }

    deinit {
        lock.withLock { closed = true }
        usleep(300_000)
        close(fd)
    }

    func waitForReady() {
        while !lock.withLock({ ready }) { usleep(1_000) }
    }
}

func startDaemon(_ options: Options, _ spool: BenchSpool, bare: Bool, notify: NotifyListener) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: options.articled)
    let config = spool.base + "/articled.conf"
    let level = ProcessInfo.processInfo.environment["BENCH_LOG_LEVEL"] ?? "warning"
    try! "[processing]\nworkers = \(options.workers)\n[logging]\nlevel = \(level)\n".write(toFile: config, atomically: true, encoding: .utf8)
    process.arguments = ["run", "--spool", spool.root, "--config", config] + (bare ? ["--bare-file-work"] : [])
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "JOURNAL_STREAM")
    environment["NOTIFY_SOCKET"] = notify.path
    process.environment = environment
    let log = ProcessInfo.processInfo.environment["BENCH_DAEMON_LOG"] ?? "/dev/null"
    if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
    let handle = FileHandle(forWritingAtPath: log)!
    handle.seekToEndOfFile()
    process.standardError = handle
    try! process.run()
    return process
}

func stop(_ process: Process) {
    process.terminate()
    process.waitUntilExit()
}

func latency(_ options: Options, reference: Data, bare: Bool) -> (p50: Double, p99: Double, mean: Double) {
    let spool = BenchSpool()
    let notify = NotifyListener(spool.base + "/notify")
    let daemon = startDaemon(options, spool, bare: bare, notify: notify)
    notify.waitForReady()
    let watch = OutboxWatch(spool.outbox)
    var samples: [Double] = []
    for run in 0..<(options.latencyRuns + 10) {
        let name = "latency-\(run).txt"
        spool.stage(name, reference)
        let start = now()
        spool.publish(name)
        _ = watch.next()
        if run >= 10 { samples.append((now() - start) * 1000) }  // the first ten warm up
        usleep(5_000)
    }
    stop(daemon)
    samples.sort()
    return (percentile(samples, 0.5), percentile(samples, 0.99), samples.reduce(0, +) / Double(samples.count))
}

func articles(_ corpus: String) -> [Data] {
    let folder = corpus + "/wikinews-2019"
    return try! FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        .map { FileManager.default.contents(atPath: folder + "/" + $0)! }
}

/// CPU time a process has used so far, in user space and in the kernel, in seconds.
func cpuSeconds(_ pid: Int32) -> (user: Double, kernel: Double) {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let end = text.lastIndex(of: ")") else { return (0, 0) }
    // Fields after the command name: state is field 3, utime 14, stime 15.
    let fields = text[text.index(after: end)...].split(separator: " ")
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    return ((Double(fields[11]) ?? 0) / ticks, (Double(fields[12]) ?? 0) / ticks)
}

func backlog(_ options: Options, texts: [Data], bare: Bool) -> (seconds: Double, perSecond: Double, userMs: Double, kernelMs: Double) {
    let spool = BenchSpool()
    for index in 0..<options.backlog {
        _ = FileManager.default.createFile(atPath: spool.inbox + "/backlog-\(index).txt", contents: texts[index % texts.count])
    }
    let notify = NotifyListener(spool.base + "/notify")
    let watch = OutboxWatch(spool.outbox)
    let daemon = startDaemon(options, spool, bare: bare, notify: notify)
    notify.waitForReady()
    let start = now()
    var done = 0
    let before = cpuSeconds(daemon.processIdentifier)
    while done < options.backlog { done += watch.next() }
    let seconds = now() - start
    let after = cpuSeconds(daemon.processIdentifier)
    stop(daemon)
    let perArticle = 1000 / Double(options.backlog)
    return (seconds, Double(options.backlog) / seconds, (after.user - before.user) * perArticle, (after.kernel - before.kernel) * perArticle)
}

func status(_ pid: Int32, _ key: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }
    return 0
}

func burst(_ options: Options, texts: [Data]) -> (seconds: Double, peakKiB: Int, idleKiB: Int, maxDescriptors: Int) {
    let spool = BenchSpool()
    for index in 0..<options.burst { spool.stage("burst-\(index).txt", texts[index % texts.count]) }
    let notify = NotifyListener(spool.base + "/notify")
    let daemon = startDaemon(options, spool, bare: false, notify: notify)
    notify.waitForReady()
    let pid = daemon.processIdentifier
    let idle = status(pid, "VmRSS")
    let watch = OutboxWatch(spool.outbox)
    let start = now()
    for index in 0..<options.burst { spool.publish("burst-\(index).txt") }
    var done = 0, maxDescriptors = 0
    while done < options.burst {
        done += watch.next()
        if done % 100 == 0 {
            let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? 0
            maxDescriptors = max(maxDescriptors, descriptors)
        }
    }
    let seconds = now() - start
    let peak = status(pid, "VmHWM")
    stop(daemon)
    return (seconds, peak, idle, maxDescriptors)
}

/// Time from spawning `articled run` to its READY=1, which it sends after loading the models and
/// recovering the spool; sorted, in milliseconds. Each start gets a fresh, empty spool.
func coldStart(_ options: Options) -> [Double] {
    var samples: [Double] = []
    for _ in 0..<options.coldStarts {
        let spool = BenchSpool()
        let notify = NotifyListener(spool.base + "/notify")
        let start = now()
        let daemon = startDaemon(options, spool, bare: false, notify: notify)
        notify.waitForReady()
        samples.append((now() - start) * 1000)
        stop(daemon)
    }
    return samples.sorted()
}

/// Feeds the daemon `soakRate` articles a second for `soakSeconds` and samples its resident
/// memory every 10 s. The baseline is the median of the samples in the second and third minute
/// (after the allocator and caches have warmed up); the end is the median of the last three
/// minutes. Results are removed as they arrive so the outbox does not grow without bound.
func soak(_ options: Options, texts: [Data], report: (String) -> Void) -> (analysed: Int, baselineKiB: Int, endKiB: Int, highestKiB: Int) {
    let spool = BenchSpool()
    let notify = NotifyListener(spool.base + "/notify")
    let daemon = startDaemon(options, spool, bare: false, notify: notify)
    notify.waitForReady()
    let pid = daemon.processIdentifier
    let start = now()
    var samples: [(seconds: Double, kib: Int)] = []
    var published = 0, results = 0
    var nextSample = start
    while now() - start < Double(options.soakSeconds) {
        let due = Int((now() - start) * Double(options.soakRate))
        while published < due {
            let name = "soak-\(published).txt"
            spool.stage(name, texts[published % texts.count])
            spool.publish(name)
            published += 1
        }
        if now() >= nextSample {
            let kib = status(pid, "VmRSS")
            samples.append((now() - start, kib))
            if samples.count % 30 == 0 { report(String(format: "  soak %4.0f s: RSS %.1f MiB, %d published", now() - start, Double(kib) / 1024, published)) }
            nextSample += 10
            // processed/ and outbox/ would otherwise hold every article of the run.
            for folder in [spool.outbox, spool.root + "/processed"] {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where unlink(folder + "/" + name) == 0 {
                    if folder == spool.outbox && name.hasSuffix(".json") { results += 1 }
                }
            }
        }
        usleep(10_000)
    }
    stop(daemon)
    func medianKiB(_ range: ClosedRange<Double>) -> Int {
        let values = samples.filter { range.contains($0.seconds) }.map(\.kib).sorted()
        return values.isEmpty ? 0 : values[values.count / 2]
    }
    let total = Double(options.soakSeconds)
    let baseline = medianKiB(min(60, total / 3)...min(180, total / 2))
    let end = medianKiB(max(0, total - 180)...total)
    return (results, baseline, end, samples.map(\.kib).max() ?? 0)
}

let options = Options(CommandLine.arguments)
let reference = FileManager.default.contents(atPath: options.corpus + "/seed/al-nusrah-interview.txt")!
let texts = articles(options.corpus)
func report(_ line: String) {
    print(line)
    fflush(nil)
}
func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
report("articled daemon benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, workers=\(options.workers == 0 ? "2 per core" : String(options.workers))")

if options.only.contains("latency") {
    let analysed = latency(options, reference: reference, bare: false)
    report("latency, reference article (\(reference.count) bytes), \(options.latencyRuns) drops on an idle daemon: p50 \(ms(analysed.p50)), p99 \(ms(analysed.p99)), mean \(ms(analysed.mean))")
    let bareLatency = latency(options, reference: reference, bare: true)
    report("latency, bare file work (no analysis):                        p50 \(ms(bareLatency.p50)), p99 \(ms(bareLatency.p99)), mean \(ms(bareLatency.mean))")
}

if options.only.contains("backlog") {
    let throughput = backlog(options, texts: texts, bare: false)
    report(String(format: "backlog of %d articles (Wikinews, cycled): %.2f s, %.0f articles/s; daemon CPU per article: user %.3f ms, kernel %.3f ms",
                  options.backlog, throughput.seconds, throughput.perSecond, throughput.userMs, throughput.kernelMs))
    let bareThroughput = backlog(options, texts: texts, bare: true)
    report(String(format: "backlog of %d, bare file work (no analysis): %.2f s, %.0f files/s; daemon CPU per file: user %.3f ms, kernel %.3f ms",
                  options.backlog, bareThroughput.seconds, bareThroughput.perSecond, bareThroughput.userMs, bareThroughput.kernelMs))
}

if options.only.contains("burst") {
    let peak = burst(options, texts: texts)
    report(String(format: "burst of %d files renamed into a running daemon: %.2f s; RSS idle %.1f MiB, peak %.1f MiB; at most %d open descriptors",
                 options.burst, peak.seconds, Double(peak.idleKiB) / 1024, Double(peak.peakKiB) / 1024, peak.maxDescriptors))
}

if options.only.contains("coldstart") {
    let starts = coldStart(options)
    report(String(format: "cold start to READY=1 (model loaded, spool recovered), %d starts: median %.1f ms, max %.1f ms",
                 starts.count, percentile(starts, 0.5), starts.last ?? 0))
}

if options.only.contains("soak") {
    let soaked = soak(options, texts: texts, report: report)
    report(String(format: "soak, %d s at %d articles/s (%d analysed): RSS after warm-up %.1f MiB, at the end %.1f MiB (%+.1f%%), highest %.1f MiB",
                 options.soakSeconds, options.soakRate, soaked.analysed, Double(soaked.baselineKiB) / 1024, Double(soaked.endKiB) / 1024,
                 100 * (Double(soaked.endKiB) / Double(soaked.baselineKiB) - 1), Double(soaked.highestKiB) / 1024))
}

BenchSpool.removeAll()
