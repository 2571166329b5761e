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
}
