/// The history's schema, one numbered migration per change, applied in order, each in its own
/// transaction together with the new version number (`PRAGMA user_version`), so that a file is
/// always at exactly one version. A migration once released is never edited: a change is a new
/// migration, and `Tests/HistoryTests/Fixtures/version1.sql` keeps a database made by version 1
/// to migrate in the tests.
///
/// Who is stored is always a keyed pseudonym (`Pseudonym.raw`, its 64 bits as a signed
/// INTEGER), never a raw id or e-mail address. Days are `YYYY-MM-DD` in the pipeline's time
/// zone, weeks `2026-W47`, times Unix seconds, money whole cents. `period` is the name of the
/// report period that wrote a row (`2026-W47`), NULL for a row from an order-table import:
/// recording a period again deletes its rows first.
package enum Migrations {
    package struct Migration: Sendable {
        package var version: Int
        package var sql: String
    }

    package static let all: [Migration] = [
        // 1: the tables.
        Migration(version: 1, sql: """
            -- Who: one row per customer. The earliest first_seen wins (see HistoryStore.record).
            CREATE TABLE customers (
                customer INTEGER NOT NULL PRIMARY KEY,
                first_seen TEXT NOT NULL,
                first_channel TEXT,
                period TEXT
            );
            -- Orders by the shop's order number, kept once however often they were seen.
            CREATE TABLE orders (
                order_id TEXT NOT NULL PRIMARY KEY,
                customer INTEGER NOT NULL,
                time INTEGER NOT NULL,
                value_cents INTEGER NOT NULL,
                channel TEXT,
                period TEXT
            ) WITHOUT ROWID;
            -- Visits per customer and ISO week, as each period counted them over its own days.
            CREATE TABLE weekly_visits (
                customer INTEGER NOT NULL,
                week TEXT NOT NULL,
                period TEXT NOT NULL,
                visits INTEGER NOT NULL CHECK (visits > 0),
                PRIMARY KEY (customer, week, period)
            ) WITHOUT ROWID;
            -- Each period's key figures: a JSON object of KPI id to value.
            CREATE TABLE kpi_snapshots (
                period TEXT NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('week', 'month', 'range')),
                first_day TEXT NOT NULL,
                last_day TEXT NOT NULL,
                partial INTEGER NOT NULL,
                report_schema_version INTEGER NOT NULL,
                kpis TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        // 2: indexes for the rows that recording a period deletes (by period) and that
        // forgetting a customer deletes (orders by customer); without them each is a full scan.
        Migration(version: 2, sql: """
            CREATE INDEX customers_by_period ON customers (period);
            CREATE INDEX orders_by_period ON orders (period);
            CREATE INDEX orders_by_customer ON orders (customer);
            CREATE INDEX weekly_visits_by_period ON weekly_visits (period);
            """),
        // 3: each customer's orders in time order with every column the report reads of them
        // (`HistoryStore.eachOrderByCustomer`), so that the report walks the customers one by one
        // through this index instead of sorting every order of the history by time. It starts
        // with the customer, so forgetting a customer uses it as it used `orders_by_customer`.
        Migration(version: 3, sql: """
            CREATE INDEX orders_by_customer_time ON orders (customer, time, order_id, value_cents, channel, period);
            DROP INDEX orders_by_customer;
            """),
    ]

    /// The version this journeys writes.
    package static var current: Int { all.last?.version ?? 0 }

    /// The database's schema version; 0 for a new, empty file.
    package static func version(of db: SQLiteConnection) throws -> Int {
        let rows = try db.prepare("PRAGMA user_version").rows { Int($0.int64(0)) }
        return rows.first ?? 0
    }

    /// Brings `db` from its version to `target` (the current one unless a test says otherwise).
    /// Refuses a file of a newer schema, and a file at version 0 that already holds tables (some
    /// other SQLite database, not a history).
    /// Returns the versions before and after.
    @discardableResult
    package static func migrate(_ db: SQLiteConnection, to target: Int = current) throws -> (from: Int, to: Int) {
        let from = try version(of: db)
        guard from <= current else {
            throw HistoryError(file: db.path, message: "this history has schema version \(from), newer than this journeys knows (\(current)); use a newer journeys")
        }
        if from == 0 {
            let tables = try db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").rows { $0.int64(0) }
            guard tables.first == 0 else {
                throw HistoryError(file: db.path, message: "not a journeys history: the database has tables but no history schema version")
            }
        }
        for migration in all where migration.version > from && migration.version <= target {
            try db.transaction {
                try db.execute(migration.sql)
                try db.execute("PRAGMA user_version = \(migration.version)")
            }
        }
        return (from, max(from, min(target, current)))
    }
}
