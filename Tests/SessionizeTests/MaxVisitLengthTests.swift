import JourneysCore
import Sessionize
import Testing

/// A request `maxVisitLength` or more after the visit's first request starts a new visit; the old
/// one is marked cut and counted. Splits for any other reason are not cuts.
@Suite struct MaxVisitLengthTests {
    let twoHours = rules(.ga4) { $0.maxVisitLength = 7200 }

    @Test func endlessVisitIsCutEveryTwoHours() {
        // A request every 20 minutes for 5 hours: 16 requests, never 30 minutes idle.
        let events = (0..<16).map { event(t0 + Int64($0) * 1200, path: UInt32($0 + 1)) }
        let (visits, s) = sessionize(events, rules: twoHours)
        #expect(visits.map(\.pageNumbers) == [Array(1...6), Array(7...12), Array(13...16)])
        #expect(visits.map(\.start) == [t0, t0 + 7200, t0 + 14_400])
        #expect(visits.map(\.wasCut) == [true, true, false])
        #expect(s.cutVisits == 2)
    }

    @Test func oneSecondUnderTheLimitIsNoCut() {
        let events = [event(t0), event(t0 + 1500), event(t0 + 3000), event(t0 + 4500), event(t0 + 6000), event(t0 + 7199)]
        let (visits, s) = sessionize(events, rules: twoHours)
        #expect(visits.count == 1)
        #expect(s.cutVisits == 0)
        let atLimit = sessionize(Array(events.dropLast()) + [event(t0 + 7200)], rules: twoHours)
        #expect(atLimit.visits.count == 2)
        #expect(atLimit.sessionizer.cutVisits == 1)
    }

    @Test func defaultLimitIs24Hours() {
        // A request every 25 minutes for 25 hours: the 59th (at 24 h 10 min) starts a new visit.
        let events = (0...60).map { event(t0 + Int64($0) * 1500, path: UInt32($0 + 1)) }
        let (visits, s) = sessionize(events, rules: .ga4)
        #expect(visits.map(\.pages.count) == [58, 3])
        #expect(visits[1].start == t0 + 58 * 1500)
        #expect(s.cutVisits == 1)
        #expect(visits[0].wasCut)
    }

    @Test func aTimeoutPastTheLimitIsNoCut() {
        let events = (0..<6).map { event(t0 + Int64($0) * 1200) } + [event(t0 + 6000 + 1800)]
        let (visits, s) = sessionize(events, rules: twoHours)
        #expect(visits.count == 2)
        #expect(visits.map(\.wasCut) == [false, false])
        #expect(s.cutVisits == 0)
    }
}
