import CSystemd
import Glibc
import Logging

/// A swift-log handler that writes structured entries to journald with `sd_journal_sendv(3)`.
///
/// Each log event becomes one entry with `MESSAGE`, `PRIORITY`, `SYSLOG_IDENTIFIER`,
/// `CODE_FILE`/`CODE_LINE`/`CODE_FUNC` and the metadata as fields (see ``JournalEntry``), so that
/// operators can filter with e.g. `journalctl -u articled ARTICLE_FILE=report.txt` or
/// `journalctl MESSAGE_ID=…`. Values with newlines or odd bytes stay intact. If journald cannot
/// be reached the event is written to stderr instead, so nothing is silently lost.
public struct JournalLogHandler: LogHandler {
    /// The metadata key whose value becomes `MESSAGE_ID` (see ``JournalMessageID``).
    public static let messageIDKey = "message_id"

    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    public let label: String
    /// `SYSLOG_IDENTIFIER=` of every entry (`journalctl -t articled`).
    public let identifier: String

    public init(
        label: String,
        identifier: String = "articled",
        level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.identifier = identifier
        self.logLevel = level
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let entry = self.entry(for: event)
        if Self.send(entry) != 0 {
            StandardError.write(
                LogLine.format(
                    level: event.level, label: label, message: "\(event.message)",
                    metadata: mergedMetadata(event.metadata), source: "\(event.file):\(event.line)"))
        }
    }

    /// The journal entry for `event`: handler metadata, then the metadata provider's, then the
    /// event's own, later ones winning on equal keys (swift-log's usual precedence).
    public func entry(for event: LogEvent) -> JournalEntry {
        JournalEntry(
            identifier: identifier, label: label, level: event.level, message: "\(event.message)",
            metadata: mergedMetadata(event.metadata), error: event.error,
            file: event.file, function: event.function, line: event.line)
    }

    func mergedMetadata(_ eventMetadata: Logger.Metadata?) -> Logger.Metadata {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let eventMetadata {
            merged.merge(eventMetadata) { _, new in new }
        }
        return merged
    }

    /// Sends one entry; returns 0 on success or a negative errno, like `sd_journal_sendv`.
    @discardableResult
    public static func send(_ entry: JournalEntry) -> Int32 {
        // One contiguous buffer holding every "NAME=value"; the iovecs point into it.
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(entry.fields.count)
        for field in entry.fields {
            let start = buffer.count
            buffer.append(contentsOf: field.assignment)
            ranges.append(start..<buffer.count)
        }
        return buffer.withUnsafeMutableBytes { bytes -> Int32 in
            let vectors = ranges.map { range in
                iovec(iov_base: bytes.baseAddress.map { $0 + range.lowerBound }, iov_len: range.count)
            }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }
}
