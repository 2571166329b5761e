import CSQLite

/// One open SQLite database file. The C handle has one owner, this object, which closes it
/// exactly once, in `deinit`; statements hold a reference to it, so the handle outlives them.
package final class SQLiteConnection {
    /// The database file, for every error message.
    package let path: String
    let handle: OpaquePointer

    /// Opens `path`, creating the file when it is missing.
    package init(path: String) throws(SQLiteError) {
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            // SQLite hands out a handle even when opening fails, and it must be closed. No
            // `deinit` runs for an object whose `init` threw before `handle` was set, so this is
            // its one close.
            sqlite3_close_v2(opened)
            throw SQLiteError(path: path, code: code, message: message)
        }
        self.path = path
        handle = opened
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return no rows (a migration, a pragma).
    package func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw SQLiteError(path: path, code: code, message: message.map { String(cString: $0) } ?? lastMessage, sql: sql)
        }
    }

    /// A prepared statement of `sql` (one statement, `?` for values).
    package func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// Runs `body` in one transaction: all of its writes, or none of them when it throws.
    @discardableResult
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        try begin()
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Opens a transaction. `BEGIN IMMEDIATE` takes the write lock at once, so a transaction
    /// never fails halfway for want of it.
    package func begin() throws(SQLiteError) { try execute("BEGIN IMMEDIATE") }

    package func commit() throws(SQLiteError) { try execute("COMMIT") }

    /// Undoes the open transaction, if any: SQLite may already have rolled back on its own (a
    /// full disk), and then there is nothing to undo.
    package func rollback() {
        if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    package var changes: Int { Int(sqlite3_changes(handle)) }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(path: path, code: code, message: lastMessage, sql: sql)
    }
}
