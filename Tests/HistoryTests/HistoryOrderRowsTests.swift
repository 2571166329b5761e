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
}
