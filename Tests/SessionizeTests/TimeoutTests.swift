import JourneysCore
import Sessionize
import Testing

/// A visit ends after `timeout` seconds without a request: 29:59 apart is one visit, 30:00 apart two.
@Suite struct TimeoutTests {
    @Test func requests29m59sApartStayInOneVisit() {
        let (visits, _) = sessionize([event(t0, path: 1), event(t0 + 1799, path: 2)])
        #expect(visits.count == 1)
        #expect(visits[0].start == t0)
        #expect(visits[0].end == t0 + 1799)
        #expect(visits[0].pageNumbers == [1, 2])
    }

    @Test func requests30m00sApartStartANewVisit() {
        let (visits, _) = sessionize([event(t0, path: 1), event(t0 + 1800, path: 2)])
        #expect(visits.count == 2)
        #expect(visits.map(\.start) == [t0, t0 + 1800])
        #expect(visits.map(\.pageNumbers) == [[1], [2]])
        #expect(visits[0].end == t0)
    }

    @Test func inactivityCountsFromTheLastRequestNotTheFirst() {
        // 0, 25, 50, 75 minutes: every gap under 30 minutes, the whole visit 75 minutes long.
        let (visits, _) = sessionize((0..<4).map { event(t0 + Int64($0) * 1500, path: UInt32($0 + 1)) })
        #expect(visits.count == 1)
        #expect(visits[0].pageNumbers == [1, 2, 3, 4])
        #expect(visits[0].duration == 4500)
    }

    @Test func configuredTimeoutHasTheSameEdge() {
        let tenMinutes = rules { $0.timeout = 600 }
        #expect(sessionize([event(t0), event(t0 + 599)], rules: tenMinutes).visits.count == 1)
        #expect(sessionize([event(t0), event(t0 + 600)], rules: tenMinutes).visits.count == 2)
    }

    @Test func awstatsPresetWaitsAnHour() {
        #expect(sessionize([event(t0), event(t0 + 3599)], rules: .awstats).visits.count == 1)
        #expect(sessionize([event(t0), event(t0 + 3600)], rules: .awstats).visits.count == 2)
        // The same 31-minute gap splits under matomo and ga4.
        #expect(sessionize([event(t0), event(t0 + 1860)], rules: .awstats).visits.count == 1)
        #expect(sessionize([event(t0), event(t0 + 1860)], rules: .matomo, zone: berlin).visits.count == 2)
    }

    @Test func devicesAreSessionizedApart() {
        // Interleaved requests of two devices; each device's own gaps decide.
        let (visits, _) = sessionize([
            event(t0, device: 1, path: 1), event(t0 + 1000, device: 2, path: 2),
            event(t0 + 1700, device: 1, path: 3), event(t0 + 2800, device: 2, path: 4),
        ])
        #expect(visits.map(\.device.raw) == [1, 2, 2])
        #expect(visits.map(\.pageNumbers) == [[1, 3], [2], [4]])
    }
}
