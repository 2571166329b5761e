import JourneysCore

/// What the report reads back: plain values, in a fixed order.
extension HistoryStore {
    /// The times an order of a shop's history can have (Unix seconds, 1970 to 2199): an import
    /// refuses others, and a file holding others was not written by journeys. Days are worked out
    /// from these times, so a time near the ends of 64 bits must never reach them.
    package static let orderTimes: Range<Int64> = 0..<7_258_118_400

    /// Every order placed before `end` (Unix seconds, exclusive: a period's `endTime`), oldest
    /// first, for repeat purchases and customer value. `notRecordedBy` leaves out the rows that
    /// an earlier run of that period wrote: a period run again takes its own orders from its
    /// logs, and keeps every other order (imports, other periods).
    ///
    /// A negative value, or values whose sum leaves 64-bit cents, are refused: no history journeys
    /// writes holds them, and every sum of money the report takes from these orders is a part of
    /// their total, so a total that fits keeps every one of those sums from overflowing.
    package func orders(before end: Int64, notRecordedBy period: String? = nil) throws -> [HistoryOrder] {
        var out: [HistoryOrder] = []
        try eachOrder(before: end, notRecordedBy: period) {
            out.append(HistoryOrder(id: $0.id(), customer: $0.customer, time: $0.time, valueCents: $0.valueCents, channel: $0.channel))
        }
        return out
    }

    /// The values in cents of the orders placed in `from..<before` (Unix seconds), left out the
    /// rows an earlier run of `notRecordedBy` wrote, in ascending order: the shop's usual order
    /// values (`OrderOutlierRule`). Values outside 0 to `MoneyText.maxCeilingCents` are refused as
    /// `orders(before:)` refuses them.
    package func orderValues(from: Int64, before end: Int64, notRecordedBy period: String? = nil) throws -> [Int64] {
        try db.prepare("""
            SELECT order_id, value_cents FROM orders
            WHERE time >= ?1 AND time < ?2 AND (?3 IS NULL OR period IS NULL OR period <> ?3) ORDER BY value_cents
            """).rows(.integer(from), .integer(end), .text(period)) { row in
            let value = row.int64(1)
            guard value <= MoneyText.maxCeilingCents else {
                throw HistoryError(file: path, message: "order '\(row.text(0).prefix(40))' has a value_cents (\(value)) above the highest orders.max_value (10,000,000.00); the file is not a history journeys wrote")
            }
            guard value >= 0 else {
                throw HistoryError(file: path, message: "order '\(row.text(0).prefix(40))' has a negative value_cents (\(value)); an order's value is never negative")
            }
            return value
        }
    }

    /// Every customer with their first-seen day and first channel, for cohorts; by first-seen day.
    package func customers() throws -> [HistoryCustomer] {
        try db.prepare("SELECT customer, first_seen, first_channel FROM customers ORDER BY first_seen, customer").rows { row in
            HistoryCustomer(customer: Pseudonym(stored: row.int64(0)), firstSeen: try day(row.text(1), in: "customers.first_seen"),
                            firstChannel: try channel(row.optionalText(2), in: "customers.first_channel"))
        }
    }

    /// Visits per customer and ISO week, for every week up to and including `week`, by customer
    /// then week. The periods' counts of one week are added up: a month counts only its own days
    /// of a week it shares with the next month. (Periods that share days, say a weekly and a
    /// monthly report on one history, count those days twice; a lifecycle state asks only
    /// whether a week has visits, which that does not change.)
    package func weeklyVisits(through week: ISOWeek) throws -> [WeeklyVisits] {
        try db.prepare("""
            SELECT customer, week, sum(visits) FROM weekly_visits
            WHERE week <= ?1 GROUP BY customer, week ORDER BY customer, week
            """).rows(.text(week.description)) { row in
            guard let w = ISOWeek(row.text(1)) else { throw damaged("weekly_visits.week", row.text(1)) }
            return WeeklyVisits(customer: Pseudonym(stored: row.int64(0)), week: w, visits: Int(row.int64(2)))
        }
    }

    /// The KPI snapshot of the period named `name` (`2025-W47`, the week a year before
    /// 2026-W47: `ISOWeek.yearEarlier`), if it was recorded.
    package func snapshot(period name: String) throws -> KPISnapshot? {
        try db.prepare("SELECT \(Self.snapshotColumns) FROM kpi_snapshots WHERE period = ?1")
            .rows(.text(name)) { try snapshot($0) }.first
    }

    /// The snapshots of the last `count` periods of `kind` that ended before `day` (the first day
    /// of the period being reported), oldest first, for trends.
    package func snapshots(last count: Int, of kind: Period.Kind, before day: CivilDate) throws -> [KPISnapshot] {
        try db.prepare("""
            SELECT \(Self.snapshotColumns) FROM kpi_snapshots
            WHERE kind = ?1 AND last_day < ?2 ORDER BY first_day DESC LIMIT ?3
            """).rows(.text(kind.rawValue), .text(day.description), .int(max(0, count))) { try snapshot($0) }.reversed()
    }

    private static let snapshotColumns = "period, kind, first_day, last_day, partial, report_schema_version, kpis"

    private func snapshot(_ row: SQLiteStatement) throws -> KPISnapshot {
        guard let kind = Period.Kind(rawValue: row.text(1)) else { throw damaged("kpi_snapshots.kind", row.text(1)) }
        guard let kpis = KPIJSON.decode(row.text(6)) else { throw damaged("kpi_snapshots.kpis", row.text(6)) }
        // A figure no report holds (a count or sum beyond 10^12) would overflow the comparisons
        // made with it: refused like any damaged value.
        if let (key, value) = kpis.first(where: { !$0.value.isFinite || abs($0.value) >= 1e12 }) {
            throw HistoryError(file: path, message: "kpi_snapshots.kpis of \(row.text(0)) holds \(key) = \(value), beyond any figure of a report (at most 1000000000000 in size)")
        }
        // A rate's counts, which the year-over-year test reads: never negative, the part at most the whole.
        for (key, x) in kpis where key.hasSuffix(".numerator") {
            let rate = key.dropLast(".numerator".count)
            let n = kpis["\(rate).denominator"] ?? .infinity
            if x < 0 || n < 0 || x > n {
                throw HistoryError(file: path, message: "kpi_snapshots.kpis of \(row.text(0)) counts \(rate) as \(x) of \(n), which no report holds")
            }
        }
        return KPISnapshot(period: row.text(0), kind: kind, first: try day(row.text(2), in: "kpi_snapshots.first_day"),
                           last: try day(row.text(3), in: "kpi_snapshots.last_day"), isPartial: row.int64(4) != 0,
                           kpis: kpis, reportSchemaVersion: Int(row.int64(5)))
    }

    private func day(_ text: String, in column: String) throws -> CivilDate {
        guard let d = CivilDate(text) else { throw damaged(column, text) }
        return d
    }

    private func channel(_ text: String?, in column: String) throws -> Channel? {
        guard let text else { return nil }
        guard let c = Channel(rawValue: text) else { throw damaged(column, text) }
        return c
    }

    private func damaged(_ column: String, _ value: String) -> HistoryError {
        HistoryError(file: path, message: "\(column) holds '\(value.prefix(40))', which this journeys cannot read")
    }
}
