import JourneysCore
import Sessionize
import Testing

/// Events at or after `newVisitsUntil` (the period's end) only continue visits already open: a
/// visit straddling the boundary belongs to the period it started in, and events that would start
/// a visit are counted in `afterEnd`.
@Suite struct NewVisitsUntilTests {
    let end = t0 + 86_400

    @Test func visitsStartedBeforeTheEndKeepTheirLaterRequests() {
        let (visits, s) = sessionize([
            event(end - 600, device: 1, path: 1), event(end - 300, device: 1, path: 2),
            event(end - 60, device: 3, path: 5),
            event(end, device: 2, path: 4),                    // at the end: starts no visit
            event(end + 60, device: 4, path: 7), event(end + 120, device: 4, path: 8),
            event(end + 600, device: 1, path: 3),              // continues device 1's visit
            event(end + 1800, device: 3, path: 6),             // 31 minutes after device 3's visit
        ], newVisitsUntil: end)
        #expect(visits.map(\.device.raw) == [1, 3])
        #expect(visits.map(\.pageNumbers) == [[1, 2, 3], [5]])
        #expect(visits[0].end == end + 600)
        #expect(s.afterEnd == 4)
        #expect(s.events == 8)
    }

    @Test func aCampaignAfterTheEndStartsNoVisit() {
        let (visits, s) = sessionize([
            event(end - 60, path: 1, campaign: utm(1)), event(end + 60, path: 2, campaign: utm(2)),
            event(end + 120, path: 3),
        ], rules: .matomo, zone: berlin, newVisitsUntil: end)
        #expect(visits.map(\.pageNumbers) == [[1]])
        #expect(s.afterEnd == 2)
    }

    @Test func oneSecondBeforeTheEndStartsAVisit() {
        let (visits, s) = sessionize([event(end - 1, path: 1), event(end + 1000, path: 2)], newVisitsUntil: end)
        #expect(visits.map(\.pageNumbers) == [[1, 2]])
        #expect(s.afterEnd == 0)
    }
}
