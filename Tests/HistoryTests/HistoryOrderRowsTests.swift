import Foundation
import JourneysCore
import Testing
@testable import History

/// Orders read one at a time: the same orders as the list, and exactly the asked-for ids marked.
@Suite struct HistoryOrderRowsTests {
    typealias F = HistoryFixtures

    @Test func eachOrderGivesTheListedOrdersAndMarksTheAskedIDs() throws {
        let store = try HistoryStore(path: try F.historyPath("order-rows"))
        try store.record(F.week46)
        try store.record(F.week47)
        var read: [HistoryOrder] = [], marked: [String] = []
        try store.eachOrder(before: .max, marking: ["O-2", "O-4", "not-an-order"]) {
            read.append(HistoryOrder(id: $0.id(), customer: $0.customer, time: $0.time, valueCents: $0.valueCents, channel: $0.channel))
            if $0.isMarked { marked.append($0.id()) }
        }
        #expect(read == (try store.orders(before: .max)))
        #expect(read.count == 4)
        #expect(marked == ["O-2", "O-4"])
        // an id that needs quoting in JSON is still found
        var none = 0
        try store.eachOrder(before: .max, marking: ["\"O-1\"", "O-1\\"]) { if $0.isMarked { none += 1 } }
        #expect(none == 0)
        var left: [String] = []
        try store.eachOrder(before: .max, notRecordedBy: "2026-W47", marking: ["O-1"]) { if $0.isMarked { left.append($0.id()) } }
        #expect(left == ["O-1"])
    }

    /// Customer by customer in `Pseudonym`'s order (Ada's high bit makes her stored integer
    /// negative, yet she comes last), each customer's orders by time: the listing's orders, each
    /// once, the period's own rows left out when asked.
    @Test func eachOrderByCustomerGivesEveryOrderInPseudonymThenTimeOrder() throws {
        let store = try HistoryStore(path: try F.historyPath("order-rows-by-customer"))
        try store.record(F.week46)
        try store.record(F.week47)
        var read: [HistoryOrder] = []
        try store.eachOrderByCustomer(before: .max) {
            read.append(HistoryOrder(id: $0.id(), customer: $0.customer, time: $0.time, valueCents: $0.valueCents, channel: $0.channel))
        }
        let listed = try store.orders(before: .max)
        #expect(read == listed.sorted { ($0.customer, $0.time, $0.id) < ($1.customer, $1.time, $1.id) })
        #expect(read.map(\.customer) == [F.ben, F.cy, F.ada, F.ada])
        var left: [String] = []
        try store.eachOrderByCustomer(before: .max, notRecordedBy: "2026-W47") { left.append($0.id()) }
        #expect(left == (try store.orders(before: .max, notRecordedBy: "2026-W47")).sorted { $0.customer < $1.customer }.map(\.id))
        #expect(try store.orderTimes(of: ["O-2", "O-4", "none"], before: .max) == ["O-2": F.time("2026-11-12", 18), "O-4": try #require(listed.first { $0.id == "O-4" }).time])
    }

    /// SQLite walks the covering index in its order: no sort of the orders, no lookup of a row.
    @Test func theByCustomerReadUsesItsIndexWithoutSorting() throws {
        let store = try HistoryStore(path: try F.historyPath("order-rows-plan"))
        let plan = try store.db.prepare("EXPLAIN QUERY PLAN " + HistoryStore.ordersByCustomer)
            .rows(.integer(0), .null, .integer(0), .integer(.max)) { $0.text(3) }
        #expect(plan.count == 1)
        #expect(plan.first?.contains("USING COVERING INDEX orders_by_customer_time (customer>? AND customer<?)") == true)
        #expect(!plan.joined().contains("TEMP B-TREE"))
    }
}
