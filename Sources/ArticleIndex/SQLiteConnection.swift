import CSQLite

/// One open SQLite database, closed when the value goes away (`~Copyable`: exactly one owner, so
/// the handle is closed exactly once and never used after).
///
/// `sqlite3_close_v2` is used, so statements still alive when the connection goes (their owner
/// is destroyed after it) keep the database open until they are finalised, rather than failing.
struct SQLiteConnection: ~Copyable {
    let handle: OpaquePointer

    /// Opens (and with `create`, creates) the database at `path`.
    init(path: String, readOnly: Bool = false, create: Bool = true) throws(SQLiteError) {
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let error = SQLiteError(db, code: code, context: "cannot open \(path)")
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(handle, code: code, context: String(sql.prefix(80))) }
    }

    /// Compiles one statement.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw SQLiteError(handle, code: code, context: String(sql.prefix(80))) }
        return SQLiteStatement(handle: statement, connection: handle)
    }

    /// The row id of the last INSERT on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The value of the first column of the first row of `sql` (e.g. a count or a pragma).
    func scalar(_ sql: String) throws(SQLiteError) -> Int64 {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int(0) : 0
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<R>(_ body: () throws(SQLiteError) -> R) throws(SQLiteError) -> R {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// The row id of the last INSERT on the connection `handle` (for owners of statements that keep
/// the handle rather than the connection).
func sqliteLastInsertRowID(_ handle: OpaquePointer) -> Int64 { sqlite3_last_insert_rowid(handle) }

/// Rows changed by the last INSERT, UPDATE or DELETE on the connection `handle` (0 for an upsert
/// that changed nothing).
func sqliteChanges(_ handle: OpaquePointer) -> Int32 { sqlite3_changes(handle) }
