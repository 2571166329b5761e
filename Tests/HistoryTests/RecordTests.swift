import Foundation
import JourneysCore
import Testing
@testable import History

/// Recording a period: one transaction that replaces what the same period wrote before, so a
/// period recorded again counts once, and periods recorded in any order leave the same content.
@Suite struct RecordTests {
    typealias F = HistoryFixtures

    /// Records `periods` in order into a new history and returns its dump.
    func content(after periods: [PeriodFacts]) throws -> [String] {
        let path = try F.historyPath("record")
        do {
            let store = try HistoryStore(path: path)
            for facts in periods { try store.record(facts) }
        }
        return try F.dump(path)
    }

    @Test func anyOrderAndRepeatsLeaveTheSameContent() throws {
        let forward = try content(after: [F.week46, F.week47])
        // Not two empty dumps: 3 customers, 4 orders, 5 weekly counts, 2 snapshots.
        #expect(forward.filter { $0.hasPrefix("customers: ") }.count == 3)
        #expect(forward.filter { $0.hasPrefix("orders: ") }.count == 4)
        #expect(forward.filter { $0.hasPrefix("weekly_visits: ") }.count == 5)
        #expect(forward.filter { $0.hasPrefix("kpi_snapshots: ") }.count == 2)
        #expect(try content(after: [F.week47, F.week46]) == forward)
        #expect(try content(after: [F.week46, F.week47, F.week47]) == forward)
        #expect(try content(after: [F.week47, F.week46, F.week47, F.week46]) == forward)
    }

    @Test func recordingAPeriodAgainReplacesIt() throws {
        let store = try HistoryStore(path: try F.historyPath("replace"))
        try store.record(F.week46)
        try store.record(F.week47)
        try store.record(F.week47)
        // Counted once, not twice.
        let visits = try store.weeklyVisits(through: F.week("2026-W47"))
        #expect(visits.first { $0.customer == F.cy }?.visits == 4)
        #expect(try store.orders(before: .max).map(\.id) == ["O-1", "O-2", "O-3", "O-4"])

        // W47 again from other logs: one order fewer, fewer visits, other KPIs; W46 untouched.
        var again = F.week47
        again.orders.removeAll { $0.id == "O-4" }
        again.customers.removeAll { $0.customer == F.cy }
        again.weeklyVisits = [WeeklyVisits(customer: F.ada, week: F.week("2026-W47"), visits: 1)]
        again.kpis = ["orders": 1]
        try store.record(again)
        #expect(try store.orders(before: .max).map(\.id) == ["O-1", "O-2", "O-3"])
        #expect(try store.customers().map(\.customer) == [F.ada, F.ben])
        #expect(try store.weeklyVisits(through: F.week("2026-W47")).map { "\($0.week) \($0.visits)" }
                == ["2026-W46 3", "2026-W47 1", "2026-W46 1"])  // by customer (Ada's is negative), then week
        #expect(try store.snapshot(period: "2026-W47")?.kpis == ["orders": 1])
        #expect(try store.snapshot(period: "2026-W46")?.kpis == F.week46.kpis)
    }

    /// An order or a customer seen by two periods is kept once: the earliest record wins,
    /// whichever period was recorded first.
    @Test func theEarliestRecordWins() throws {
        for order in [[F.week46, F.week47], [F.week47, F.week46]] {
            let store = try HistoryStore(path: try F.historyPath("earliest"))
            for facts in order { try store.record(facts) }
            let o2 = try store.orders(before: .max).first { $0.id == "O-2" }
            #expect(o2?.time == F.time("2026-11-12", 18))
            let customers = try store.customers()
            #expect(customers.first { $0.customer == F.ada } == HistoryCustomer(customer: F.ada, firstSeen: F.day("2026-11-10"), firstChannel: .email))
            #expect(customers.first { $0.customer == F.ben }?.firstSeen == F.day("2026-11-12"))
        }
    }

    @Test func visitsOfOneWeekAddUpOverTheCustomersRowsOfThePeriod() throws {
        var facts = F.week46
        facts.weeklyVisits.append(WeeklyVisits(customer: F.ada, week: F.week("2026-W46"), visits: 2))
        let store = try HistoryStore(path: try F.historyPath("visits-add"))
        try store.record(facts)
        #expect(try store.weeklyVisits(through: F.week("2026-W46")).first { $0.customer == F.ada }?.visits == 5)
    }

    @Test func aFactWithoutAPseudonymWritesNothing() throws {
        let path = try F.historyPath("no-pseudonym")
        let store = try HistoryStore(path: path)
        try store.record(F.week46)
        let before = try F.dump(path)
        var bad = F.week47
        bad.orders.append(HistoryOrder(id: "O-9", customer: .none, time: F.time("2026-11-20", 10), valueCents: 100, channel: nil))
        #expect(throws: HistoryError(file: path, message: "period 2026-W47: order O-9 has no customer pseudonym")) {
            try store.record(bad)
        }
        var zero = F.week47
        zero.weeklyVisits[0].visits = 0
        #expect(throws: HistoryError.self) { try store.record(zero) }
        // an order its own reader would refuse (line items adding up beyond the highest ceiling)
        var huge = F.week47
        huge.orders[0].valueCents = 2_999_970_000
        #expect(throws: HistoryError.self) { try store.record(huge) }
        #expect(try F.dump(path) == before)
        #expect(try store.orders(before: .max).count == F.week46.orders.count)
    }

    /// A failure inside the transaction (the last insert, refused by a trigger) leaves the period
    /// as it was: the deletes at its start are undone too.
    @Test func aFailedRecordLeavesThePeriodAsItWas() throws {
        let path = try F.historyPath("rollback")
        let store = try HistoryStore(path: path)
        try store.record(F.week47)
        let before = try F.dump(path)
        try store.db.execute("""
            CREATE TRIGGER fail_snapshot BEFORE INSERT ON kpi_snapshots
            BEGIN SELECT RAISE(ABORT, 'snapshot refused by the test'); END
            """)
        #expect(throws: SQLiteError.self) { try store.record(F.week47) }
        try store.db.execute("DROP TRIGGER fail_snapshot")
        #expect(try F.dump(path) == before)
    }
}
