import Foundation
import JourneysCore
import Testing
@testable import History

/// Erasure (GDPR): after `forget`, no table holds the person, and the file keeps no trace.
@Suite struct ForgetTests {
    typealias F = HistoryFixtures

    /// The pseudonym's 8 bytes as SQLite stores a 64-bit integer in a record: big-endian.
    func stored(_ p: Pseudonym) -> [UInt8] { withUnsafeBytes(of: p.raw.bigEndian) { Array($0) } }

    func fileHolds(_ bytes: [UInt8], _ path: String) throws -> Bool {
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        guard data.count >= bytes.count else { return false }
        return (0...(data.count - bytes.count)).contains { i in data[i..<(i + bytes.count)].elementsEqual(bytes) }
    }

    @Test func noTableHoldsAForgottenCustomer() throws {
        let path = try F.historyPath("forget")
        let csv = try F.file("orders.csv", ["customer_id,order_id,ordered_at,value", "ada-id,S-1,2025-03-02,10.00", "ben-id,S-2,2025-03-04,20.00"])
        let counts: ForgetCounts
        do {
            let store = try HistoryStore(path: path)
            try store.record(F.week46)
            try store.record(F.week47)
            _ = try store.importOrders(csv: csv, timeZone: TimeZone(identifier: "UTC")!) { $0 == "ada-id" ? F.ada : F.ben }
            // The search finds her before: it can fail.
            #expect(try F.places(holding: F.ada, in: path) == ["customers.customer", "orders.customer", "weekly_visits.customer"])
            #expect(try fileHolds(stored(F.ada), path))
            counts = try store.forget(customer: F.ada)
        }
        // Her first visit, orders O-1, O-3 and S-1, and two weeks of visits.
        #expect(counts == ForgetCounts(customers: 1, orders: 3, weeklyVisits: 2))
        #expect(try F.places(holding: F.ada, in: path) == [])
        // secure_delete zeroed the freed space: not even the file's bytes hold her pseudonym.
        #expect(try !fileHolds(stored(F.ada), path))
        // The others stay.
        let store = try HistoryStore(path: path)
        #expect(Set(try store.customers().map(\.customer)) == [F.ben, F.cy])
        #expect(try store.orders(before: .max).map(\.id) == ["S-2", "O-2", "O-4"])
        #expect(try F.places(holding: F.ben, in: path).contains("orders.customer"))
        #expect(try store.snapshot(period: "2026-W47") != nil)
    }

    @Test func forgettingSomeoneUnknownChangesNothing() throws {
        let path = try F.historyPath("forget-unknown")
        let store = try HistoryStore(path: path)
        try store.record(F.week46)
        let before = try F.dump(path)
        #expect(try store.forget(customer: Pseudonym(raw: 42)).total == 0)
        #expect(try F.dump(path) == before)
    }
}
