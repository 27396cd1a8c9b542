import CSQLite

/// One compiled SQLite statement, finalised when the value goes away (`~Copyable`: one owner).
///
/// Parameters are numbered from 1 and columns from 0, as in SQLite. A statement that stopped on a
/// row must be `reset()` before the connection's next transaction: until then it holds a read
/// snapshot, and the write-ahead log cannot be checkpointed past it. Text and blobs are bound
/// with SQLITE_TRANSIENT (SQLite copies them), so no Swift buffer has to outlive the call, except
/// through `run(text:at:_:)`, which borrows one text for the length of one run.
struct SQLiteStatement: ~Copyable {
    let handle: OpaquePointer
    /// The connection, for error messages only (its owner outlives every statement in use).
    let connection: OpaquePointer

    deinit { sqlite3_finalize(handle) }

    /// Clears the previous run and its bindings, so the statement can run again.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        if value.isEmpty { sqlite3_bind_text(handle, index, "", 0, csqlite_transient()); return }
        var text = value
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress!, Int32(chars.count), csqlite_transient())
            }
        }
    }

    func bind(_ index: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, Int32(raw.count), csqlite_transient())
        }
    }

    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

    /// Advances to the next row: true when there is one, false when the statement is done.
    @discardableResult
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = SQLiteError(connection, code: code, context: sqlite3_sql(handle).map { String(String(cString: $0).prefix(80)) } ?? "statement")
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Resets, binds through `body`, and runs a statement that returns no rows. The bindings are
    /// cleared once it ran: SQLite's copies of bound text (SQLITE_TRANSIENT) would otherwise stay
    /// until the statement's next run, a long article's text twice over for an idle daemon.
    func run(_ body: (borrowing SQLiteStatement) -> Void = { _ in }) throws(SQLiteError) {
        reset()
        body(self)
        defer { reset() }
        try step()
    }

    /// `run` with `text` bound at `index` without a copy (SQLITE_STATIC: its UTF-8 is borrowed for
    /// the run and the binding cleared before it is given back). For an article's text, which
    /// SQLite would otherwise copy whole for each statement that takes it.
    func run(text: String?, at index: Int32, _ body: (borrowing SQLiteStatement) -> Void = { _ in }) throws(SQLiteError) {
        guard var borrowed = text, !borrowed.isEmpty else {
            try run { s in body(s); s.bind(index, text) }
            return
        }
        reset()
        body(self)
        defer { reset() }
        let failure = borrowed.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars -> SQLiteError? in
                // The binding must not outlive `chars`: step, then clear it, inside this closure.
                sqlite3_bind_text(handle, index, chars.baseAddress!, Int32(chars.count), nil)
                defer { reset() }
                do throws(SQLiteError) { try step() } catch { return error }
                return nil
            }
        }
        if let failure { throw failure }
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    func blob(_ column: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
