import JourneysCore
import Sessionize
import Testing

/// An order id counts once, in the visit where it was first seen.
@Suite struct OrderTests {
    func confirmation(_ time: Int64, device: UInt64, id: UInt32, cents: Int64) -> Event {
        var e = event(time, device: device, path: 9)
        e.order = Order(id: Symbol(raw: id), valueCents: cents)
        return e
    }

    @Test func aReloadedConfirmationIsOneOrderInItsFirstVisit() {
        let (visits, _) = sessionize([
            event(t0, device: 1),
            confirmation(t0 + 60, device: 1, id: 70, cents: 4_990),
            confirmation(t0 + 90, device: 1, id: 70, cents: 4_990),         // reload in the same visit
            confirmation(t0 + 7 * 86_400, device: 1, id: 70, cents: 4_990), // reload next week
            confirmation(t0 + 7 * 86_400 + 30, device: 2, id: 71, cents: 1_000),
        ])
        #expect(visits.count == 3)
        #expect(visits[0].orders.map(\.id.raw) == [70])
        #expect(visits[1].orders.isEmpty)
        #expect(visits[1].pages.count == 1)
        #expect(visits[2].orders.map(\.valueCents) == [1_000])
    }

    func lineItem(_ time: Int64, device: UInt64, id: UInt32, cents: Int64) -> Event {
        var e = event(time, device: device, path: 9)
        e.order = Order(id: Symbol(raw: id), valueCents: cents, isLineItem: true)
        return e
    }

    @Test func lineItemsOfOneOrderAddUpWhereverTheyStandInTheVisit() {
        let (visits, _) = sessionize([
            event(t0, device: 1),
            lineItem(t0 + 60, device: 1, id: 80, cents: 3_579),
            event(t0 + 70, device: 1),                              // a row in between
            lineItem(t0 + 80, device: 2, id: 81, cents: 100),       // another person's order
            lineItem(t0 + 90, device: 1, id: 80, cents: 3_320),
            lineItem(t0 + 95, device: 1, id: 82, cents: 500),       // a second order of the visit
            lineItem(t0 + 99, device: 1, id: 80, cents: 1),
            lineItem(t0 + 86_400, device: 1, id: 80, cents: 9_999), // next day's visit: already counted
        ])
        #expect(visits.count == 3)
        #expect(visits[0].orders.map(\.id.raw) == [80, 82])
        #expect(visits[0].orders.map(\.valueCents) == [6_900, 500])
        #expect(visits[1].orders.map(\.valueCents) == [100])
        #expect(visits[2].orders.isEmpty)
    }
}
