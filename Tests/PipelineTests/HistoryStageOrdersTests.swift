import Foundation
import History
import JourneysCore
@testable import Pipeline
@testable import Score
import Testing

/// The history stage's orders, read customer by customer from the store's index with the logs'
/// orders put in their place, are the orders of the plain listing (the history's before the period, the logs', the
/// history's in the period, each id once, the period's own earlier record left out) grouped by
/// customer, on seeded random histories.
@Suite struct HistoryStageOrdersTests {
    static let zone = TimeZone(identifier: "Europe/Berlin")!
    static let period = Period(parsing: "2026-W47")!

    /// The listing as a list of every order, grouped by customer afterwards.
    static func plainListing(stored: [HistoryOrder], logs: [HistoryOrder], range: Range<Int64>) -> CustomerHistory {
        var seen = Set<String>(), list: [HistoryFacts.Order] = []
        func add(_ o: HistoryOrder) {
            guard seen.insert(o.id).inserted else { return }
            list.append(HistoryFacts.Order(customer: o.customer, orderID: o.id, day: CivilDate.of(time: o.time, in: zone),
                                           valueCents: o.valueCents, channel: o.channel))
        }
        for o in stored where o.time < range.lowerBound { add(o) }
        for o in logs where o.time < range.upperBound { add(o) }
        for o in stored where range.contains(o.time) { add(o) }
        return CustomerHistory(list)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func readOneAtATimeEqualsThePlainListing(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let range = Self.period.startTime(in: Self.zone)..<Self.period.endTime(in: Self.zone)
        let channels: [Channel?] = [nil, .direct, .email, .paidSearch]
        func order(_ id: String, around end: Int64) -> HistoryOrder {
            // half the customers have the high bit set: stored as negative integers, read after the others
            let k = UInt64.random(in: 1...40, using: &rng)
            return HistoryOrder(id: id, customer: Pseudonym(raw: k <= 20 ? k : UInt64.max - k),
                         time: end - Int64.random(in: 0..<(200 * 86_400), using: &rng), valueCents: Int64.random(in: 0..<9_000, using: &rng),
                         channel: channels.randomElement(using: &rng)!)
        }
        // an earlier period's orders and this period's own earlier record, which is left out
        let earlier = (0..<300).map { order("h\($0)", around: range.upperBound) }
        let own = (0..<20).map { n -> HistoryOrder in
            var o = order("w\(n)", around: range.upperBound)
            o.time = range.lowerBound + Int64(n) * 3_600
            return o
        }
        // the logs: new orders, and orders the history holds before and in the period
        var logs = (0..<40).map { order("l\($0)", around: range.upperBound) }
        logs += earlier.filter { _ in Int.random(in: 0..<8, using: &rng) == 0 }.map { o -> HistoryOrder in
            var copy = o
            copy.time += Int64.random(in: -3_600...3_600, using: &rng)
            copy.channel = .referral
            return copy
        }
        logs.sort { ($0.time, $0.id) < ($1.time, $1.id) }

        let store = try HistoryStore(path: try PipelineFixtures.scratch("stage-orders") + "/history.sqlite")
        try store.record(PeriodFacts(period: Period(parsing: "2026-W30")!, customers: [], orders: earlier.sorted { $0.id < $1.id },
                                     weeklyVisits: [], kpis: [:], reportSchemaVersion: 1))
        try store.record(PeriodFacts(period: Self.period, customers: [], orders: own, weeklyVisits: [], kpis: [:], reportSchemaVersion: 1))
        let stored = try store.orders(before: range.upperBound, notRecordedBy: Self.period.description)
        #expect(stored.count == earlier.filter { $0.time < range.upperBound }.count)

        let read = try HistoryStage.orders(store, before: range.upperBound, periodStart: range.lowerBound,
                                           notRecordedBy: Self.period.description, logOrders: logs, zone: Self.zone)
        let plain = Self.plainListing(stored: stored, logs: logs, range: range)
        #expect(read == plain)
        #expect(read.orderCount > stored.count)
    }
}
