import Foundation
import JourneysCore
import Sessionize
import Testing

/// The sessionizer closes visits as soon as their timeout has passed and hands them to its sink,
/// so it holds the open visits, not the log.
@Suite struct StreamingTests {
    @Test func closedVisitsReachTheSinkBeforeTheEnd() {
        var closed: [Visit] = []
        let s = Sessionizer(rules: .ga4, timeZone: utc) { closed.append($0) }
        s.add(event(t0, device: 1, path: 1))
        s.add(event(t0 + 1800, device: 2, path: 2))
        #expect(closed.isEmpty)           // t0 + 1800 waits in the reorder buffer for 5 minutes
        s.add(event(t0 + 2100, device: 2, path: 3))
        #expect(closed.map(\.device.raw) == [1])
        #expect(s.openVisits == 1)
        #expect(s.finish().isEmpty)
        #expect(closed.map(\.pageNumbers) == [[1], [2, 3]])
        #expect(s.openVisits == 0)
    }

    @Test func openVisitsStayFewWhileTheLogGrows() {
        // 10,000 visitors one after the other, a minute apart, two requests each: at any time only
        // the visitors of the last 30 minutes (plus the 5-minute reorder window) can be open.
        var count = 0
        let s = Sessionizer(rules: .ga4, timeZone: utc) { _ in count += 1 }
        for i in 0..<10_000 {
            let start = t0 + Int64(i) * 60
            s.add(event(start, device: UInt64(i + 1), path: 1))
            s.add(event(start + 30, device: UInt64(i + 1), path: 2))
        }
        #expect(s.peakOpenVisits <= 31)
        #expect(s.peakOpenVisits >= 25)
        #expect(count > 9_900)
        s.finish()
        #expect(count == 10_000)
    }

    @Test func finishOrdersByStartThenDeviceThenClosing() {
        let (visits, _) = sessionize([
            event(t0, device: 3, path: 1), event(t0, device: 2, path: 2),
            event(t0 + 10, device: 1, path: 3, campaign: utm(1)), event(t0 + 10, device: 1, path: 4, campaign: utm(2)),
        ], rules: .matomo, zone: berlin)
        #expect(visits.map(\.pageNumbers) == [[2], [1], [3], [4]])
    }

    @Test func sinkAndListGiveTheSameVisits() {
        var rng = SplitMix64(seed: 7)
        var events: [Event] = []
        var time = t0
        for _ in 0..<5_000 {
            time += Int64(rng.next() % 40)
            events.append(event(time - Int64(rng.next() % 200), device: 1 + rng.next() % 300, path: UInt32(rng.next() % 50)))
        }
        let listed = sessionize(events, rules: .matomo, zone: berlin).visits
        var streamed: [Visit] = []
        let s = Sessionizer(rules: .matomo, timeZone: berlin) { streamed.append($0) }
        for e in events { s.add(e) }
        s.finish()
        #expect(listed.count > 300)
        #expect(streamed.count == listed.count)
        let key = { (v: Visit) in "\(v.start) \(v.device.raw) \(v.end) \(v.pageNumbers)" }
        #expect(streamed.map(key).sorted() == listed.map(key).sorted())
    }
}
