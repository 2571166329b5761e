import Foundation
import Testing
@testable import History

/// The connection: values round-trip exactly, errors carry the file and SQLite's message, and a
/// transaction is all or nothing.
@Suite struct SQLiteConnectionTests {
    typealias F = HistoryFixtures

    func database() throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: try F.scratch("sqlite") + "/t.sqlite")
        try db.execute("CREATE TABLE t (a, b)")
        return db
    }

    @Test func valuesRoundTrip() throws {
        let db = try database()
        let insert = try db.prepare("INSERT INTO t VALUES (?1, ?2)")
        let values: [SQLValue] = [.integer(.min), .integer(.max), .integer(-1), .text(""), .text("Zoë 🛒 \u{0}x"), .real(0.1), .null]
        for (i, v) in values.enumerated() { try insert.run(.int(i), v) }
        let back = try db.prepare("SELECT b FROM t ORDER BY a").rows { $0.value(0) }
        #expect(back == values)
    }

    @Test func errorsNameTheFileAndSQLitesMessage() throws {
        let db = try database()
        do {
            _ = try db.prepare("SELEKT 1")
            Issue.record("bad SQL prepared")
        } catch {
            #expect(error.path == db.path)
            #expect(error.message == "near \"SELEKT\": syntax error")
            #expect(error.sql == "SELEKT 1")
            #expect(error.description == "\(db.path): near \"SELEKT\": syntax error (SQLite error 1)")
        }
        #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO missing VALUES (1)") }
    }

    @Test func aFolderThatCannotHoldTheFileNamesIt() throws {
        let path = try F.file("not-a-folder", ["x"]) + "/history.sqlite"
        #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
        do { _ = try SQLiteConnection(path: path) } catch { #expect(error.path == path && error.message.contains("unable to open")) }
    }

    @Test func aTransactionIsAllOrNothing() throws {
        struct Stop: Error {}
        let db = try database()
        #expect(throws: Stop.self) {
            try db.transaction {
                try db.prepare("INSERT INTO t VALUES (1, 1)").run()
                throw Stop()
            }
        }
        try db.transaction { try db.prepare("INSERT INTO t VALUES (2, 2)").run() }
        #expect(try db.prepare("SELECT a FROM t").rows { $0.int64(0) } == [2])
    }
}
