/// Why an input went to `failed/`: the content of `failed/<name>.error.json`.
public struct FailureRecord: Error, Sendable, Equatable {
    /// Version of the record's JSON layout.
    public static let schema = "articled.error/1"

    /// Stable machine-readable reason, e.g. `empty`, `binary`, `too_large`, `symlink`.
    public var code: String
    public var message: String
    /// Size of the input when known (nil for a symlink, which is never opened).
    public var bytes: Int?
    /// SHA-256 of the input when it was read.
    public var sha256: String?

    public init(code: String, message: String, bytes: Int? = nil, sha256: String? = nil) {
        self.code = code
        self.message = message
        self.bytes = bytes
        self.sha256 = sha256
    }

    /// The record as JSON. `file` is the original name (UTF-8, U+FFFD for invalid bytes),
    /// `file_escaped` the exact name with `\xNN` escapes, `failed_as` the name in failed/.
    func json(file: FileName, failedAs: FileName, time: String) -> [UInt8] {
        var json = JSONText()
        json.field("schema", Self.schema)
        json.field("file", file.lossyString)
        json.field("file_escaped", file.escaped)
        json.field("failed_as", failedAs.lossyString)
        json.field("code", code)
        json.field("message", message)
        json.field("bytes", bytes)
        json.field("sha256", sha256)
        json.field("time", time)
        return json.finish()
    }
}
