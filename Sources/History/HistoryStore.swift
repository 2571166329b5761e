import Foundation
import JourneysCore

/// The history: what earlier periods and imports left behind once their logs rotated away
/// (customers, their orders, their visits by week, each period's key figures), in one SQLite
/// file beside the pipeline, outside the published output.
///
/// Opening it takes the lock of the file (`HistoryLock`: `<file>.lock` and the file itself) for
/// as long as the store lives, so a second run on the same history, under any name, is refused
/// at once, and brings the schema up to date.
package final class HistoryStore {
    /// The history file.
    package let path: String
    let db: SQLiteConnection
    private var lock: HistoryLock
    /// The history's commit state when this store opened it, before anything was written.
    package let stateAtOpen: CommitState?
    /// The change counter before `writeRows` opened its transaction (`PublishJournal`).
    package private(set) var counterBeforeWrite: UInt32?

    /// Opens the history at `path`, creating it and its folder when missing.
    /// Throws `HistoryLockedError` while another run holds it, and `HistoryError` for a file that
    /// cannot be a history: an empty one (a new history is a missing file, never an empty one).
    package init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw HistoryError(file: path, message: "cannot create the history's folder \(folder)")
            }
        }
        self.path = path
        lock = try HistoryLock(historyFile: path)
        var info = stat()
        let existed = stat(path, &info) == 0
        if existed, (info.st_mode & S_IFMT) == S_IFREG, info.st_size == 0 {
            throw HistoryError(file: path, message: "empty (0 bytes): not a journeys history; delete it to start a new one")
        }
        if existed, (info.st_mode & S_IFMT) != S_IFREG {
            throw HistoryError(file: path, message: "not a file: expected a journeys history (SQLite)")
        }
        stateAtOpen = Self.commitState(ofFile: path)
        do {
            db = try SQLiteConnection(path: path)
            try lock.lockHistoryFile(path)
            // Deleted rows are overwritten with zeros, not left in free pages: `forget` erases.
            try db.execute("PRAGMA secure_delete = ON")
            try Migrations.migrate(db)
            try lock.lockHistoryFile(path)
        } catch {
            // a history this store made and could not fill is not left behind empty
            if !existed, stat(path, &info) == 0, info.st_size == 0 { unlink(path) }
            throw error
        }
    }

    /// Whether the history committed since some moment: SQLite's file change counter (the
    /// header's bytes 24-27, one more at each commit that changed the file) and whether a
    /// rollback journal waits (a transaction that did not commit, which SQLite undoes when it
    /// next opens the file).
    package struct CommitState: Equatable, Sendable {
        package var changeCounter: UInt32
        package var pendingRollback: Bool
    }

    /// The commit state of the history file at `path`; nil when it holds no SQLite header.
    package static func commitState(ofFile path: String) -> CommitState? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 28)
        guard pread(fd, &header, 28, 0) == 28, header.starts(with: Array("SQLite format 3".utf8)) else { return nil }
        let counter = header[24..<28].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        var info = stat()
        let journal = stat(path + "-journal", &info) == 0 && info.st_size > 0
        return CommitState(changeCounter: counter, pendingRollback: journal)
    }

    /// Writes one period's facts in one transaction, replacing what the same period wrote
    /// before: its orders, customers, weekly visit counts and KPI snapshot are deleted first. So
    /// a period recorded again is not counted twice, and periods recorded in any order leave the
    /// same content.
    ///
    /// What was seen twice is kept once, by a rule that does not depend on the order of
    /// recording: an order id seen again (by an import or another period) keeps its earliest
    /// record, the one with the earliest order time (on a tie the import's, then the period
    /// whose name sorts first); a customer keeps the earliest first-seen day (on a tie a record
    /// that knows the first channel, then the import's, then the first period name).
    /// A caveat of replacing: the second sighting of such an order or customer is not stored, so
    /// if a period recorded again no longer holds one it had won, it is gone until the other
    /// period is recorded again.
    package func record(_ facts: PeriodFacts) throws {
        try writeRows(facts)
        try writeSnapshot(facts)
        try commit()
    }

    /// Writes what `record` writes but the KPI snapshot, in a transaction left open until
    /// `commit()` (or `rollback()`): the rows can be written while the report is still being
    /// made and published, and count only once it is. `writeSnapshot` adds the snapshot.
    package func writeRows(_ facts: PeriodFacts) throws {
        let period = facts.period.description
        try check(facts, period: period)
        counterBeforeWrite = Self.commitState(ofFile: path)?.changeCounter
        try db.begin()
        do {
            for table in ["orders", "customers", "weekly_visits", "kpi_snapshots"] {
                try db.prepare("DELETE FROM \(table) WHERE period = ?1").run(.text(period))
            }
            // tens of thousands of rows share a few days and weeks: each is written out once
            var days: [CivilDate: String] = [:], weeks: [ISOWeek: String] = [:]
            func text<K: Hashable & CustomStringConvertible>(_ key: K, _ known: inout [K: String]) -> String {
                if let s = known[key] { return s }
                known[key] = key.description
                return key.description
            }
            let customer = try db.prepare(Self.upsertCustomer)
            for c in facts.customers {
                let day = text(c.firstSeen, &days)
                try customer.run(.pseudonym(c.customer), .text(day), .text(c.firstChannel?.rawValue), .text(period))
            }
            let order = try db.prepare(Self.upsertOrder)
            for o in facts.orders {
                try order.run(.text(o.id), .pseudonym(o.customer), .integer(o.time), .integer(o.valueCents),
                              .text(o.channel?.rawValue), .text(period))
            }
            let visits = try db.prepare("""
                INSERT INTO weekly_visits (customer, week, period, visits) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (customer, week, period) DO UPDATE SET visits = visits + excluded.visits
                """)
            for v in facts.weeklyVisits {
                let week = text(v.week, &weeks)
                try visits.run(.pseudonym(v.customer), .text(week), .text(period), .int(v.visits))
            }
        } catch {
            db.rollback()
            throw error
        }
    }

    /// Writes the period's KPI snapshot into the transaction `writeRows` opened.
    package func writeSnapshot(_ facts: PeriodFacts) throws {
        let period = facts.period.description
        do {
            let kpis = try KPIJSON.encode(facts.kpis)
            let s = facts.snapshot
            try db.prepare("""
                INSERT INTO kpi_snapshots (period, kind, first_day, last_day, partial, report_schema_version, kpis)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """).run(.text(period), .text(s.kind.rawValue), .text(s.first.description), .text(s.last.description),
                         .int(s.isPartial ? 1 : 0), .int(s.reportSchemaVersion), .text(kpis))
        } catch {
            db.rollback()
            throw error
        }
    }

    /// Makes what `writeRows` and `writeSnapshot` wrote last.
    package func commit() throws {
        do { try db.commit() } catch { db.rollback(); throw error }
    }

    /// Undoes what `writeRows` and `writeSnapshot` wrote.
    package func rollback() { db.rollback() }

    /// Erases a person (GDPR): every row of `customer` in every table. KPI snapshots hold
    /// aggregates only. With `secure_delete` the freed pages are zeroed, so the file keeps no trace.
    @discardableResult
    package func forget(customer: Pseudonym) throws -> ForgetCounts {
        try db.transaction {
            let key = SQLValue.pseudonym(customer)
            return ForgetCounts(
                customers: try db.prepare("DELETE FROM customers WHERE customer = ?1").run(key),
                orders: try db.prepare("DELETE FROM orders WHERE customer = ?1").run(key),
                weeklyVisits: try db.prepare("DELETE FROM weekly_visits WHERE customer = ?1").run(key))
        }
    }

    /// Customers: the smallest (first_seen, channel unknown, from an import, period name,
    /// channel) wins. Every part of the key takes part, so the winner never depends on which
    /// record came first.
    static let upsertCustomer = """
        INSERT INTO customers (customer, first_seen, first_channel, period) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (customer) DO UPDATE SET
            first_seen = excluded.first_seen, first_channel = excluded.first_channel, period = excluded.period
        WHERE (excluded.first_seen, excluded.first_channel IS NULL, excluded.period IS NOT NULL,
               coalesce(excluded.period, ''), coalesce(excluded.first_channel, ''))
            < (customers.first_seen, customers.first_channel IS NULL, customers.period IS NOT NULL,
               coalesce(customers.period, ''), coalesce(customers.first_channel, ''))
        """

    /// Orders: the smallest (time, from a period, period name, value, customer, channel) wins.
    static let upsertOrder = """
        INSERT INTO orders (order_id, customer, time, value_cents, channel, period) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (order_id) DO UPDATE SET
            customer = excluded.customer, time = excluded.time, value_cents = excluded.value_cents,
            channel = excluded.channel, period = excluded.period
        WHERE (excluded.time, excluded.period IS NOT NULL, coalesce(excluded.period, ''),
               excluded.value_cents, excluded.customer, coalesce(excluded.channel, ''))
            < (orders.time, orders.period IS NOT NULL, coalesce(orders.period, ''),
               orders.value_cents, orders.customer, coalesce(orders.channel, ''))
        """

    /// Facts the tables cannot hold stop before anything is written.
    private func check(_ facts: PeriodFacts, period: String) throws {
        func fail(_ what: String) -> HistoryError { HistoryError(file: path, message: "period \(period): \(what)") }
        if facts.customers.contains(where: { $0.customer.isNone }) { throw fail("a customer without a pseudonym") }
        if let o = facts.orders.first(where: { $0.customer.isNone }) { throw fail("order \(o.id) has no customer pseudonym") }
        if facts.orders.contains(where: { $0.id.isEmpty }) { throw fail("an order without an order id") }
        if let o = facts.orders.first(where: { !(0...MoneyText.maxCeilingCents).contains($0.valueCents) || !Self.orderTimes.contains($0.time) }) {
            throw fail("order \(o.id.prefix(40)) is worth \(o.valueCents) cents at time \(o.time); the history keeps orders of 0 to 10,000,000.00 from 1970 to 2199 (line items adding up beyond orders.max_value?)")
        }
        if facts.weeklyVisits.contains(where: { $0.customer.isNone }) { throw fail("weekly visits without a customer pseudonym") }
        if let v = facts.weeklyVisits.first(where: { $0.visits <= 0 }) { throw fail("\(v.visits) visits in \(v.week); expected at least 1") }
    }
}

/// What `forget` deleted, table by table.
package struct ForgetCounts: Equatable, Sendable {
    package var customers: Int
    package var orders: Int
    package var weeklyVisits: Int
    package var total: Int { customers + orders + weeklyVisits }
}

extension SQLValue {
    /// A pseudonym as the history stores it: its 64 bits as SQLite's signed INTEGER.
    static func pseudonym(_ p: Pseudonym) -> SQLValue { .integer(Int64(bitPattern: p.raw)) }
}

extension Pseudonym {
    /// A pseudonym read back from the history.
    init(stored: Int64) { self.init(raw: UInt64(bitPattern: stored)) }
}
