import CSQLite

/// A failed SQLite call, with what a user needs to act on it: the database file, SQLite's own
/// message and result code, and the statement that failed (kept for debugging, not printed).
package struct SQLiteError: Error, Equatable, CustomStringConvertible {
    package var path: String
    /// SQLite's result code (`SQLITE_NOTADB` is 26), extended where SQLite gives one.
    package var code: Int32
    package var message: String
    package var sql: String?

    package init(path: String, code: Int32, message: String, sql: String? = nil) {
        self.path = path; self.code = code; self.message = message; self.sql = sql
    }

    package var description: String { "\(path): \(message) (SQLite error \(code))" }

    /// Whether the file itself is the problem (not a database, or a damaged one), rather than the
    /// system (a full disk, a read-only folder): the first is a bad input, the second a failed run.
    package var isBadFile: Bool {
        let primary = code & 0xff
        return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT
    }
}
