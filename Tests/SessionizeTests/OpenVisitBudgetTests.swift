import JourneysCore
import Sessionize
import Testing

/// At most `maxOpenVisits` visits are open at once: a burst from more devices than that closes
/// the least recently active visits early, counted; below the budget nothing changes.
@Suite struct OpenVisitBudgetTests {
    func run(_ events: [Event], maxOpenVisits: Int) -> (visits: [Visit], sessionizer: Sessionizer) {
        let s = Sessionizer(rules: .ga4, timeZone: utc, maxOpenVisits: maxOpenVisits)
        for e in events { s.add(e) }
        return (s.finish(), s)
    }

    @Test func aBurstOfDistinctDevicesClosesTheOldestVisitsEarly() {
        // 1,000 devices within one second, each once: every visit is whole however early it closes
        var burst: [Event] = []
        for k in 0..<1_000 {
            let time: Int64 = t0 + Int64(k / 500)
            burst.append(event(time, device: UInt64(1 + k), path: UInt32(k % 7)))
        }
        let (bounded, s) = run(burst, maxOpenVisits: 100)
        let (free, f) = run(burst, maxOpenVisits: 1_000_000)
        #expect(s.peakOpenVisits == 100)
        #expect(s.closedEarly == 900)
        #expect(f.closedEarly == 0)
        let uncut: [Visit] = bounded.map { (v: Visit) -> Visit in
            var copy = v
            copy.wasCut = false
            return copy
        }
        #expect(uncut == free)
        #expect(bounded.filter { (v: Visit) in v.wasCut }.count == 900)
        #expect(s.events == 1_000)
    }

    @Test func aDeviceBackWithinTheTimeoutAfterAnEarlyCloseStartsANewVisit() {
        let events = [event(t0, device: 1), event(t0 + 1, device: 2), event(t0 + 2, device: 3), event(t0 + 60, device: 1)]
        let (visits, s) = run(events, maxOpenVisits: 2)
        #expect(s.closedEarly == 2)   // device 1 for device 3, then device 2 for device 1's return
        #expect(visits.count == 4)
        #expect(visits.map(\.pages.count).reduce(0, +) == 4)
    }

    /// A normal log's visits, within any budget that holds its peak: the same visits.
    @Test func withinTheBudgetTheVisitsAreTheSame() {
        var rng = SplitMix64(seed: 7)
        var events: [Event] = []
        var t = t0
        for _ in 0..<5_000 {
            t += Int64(rng.next() % 20)
            events.append(event(t, device: 1 + rng.next() % 300, path: UInt32(rng.next() % 9)))
        }
        let (free, f) = run(events, maxOpenVisits: 1_000_000)
        let (bounded, s) = run(events, maxOpenVisits: f.peakOpenVisits)
        #expect(s.closedEarly == 0)
        #expect(bounded == free)
        let (tight, t2) = run(events, maxOpenVisits: max(1, f.peakOpenVisits / 2))
        #expect(t2.closedEarly > 0)
        #expect(tight.map(\.pages.count).reduce(0, +) == 5_000)   // nothing vanishes
    }
}
