import Logging

// INTERFACE STUB by the lead: the fields are fixed; the lead writes the file parser and
// check-config (ConfigurationFile.swift) beside it.

/// What the daemon reads from /etc/articled/articled.conf, with defaults for every key.
/// A value: the running daemon never changes one in place; a reload reads a new one and hands it
/// over as a new `DaemonSettings`.
public struct DaemonConfiguration: Sendable, Equatable {
    /// What happens to an input after its result is written.
    public enum AfterSuccess: String, Sendable { case move, delete }

    /// Root of the spool; inbox, processing, outbox, processed and failed live beneath it so
    /// that every rename stays on one file system (no EXDEV).
    public var spoolRoot: String = "/var/spool/articled"
    /// Worker count; 0 means the number of cores.
    public var workers: Int = 0
    /// Inputs larger than this go to failed/ unread.
    public var maxBytes: Int = 16 * 1024 * 1024
    public var afterSuccess: AfterSuccess = .move
    /// Seconds between full scans of the inbox (inotify events are hints; this catches misses).
    public var rescanSeconds: Double = 30
    /// Upper bound of files queued in memory ahead of the workers (backpressure).
    public var queueLimit: Int = 256
    public var logLevel: Logger.Level = .info
    /// The language whose stages run when the detector's guess is unreliable (short texts);
    /// nil ("none") to skip them instead. Read at start.
    public var defaultLanguage: String? = "en"
    /// `[analysis] quotes = learned` (the default) attributes quotes with the learned model
    /// (docs/quotes.md); `rules` with the older rules alone. Read at start.
    public var learnedQuotes = true
    /// The article index (docs/index.md): kept unless `index.enabled = false`.
    public var indexEnabled = true
    /// Where the index lives; nil means `<spool root>/index.sqlite`.
    public var indexPath: String?
    /// Least estimated Jaccard similarity for an earlier article to be listed in `duplicates`.
    public var duplicateThreshold = 0.8
    /// Inputs at least this large count as large: at most `largeInputWorkers` of them are
    /// analysed at once, so that a few huge articles cannot hold every worker's peak memory.
    public var largeInputBytes: Int = 4 * 1024 * 1024
    public var largeInputWorkers: Int = 1

    public init() {}

    /// `indexPath`, or the default beside the spool's folders.
    public var resolvedIndexPath: String { indexPath ?? spoolRoot + "/index.sqlite" }

    public var inbox: String { spoolRoot + "/inbox" }
    public var processing: String { spoolRoot + "/processing" }
    public var outbox: String { spoolRoot + "/outbox" }
    public var processed: String { spoolRoot + "/processed" }
    public var failed: String { spoolRoot + "/failed" }

    /// Worker count with 0 resolved to two per active core: a worker spends about as long
    /// waiting for its results' fsyncs as analysing, so with one per core the cores idle during
    /// every fsync (a 5,000-article backlog ran at 1,000 articles/s with 2 workers and 1,400 with
    /// 4 on 2 cores; 6 was slower again).
    public func resolvedWorkers(cores: Int) -> Int { workers > 0 ? workers : 2 * max(1, cores) }
}
