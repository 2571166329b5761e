import Foundation
import JourneysCore
import Testing
@testable import History

/// The schema is versioned (`PRAGMA user_version`): a new file, a file at version 1 and the
/// fixture that version 1 made all end at the current version, and nothing else is opened.
@Suite struct MigrationTests {
    typealias F = HistoryFixtures

    func indexes(_ db: SQLiteConnection) throws -> [String] {
        try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").rows { $0.text(0) }
    }

    @Test func aNewFileStepsFromVersion0Through1ToTheCurrent() throws {
        let path = try F.scratch("migrate") + "/h.sqlite"
        let db = try SQLiteConnection(path: path)
        #expect(try Migrations.version(of: db) == 0)
        #expect(try Migrations.migrate(db, to: 1) == (0, 1))
        #expect(try Migrations.version(of: db) == 1)
        #expect(try indexes(db) == [])
        #expect(try Migrations.migrate(db, to: 2) == (1, 2))
        #expect(try indexes(db) == ["customers_by_period", "orders_by_customer", "orders_by_period", "weekly_visits_by_period"])
        #expect(try Migrations.migrate(db) == (2, 3))
        #expect(Migrations.current == 3)
        #expect(try indexes(db) == ["customers_by_period", "orders_by_customer_time", "orders_by_period", "weekly_visits_by_period"])
        // Once current, nothing more happens.
        #expect(try Migrations.migrate(db) == (3, 3))
    }

    /// A history written by version 1 (a committed dump, never regenerated) opens at the current
    /// version with every row readable.
    @Test func theVersion1FixtureMigratesWithItsRows() throws {
        let path = try F.historyPath("fixture-v1")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let db = try SQLiteConnection(path: path)
            try db.execute(try String(contentsOf: F.fixtures.appendingPathComponent("version1.sql"), encoding: .utf8))
            #expect(try Migrations.version(of: db) == 1)
        }
        let before = try F.dump(path).filter { !$0.hasPrefix("user_version") }
        let store = try HistoryStore(path: path)
        #expect(try Migrations.version(of: store.db) == Migrations.current)
        #expect(try F.dump(path).filter { !$0.hasPrefix("user_version") } == before)
        #expect(try store.orders(before: .max).map(\.id) == ["S-1", "O-1", "O-2"])
        #expect(try store.customers().map(\.customer).contains(F.ada))
        #expect(try store.snapshot(period: "2026-W46")?.kpis == ["conversion_rate": 0.05, "orders": 2, "revenue": 64.9])
        // And it takes new periods as a new file does: W46 again replaces W46 as the fixture had it.
        try store.record(F.week46)
        try store.record(F.week47)
        let fresh = try F.historyPath("fixture-fresh")
        do {
            let other = try HistoryStore(path: fresh)
            try other.record(F.week46)
            try other.record(F.week47)
        }
        #expect(try F.dump(path).filter { !$0.contains("S-1") && !$0.contains("-4436283040153402213") } == F.dump(fresh))
    }

    @Test func aNewerSchemaIsRefused() throws {
        let path = try F.scratch("newer") + "/h.sqlite"
        try SQLiteConnection(path: path).execute("PRAGMA user_version = 99")
        #expect(throws: HistoryError(file: path, message: "this history has schema version 99, newer than this journeys knows (3); use a newer journeys")) {
            try HistoryStore(path: path)
        }
    }

    @Test func anotherSQLiteDatabaseIsRefused() throws {
        let path = try F.scratch("foreign") + "/shop.sqlite"
        try SQLiteConnection(path: path).execute("CREATE TABLE orders (id INTEGER)")
        #expect(throws: HistoryError(file: path, message: "not a journeys history: the database has tables but no history schema version")) {
            try HistoryStore(path: path)
        }
    }

    @Test func aFileThatIsNoDatabaseNamesItself() throws {
        let path = try F.file("history.sqlite", ["customer_id,order_id", "this is an order table, not a history"])
        do {
            _ = try HistoryStore(path: path)
            Issue.record("a text file opened as a history")
        } catch let error as SQLiteError {
            #expect(error.path == path)
            #expect(error.message == "file is not a database")
            #expect(error.isBadFile)
            #expect(error.description == "\(path): file is not a database (SQLite error 26)")
        }
    }
}
