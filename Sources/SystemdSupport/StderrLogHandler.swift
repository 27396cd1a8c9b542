import Logging

/// A swift-log handler that prints readable single lines (see ``LogLine``) to stderr.
///
/// Used when the daemon runs outside systemd, e.g. `make run` in a terminal, or under systemd with
/// stderr redirected away from the journal.
public struct StderrLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    public let label: String

    public init(label: String, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let eventMetadata = event.metadata {
            merged.merge(eventMetadata) { _, new in new }
        }
        if let error = event.error, merged["error"] == nil {
            merged["error"] = "\(error)"
        }
        let file = event.file.split(separator: "/").last.map(String.init) ?? event.file
        StandardError.write(
            LogLine.format(
                level: event.level, label: label, message: "\(event.message)", metadata: merged,
                source: "\(file):\(event.line)"))
    }
}
