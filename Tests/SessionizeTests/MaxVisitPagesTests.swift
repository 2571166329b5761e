import JourneysCore
@testable import Sessionize
import Testing

/// A visit holds at most `maxVisitPages` page views: a flood of requests from one device is cut
/// into visits of that many, counted as cut, so that one open visit's memory stays bounded.
@Suite struct MaxVisitPagesTests {
    func run(_ events: [Event], maxVisitPages: Int) -> (visits: [Visit], sessionizer: Sessionizer) {
        let s = Sessionizer(rules: .ga4, timeZone: utc, maxVisitPages: maxVisitPages)
        for e in events { s.add(e) }
        return (s.finish(), s)
    }

    @Test func aFloodFromOneDeviceIsCutEveryMaxPages() {
        let flood = (0..<25).map { event(t0, device: 3, path: UInt32($0 + 1)) }
        let (visits, s) = run(flood, maxVisitPages: 10)
        #expect(visits.map(\.pageNumbers) == [Array(1...10), Array(11...20), Array(21...25)])
        #expect(visits.map(\.wasCut) == [true, true, false])
        #expect(s.cutVisits == 2)
    }

    @Test func exactlyTheLimitIsOneVisit() {
        let (visits, s) = run((0..<10).map { event(t0 + Int64($0), path: UInt32($0 + 1)) }, maxVisitPages: 10)
        #expect(visits.count == 1)
        #expect(s.cutVisits == 0)
    }

    @Test func theDefaultLeavesLongHumanVisitsWhole() {
        // 2,000 page views in 16 hours, one every 30 s: far below the default.
        let (visits, s) = run((0..<2000).map { event(t0 + Int64($0) * 30, path: UInt32($0 + 1)) },
                              maxVisitPages: Sessionizer.defaultMaxVisitPages)
        #expect(visits.count == 1)
        #expect(s.cutVisits == 0)
        #expect(Sessionizer.defaultMaxVisitPages == 10_000)
    }
}
