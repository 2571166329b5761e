import JourneysCore
import Sessionize
import Testing

/// The line items of one order add up, overflow-safe, to at most the order value bound: a total
/// beyond it, or a line item extract rejected, takes the whole order out, counted once.
@Suite struct OrderValueBoundTests {
    func lineItem(_ time: Int64, device: UInt64 = 1, id: UInt32, cents: Int64, rejected: Bool = false) -> Event {
        var e = event(time, device: device, path: 9)
        e.order = Order(id: Symbol(raw: id), valueCents: cents, isLineItem: true, hasValue: !rejected, isRejected: rejected)
        return e
    }

    func run(_ events: [Event], bound: Int64) -> (visits: [Visit], rejected: Int) {
        let s = Sessionizer(rules: .ga4, timeZone: utc, orderValueBound: bound)
        for e in events { s.add(e) }
        let visits = s.finish()
        return (visits, s.rejectedOrderTotals)
    }

    @Test func aTotalAboveTheBoundIsNoOrderAndItsLaterItemsAddNothing() {
        let (visits, rejected) = run([
            lineItem(t0, id: 1, cents: 600),
            lineItem(t0 + 10, id: 2, cents: 300),
            lineItem(t0 + 20, id: 1, cents: 500),             // 1,100 > 1,000: order 1 is out
            lineItem(t0 + 30, id: 1, cents: 1),               // adds nothing, starts nothing
            lineItem(t0 + 40, id: 2, cents: 700),             // 1,000: at the bound, kept
            lineItem(t0 + 86_400, id: 1, cents: 5),           // next day's visit: order 1 stays out
        ], bound: 1_000)
        #expect(visits.count == 2)
        #expect(visits[0].orders.map(\.id.raw) == [2])
        #expect(visits[0].orders.map(\.valueCents) == [1_000])
        #expect(visits[0].pages.count == 5)                   // the pages stay
        #expect(visits[1].orders.isEmpty)
        #expect(rejected == 1)
    }

    @Test func aRejectedLineItemTakesItsWholeOrder() {
        let (visits, rejected) = run([
            lineItem(t0, id: 1, cents: 100),
            lineItem(t0 + 10, id: 1, cents: 0, rejected: true),
            lineItem(t0 + 20, id: 1, cents: 100),
            lineItem(t0 + 30, device: 2, id: 3, cents: 0, rejected: true), // first of its order
            lineItem(t0 + 40, device: 2, id: 3, cents: 100),
        ], bound: 1_000)
        #expect(visits.allSatisfy { $0.orders.isEmpty })
        #expect(rejected == 0)  // extract counted those lines already
    }

    @Test func itemsNearTheEndsOf64BitsNeitherTrapNorCount() {
        let (visits, rejected) = run([
            lineItem(t0, id: 1, cents: .max - 1),
            lineItem(t0 + 1, id: 1, cents: .max - 1),
            lineItem(t0 + 2, id: 2, cents: .max),
        ], bound: .max)
        #expect(visits[0].orders.map(\.id.raw) == [2])
        #expect(rejected == 1)
    }

    /// Random and extreme line items: an order is kept exactly when no item was rejected and
    /// every running total stayed within the bound, with the exact total.
    @Test func randomLineItemsMatchAPlainSum() {
        var rng = SplitMix64(seed: 19)
        let extremes: [Int64] = [0, 1, 999, 1_000, 1_001, MoneyText.maxCeilingCents, .max / 2, .max - 1, .max]
        for trial in 0..<200 {
            let bound: Int64 = trial % 4 == 0 ? .max : Int64(rng.next() % 50_000)
            var events: [Event] = []
            var expected: [UInt32: (total: Int64, out: Bool)] = [:]
            var order: [UInt32] = []
            var t = t0
            for _ in 0..<Int(1 + rng.next() % 40) {
                let id = UInt32(1 + rng.next() % 5)
                let cents = rng.next() % 5 == 0 ? extremes[Int(rng.next() % UInt64(extremes.count))] : Int64(rng.next() % 20_000)
                let rejected = rng.next() % 30 == 0
                t += Int64(rng.next() % 60)
                events.append(lineItem(t, id: id, cents: cents, rejected: rejected))
                if expected[id] == nil { order.append(id) }
                var e = expected[id] ?? (0, false)
                if !e.out {
                    let (sum, overflow) = e.total.addingReportingOverflow(cents)
                    if rejected || overflow || sum > bound { e.out = true } else { e.total = sum }
                }
                expected[id] = e
            }
            let (visits, rejected) = run(events, bound: bound)
            #expect(visits.count == 1)
            let kept = order.filter { !expected[$0]!.out }
            #expect(visits[0].orders.map(\.id.raw) == kept, "trial \(trial)")
            #expect(visits[0].orders.map(\.valueCents) == kept.map { expected[$0]!.total }, "trial \(trial)")
            #expect(rejected <= order.count - kept.count)
        }
    }
}
