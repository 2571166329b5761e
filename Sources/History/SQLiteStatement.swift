import CSQLite

/// A value bound to a statement's `?` or read from a column.
package enum SQLValue: Equatable, Hashable, Sendable, CustomStringConvertible {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null

    package static func int(_ v: Int) -> SQLValue { .integer(Int64(v)) }
    /// `nil` as NULL.
    package static func text(_ v: String?) -> SQLValue { v.map { .text($0) } ?? .null }

    package var description: String {
        switch self {
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): "'\(v)'"
        case .null: "NULL"
        }
    }
}

/// A prepared statement, compiled once and run many times (every row of an import, every fact
/// of a period). Finalized exactly once, in `deinit`.
package final class SQLiteStatement {
    /// Keeps the database open while this statement lives.
    private let connection: SQLiteConnection
    private let handle: OpaquePointer
    package let sql: String

    init(connection: SQLiteConnection, sql: String) throws(SQLiteError) {
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection.handle, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            // On failure SQLite leaves no statement to finalize.
            throw connection.error(code == SQLITE_OK ? SQLITE_MISUSE : code, sql: sql)
        }
        self.connection = connection
        self.sql = sql
        handle = prepared
    }

    deinit { sqlite3_finalize(handle) }

    /// Runs the statement with `values` for its `?`s to the end; returns the rows it changed.
    @discardableResult
    package func run(_ values: SQLValue...) throws(SQLiteError) -> Int {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {}
        return connection.changes
    }

    /// Runs the statement with `values` and maps each row it returns.
    package func rows<T>(_ values: SQLValue..., map: (SQLiteStatement) throws -> T) throws -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var out: [T] = []
        while try step() { out.append(try map(self)) }
        return out
    }

    /// Resets the statement and binds `values` to `?1` ... `?n`.
    package func bind(_ values: [SQLValue]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
            case .real(let v): code = sqlite3_bind_double(handle, index, v)
            case .text(let v):
                var text = v
                code = text.withUTF8 { bytes in
                    // SQLite copies the bytes (SQLITE_TRANSIENT); a NULL pointer would bind NULL, not ''.
                    guard let start = bytes.baseAddress, !bytes.isEmpty else {
                        return csqlite_bind_text_transient(handle, index, "", 0)
                    }
                    return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        csqlite_bind_text_transient(handle, index, $0, Int32(bytes.count))
                    }
                }
            case .null: code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw connection.error(code, sql: sql) }
        }
    }

    /// Advances to the next row: true when one is ready to read, false when the statement is done.
    package func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = connection.error(code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    package var columnCount: Int { Int(sqlite3_column_count(handle)) }

    package func isNull(_ column: Int) -> Bool { sqlite3_column_type(handle, Int32(column)) == SQLITE_NULL }

    package func int64(_ column: Int) -> Int64 { sqlite3_column_int64(handle, Int32(column)) }

    package func text(_ column: Int) -> String {
        guard let bytes = sqlite3_column_text(handle, Int32(column)) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, Int32(column)))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    package func optionalText(_ column: Int) -> String? { isNull(column) ? nil : text(column) }

    /// The column's value as SQLite holds it (for a dump of a table's content).
    package func value(_ column: Int) -> SQLValue {
        switch sqlite3_column_type(handle, Int32(column)) {
        case SQLITE_INTEGER: .integer(int64(column))
        case SQLITE_FLOAT: .real(sqlite3_column_double(handle, Int32(column)))
        case SQLITE_NULL: .null
        default: .text(text(column))
        }
    }
}
