import JourneysCore
import Sessionize
import Testing

/// Events up to `outOfOrderTolerance` (default 5 minutes) older than the newest event before them
/// are placed where they belong; older ones are late: counted and left out.
@Suite struct OutOfOrderTests {
    @Test func eventsWithinTheToleranceArePlacedInTimeOrder() {
        let (visits, s) = sessionize([
            event(t0, path: 1), event(t0 + 200, path: 3), event(t0 + 100, path: 2), event(t0 + 400, path: 4),
        ])
        #expect(visits.count == 1)
        #expect(visits[0].pageNumbers == [1, 2, 3, 4])
        #expect(visits[0].end == t0 + 400)
        #expect(s.lateEvents == 0)
        #expect(s.events == 4)
    }

    @Test func aDelayedEventCanBridgeAGap() {
        // 0 and 2000 s are more than 30 minutes apart; the event at 1790 s, arriving 210 s late,
        // closes the gap, so the three make one visit.
        let (visits, _) = sessionize([event(t0, path: 1), event(t0 + 2000, path: 3), event(t0 + 1790, path: 2)])
        #expect(visits.map(\.pageNumbers) == [[1, 2, 3]])
    }

    @Test func exactlyTheToleranceIsPlacedOneSecondMoreIsLate() {
        let (visits, s) = sessionize([
            event(t0 + 400, path: 4), event(t0 + 100, path: 2), event(t0 + 99, path: 1), event(t0 + 500, path: 5),
        ])
        #expect(visits.map(\.pageNumbers) == [[2, 4, 5]])
        #expect(s.lateEvents == 1)
        #expect(s.events == 3)
    }

    @Test func lateEventsAreCountedAndLeftOut() {
        let (visits, s) = sessionize([
            event(t0, device: 1, path: 1), event(t0 + 1000, device: 1, path: 3),
            event(t0 + 600, device: 1, path: 2),   // 400 s older than the newest: late
            event(t0 + 650, device: 2, path: 7),   // another device's, also late
            event(t0 + 1100, device: 1, path: 4),
        ])
        #expect(visits.map(\.pageNumbers) == [[1, 3, 4]])
        #expect(s.lateEvents == 2)
        #expect(s.events == 3)
    }

    @Test func theToleranceIsConfigurable() {
        let strict = rules(.ga4) { $0.outOfOrderTolerance = 0 }
        let (visits, s) = sessionize([event(t0 + 10, path: 2), event(t0 + 10, path: 3), event(t0, path: 1)], rules: strict)
        #expect(visits.map(\.pageNumbers) == [[2, 3]])
        #expect(s.lateEvents == 1)
        // 1000 s behind: late by default, placed with an hour's tolerance.
        let behind = [event(t0 + 1000, path: 2), event(t0, path: 1)]
        #expect(sessionize(behind, rules: .ga4).visits.map(\.pageNumbers) == [[2]])
        let relaxed = rules(.ga4) { $0.outOfOrderTolerance = 3600 }
        #expect(sessionize(behind, rules: relaxed).visits.map(\.pageNumbers) == [[1, 2]])
    }

    @Test func equalTimesKeepInputOrder() {
        #expect(sessionize([event(t0, path: 1), event(t0, path: 2)]).visits[0].pageNumbers == [1, 2])
        #expect(sessionize([event(t0, path: 2), event(t0, path: 1)]).visits[0].pageNumbers == [2, 1])
    }
}
