import CSQLite

/// An error SQLite reported: its result code and message, and the statement it came from.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// The error of `handle`'s last call.
    init(_ handle: OpaquePointer?, code: Int32, context: String) {
        let text = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: "\(context): \(text)")
    }

    public var description: String { "SQLite error \(code): \(message)" }
}
