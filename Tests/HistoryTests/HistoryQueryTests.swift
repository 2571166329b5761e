import Foundation
import JourneysCore
import Testing
@testable import History

/// What the report reads back: orders up to a time, customers, visits by week, KPI snapshots.
@Suite struct HistoryQueryTests {
    typealias F = HistoryFixtures

    func twoWeeks() throws -> HistoryStore {
        let store = try HistoryStore(path: try F.historyPath("queries"))
        try store.record(F.week46)
        try store.record(F.week47)
        return store
    }

    @Test func ordersBeforeATimeOldestFirst() throws {
        let store = try twoWeeks()
        let all = try store.orders(before: .max)
        #expect(all.map(\.id) == ["O-1", "O-2", "O-3", "O-4"])
        #expect(all[0] == HistoryOrder(id: "O-1", customer: F.ada, time: F.time("2026-11-10", 9, 30), valueCents: 4990, channel: .email))
        // The end is exclusive: an order at the end belongs to the next period.
        #expect(try store.orders(before: F.time("2026-11-17", 12)).map(\.id) == ["O-1", "O-2"])
        #expect(try store.orders(before: F.time("2026-11-17", 12) + 1).map(\.id) == ["O-1", "O-2", "O-3"])
    }

    @Test func customersWithTheirFirstVisit() throws {
        #expect(try twoWeeks().customers() == [
            HistoryCustomer(customer: F.ada, firstSeen: F.day("2026-11-10"), firstChannel: .email),
            HistoryCustomer(customer: F.ben, firstSeen: F.day("2026-11-12"), firstChannel: .direct),
            HistoryCustomer(customer: F.cy, firstSeen: F.day("2026-11-18"), firstChannel: .paidSearch),
        ])
    }

    @Test func weeklyVisitsThroughAWeek() throws {
        let store = try twoWeeks()
        #expect(try store.weeklyVisits(through: F.week("2026-W46")) == [
            WeeklyVisits(customer: F.ada, week: F.week("2026-W46"), visits: 3),
            WeeklyVisits(customer: F.ben, week: F.week("2026-W46"), visits: 1),
        ])
        #expect(try store.weeklyVisits(through: F.week("2026-W47")).count == 5)
    }

    /// A week two months share (2026-W44: Monday 26 October to Sunday 1 November): each month
    /// counts its own days, and the week's visits are their sum.
    @Test func aWeekTwoMonthsShareAddsUp() throws {
        let store = try HistoryStore(path: try F.historyPath("months"))
        func month(_ m: Int, visits: Int) -> PeriodFacts {
            let first = CivilDate(year: 2026, month: m, day: 1)
            return PeriodFacts(period: Period(kind: .month, first: first, last: CivilDate(year: 2026, month: m, day: CivilDate.daysIn(year: 2026, month: m))),
                               customers: [HistoryCustomer(customer: F.ada, firstSeen: F.day("2026-10-30"), firstChannel: .direct)],
                               orders: [], weeklyVisits: [WeeklyVisits(customer: F.ada, week: F.week("2026-W44"), visits: visits)],
                               kpis: [:], reportSchemaVersion: 1)
        }
        try store.record(month(10, visits: 2))
        try store.record(month(11, visits: 1))
        try store.record(month(11, visits: 1))
        #expect(try store.weeklyVisits(through: F.week("2026-W44")) == [WeeklyVisits(customer: F.ada, week: F.week("2026-W44"), visits: 3)])
        #expect(try store.weeklyVisits(through: F.week("2026-W43")) == [])
    }

    @Test func snapshotsOfTheLastPeriodsAndOfAYearBefore() throws {
        let store = try HistoryStore(path: try F.historyPath("snapshots"))
        for week in [45, 46, 47] {
            var facts = F.week46
            facts.period = .isoWeek(year: 2026, week: week)
            facts.kpis = ["orders": Double(week)]
            try store.record(facts)
        }
        var lastYear = F.week46
        lastYear.period = .isoWeek(year: 2025, week: 48)
        lastYear.kpis = ["orders": 1.5, "nps": -12.25]
        try store.record(lastYear)
        var month = F.week46
        month.period = Period(parsing: "2026-10")!
        try store.record(month)

        // Before W48 of 2026: the last two weeks, oldest first; the month is another kind.
        let recent = try store.snapshots(last: 2, of: .week, before: F.day("2026-11-23"))
        #expect(recent.map(\.period) == ["2026-W46", "2026-W47"])
        #expect(recent.last?.first == F.day("2026-11-16") && recent.last?.last == F.day("2026-11-22"))
        #expect(try store.snapshots(last: 10, of: .week, before: F.day("2026-11-16")).map(\.period) == ["2025-W48", "2026-W45", "2026-W46"])
        #expect(try store.snapshots(last: 10, of: .month, before: F.day("2026-11-01")).map(\.period) == ["2026-10"])

        let yearBefore = try #require(try store.snapshot(period: F.week("2026-W48").yearEarlier.description))
        #expect(yearBefore == KPISnapshot(period: "2025-W48", kind: .week, first: F.day("2025-11-24"), last: F.day("2025-11-30"),
                                          isPartial: false, kpis: ["orders": 1.5, "nps": -12.25], reportSchemaVersion: 1))
        #expect(try store.snapshot(period: "2024-W48") == nil)
    }

    @Test func aPartialPeriodSaysSoAndValuesWithoutJSONAreLeftOut() throws {
        let store = try HistoryStore(path: try F.historyPath("partial"))
        var facts = F.week47
        facts.period.isPartial = true
        facts.kpis = ["aov": 24.95, "nps": .nan, "orders": 3]
        try store.record(facts)
        let s = try #require(try store.snapshot(period: "2026-W47"))
        #expect(s.isPartial)
        #expect(s.kpis == ["aov": 24.95, "orders": 3])
    }

    /// Numbers no history journeys writes are refused with the file named, never converted into
    /// an overflow: a snapshot's huge figure, a negative order value, values beyond 64-bit cents.
    @Test func figuresBeyondAnyReportAreRefused() throws {
        let path = try F.historyPath("huge")
        let store = try HistoryStore(path: path)
        var facts = F.week47
        facts.kpis = ["orders": 1e300]
        try store.record(facts)
        #expect(throws: HistoryError(file: path, message: "kpi_snapshots.kpis of 2026-W47 holds orders = 1e+300, beyond any figure of a report (at most 1000000000000 in size)")) {
            try store.snapshot(period: "2026-W47")
        }
        facts.kpis = ["conversion_rate": 0.5, "conversion_rate.numerator": 5, "conversion_rate.denominator": 3]
        try store.record(facts)
        #expect(throws: HistoryError(file: path, message: "kpi_snapshots.kpis of 2026-W47 counts conversion_rate as 5.0 of 3.0, which no report holds")) {
            try store.snapshot(period: "2026-W47")
        }
        let db = try SQLiteConnection(path: path)
        try db.execute("DELETE FROM kpi_snapshots")
        try db.execute("INSERT INTO orders (order_id, customer, time, value_cents, channel, period) VALUES ('h1', 1, 1, 9223372036854775807, NULL, NULL), ('h2', 1, 2, 1, NULL, NULL)")
        #expect(throws: HistoryError.self) { try store.orders(before: .max) }
        try db.execute("UPDATE orders SET value_cents = 5 WHERE order_id = 'h1'")
        #expect(try store.orders(before: 3).map(\.valueCents) == [5, 1])
        try db.execute("UPDATE orders SET value_cents = -1 WHERE order_id = 'h2'")
        #expect(throws: HistoryError(file: path, message: "order 'h2' has a negative value_cents (-1); an order's value is never negative")) {
            try store.orders(before: .max)
        }
        // A value no order can have (above the highest ceiling) is refused too.
        try db.execute("UPDATE orders SET value_cents = 1000000001 WHERE order_id = 'h2'")
        #expect(throws: HistoryError(file: path, message: "order 'h2' has a value_cents (1000000001) above the highest orders.max_value (10,000,000.00); the file is not a history journeys wrote")) {
            try store.orders(before: .max)
        }
        // A time days cannot be worked out from (the ends of 64 bits) is refused, not trapped on.
        try db.execute("UPDATE orders SET value_cents = 1, time = -9223372036854775808 WHERE order_id = 'h2'")
        #expect(throws: HistoryError(file: path, message: "order 'h2' has a time (-9223372036854775808) outside 1970 to 2199; the file is not a history journeys wrote")) {
            try store.orders(before: .max)
        }
    }
}

/// ISO weeks by name, and the week a year before.
@Suite struct ISOWeekTests {
    @Test func namesParseAndSortAsTime() {
        #expect(ISOWeek("2026-W47")?.description == "2026-W47")
        #expect(ISOWeek("2026-W07")?.description == "2026-W07")
        #expect(ISOWeek(containing: CivilDate(year: 2027, month: 1, day: 1)).description == "2026-W53")
        #expect(ISOWeek("2025-W53") == nil)  // 2025 has 52 weeks
        for bad in ["2026-47", "2026-W7", "26-W47", "2026-W00", "2026-Wxx", ""] { #expect(ISOWeek(bad) == nil, "\(bad)") }
        #expect(ISOWeek("2026-W09")! < ISOWeek("2026-W10")! && ISOWeek("2025-W52")! < ISOWeek("2026-W01")!)
        #expect(ISOWeek("2026-W01")!.previous.description == "2025-W52")
        #expect(ISOWeek("2026-W53")!.next.description == "2027-W01")
        #expect(ISOWeek("2026-W47")!.monday == CivilDate(year: 2026, month: 11, day: 16))
    }

    @Test func aYearEarlier() {
        #expect(ISOWeek("2026-W47")!.yearEarlier.description == "2025-W47")
        // 2026 has a week 53, 2025 does not: compared with 2025's last week.
        #expect(ISOWeek("2026-W53")!.yearEarlier.description == "2025-W52")
    }
}
