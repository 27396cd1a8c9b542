import Logging

/// One journal entry as the `KEY=value` fields handed to `sd_journal_sendv(3)`.
///
/// Building the fields is pure (no journald needed), so it is what the unit tests check; sending
/// lives in ``JournalLogHandler``. Values are kept as bytes and may contain newlines or any other
/// byte: `sd_journal_sendv` transmits them binary-safe.
public struct JournalEntry: Sendable, Equatable {
    /// A journald field: a valid name (see ``JournalFieldName``) and its value.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }

        /// The `NAME=value` bytes of one iovec.
        public var assignment: [UInt8] {
            Array(name.utf8) + [UInt8(ascii: "=")] + Array(value.utf8)
        }
    }

    /// Fields the handler writes itself; metadata keys that sanitise to one of these are renamed
    /// with a `METADATA_` prefix so that they cannot replace, say, the entry's `MESSAGE`.
    public static let ownFieldNames: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "LOGGER_LABEL",
    ]

    public var fields: [Field]

    /// Builds the fields for one log event.
    ///
    /// - `MESSAGE`, `PRIORITY` (``SyslogPriority``), `SYSLOG_IDENTIFIER` (the `identifier`),
    ///   `CODE_FILE`/`CODE_LINE`/`CODE_FUNC` from the call site, `LOGGER_LABEL` (the swift-log label);
    /// - every metadata entry, sorted by key, under its ``JournalFieldName/sanitised(_:)`` name
    ///   (`article_file` -> `ARTICLE_FILE`, `message_id` -> `MESSAGE_ID`); keys with no usable
    ///   character are dropped;
    /// - `ERROR` from the event's error when the metadata did not already provide one.
    public init(
        identifier: String,
        label: String,
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata,
        error: (any Error)? = nil,
        file: String,
        function: String,
        line: UInt
    ) {
        var fields: [Field] = [
            Field(name: "MESSAGE", value: message),
            Field(name: "PRIORITY", value: String(SyslogPriority(level).rawValue)),
            Field(name: "SYSLOG_IDENTIFIER", value: identifier),
            Field(name: "CODE_FILE", value: file),
            Field(name: "CODE_LINE", value: String(line)),
            Field(name: "CODE_FUNC", value: function),
            Field(name: "LOGGER_LABEL", value: label),
        ]
        var hasError = false
        for key in metadata.keys.sorted() {
            guard var name = JournalFieldName.sanitised(key), let value = metadata[key] else { continue }
            if Self.ownFieldNames.contains(name) {
                name = String(("METADATA_" + name).prefix(JournalFieldName.maximumLength))
            }
            hasError = hasError || name == "ERROR"
            fields.append(Field(name: name, value: Self.text(of: value)))
        }
        if let error, !hasError {
            fields.append(Field(name: "ERROR", value: String(describing: error)))
        }
        self.fields = fields
    }

    /// The value of the first field called `name`, if any.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Metadata values as journald text: strings verbatim, everything else as swift-log prints it.
    static func text(of value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): convertible.description
        case .array, .dictionary: value.description
        }
    }
}
