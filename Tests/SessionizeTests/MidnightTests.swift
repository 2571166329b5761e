import Foundation
import JourneysCore
import Sessionize
import Testing

/// matomo splits visits at local midnight of the pipeline's time zone. Europe/Berlin around the end
/// of daylight-saving time on 2026-10-25 (03:00 CEST -> 02:00 CET, at 01:00 UTC): 25 October has
/// 25 hours, and neither of its midnights is a UTC midnight.
@Suite struct MidnightTests {
    /// 2026-10-25 00:00 CEST = 2026-10-24T22:00Z (day 20,750 since 1970, plus 22 h).
    static let midnight24to25: Int64 = 20_750 * 86_400 + 22 * 3600
    /// 2026-10-25T00:00Z = 02:00 CEST.
    static let utcMidnight25: Int64 = 20_751 * 86_400
    /// 2026-10-25T01:00Z: clocks go back from 03:00 CEST to 02:00 CET.
    static let clocksGoBack: Int64 = 20_751 * 86_400 + 3600
    /// 2026-10-26 00:00 CET = 2026-10-25T23:00Z.
    static let midnight25to26: Int64 = 20_751 * 86_400 + 23 * 3600
    /// 2026-10-26T00:00Z = 01:00 CET.
    static let utcMidnight26: Int64 = 20_752 * 86_400

    @Test func handComputedMidnightsAgreeWithCivilDate() {
        #expect(CivilDate(year: 2026, month: 10, day: 25).startTime(in: berlin) == Self.midnight24to25)
        #expect(CivilDate(year: 2026, month: 10, day: 26).startTime(in: berlin) == Self.midnight25to26)
        #expect(Self.midnight25to26 - Self.midnight24to25 == 25 * 3600)
        #expect(berlin.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.clocksGoBack - 1))) == 7200)
        #expect(berlin.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.clocksGoBack))) == 3600)
    }

    /// Requests every 10 minutes from `from` to `to`, paths numbered from 1.
    func every10Minutes(from: Int64, to: Int64) -> [Event] {
        stride(from: from, through: to, by: 600).enumerated().map { event($1, path: UInt32($0 + 1)) }
    }

    @Test func visitAcrossMidnight25to26IsSplitAtLocalMidnight() {
        // 22:30 CET on 25 October to 00:30 CET on 26 October; the 10th request is at 00:00 CET.
        let events = every10Minutes(from: Self.midnight25to26 - 5400, to: Self.midnight25to26 + 1800)
        #expect(events.count == 13)
        let (visits, s) = sessionize(events, rules: .matomo, zone: berlin)
        #expect(visits.map(\.pageNumbers) == [Array(1...9), Array(10...13)])
        #expect(visits[0].end == Self.midnight25to26 - 600)
        #expect(visits[1].start == Self.midnight25to26)
        #expect(!visits[0].wasCut)
        #expect(s.cutVisits == 0)
    }

    @Test func visitAcrossMidnight24to25IsSplitAtLocalMidnight() {
        // 23:30 CEST on 24 October to 00:30 CEST on 25 October.
        let events = every10Minutes(from: Self.midnight24to25 - 1800, to: Self.midnight24to25 + 1800)
        let (visits, _) = sessionize(events, rules: .matomo, zone: berlin)
        #expect(visits.map(\.pageNumbers) == [[1, 2, 3], [4, 5, 6, 7]])
        #expect(visits[1].start == Self.midnight24to25)
    }

    @Test func midnightItselfBelongsToTheNewDay() {
        let (visits, _) = sessionize([event(Self.midnight25to26 - 1), event(Self.midnight25to26)],
                                     rules: .matomo, zone: berlin)
        #expect(visits.map(\.start) == [Self.midnight25to26 - 1, Self.midnight25to26])
    }

    @Test func utcMidnightDoesNotSplitInBerlin() {
        for m in [Self.utcMidnight25, Self.utcMidnight26] {
            let (visits, _) = sessionize([event(m - 600), event(m + 600)], rules: .matomo, zone: berlin)
            #expect(visits.count == 1)
        }
    }

    @Test func theRepeatedHourDoesNotSplit() {
        // 02:50 CEST, then 02:10 CET twenty minutes later: the local clock went back, the day did not change.
        let (visits, _) = sessionize([event(Self.clocksGoBack - 600), event(Self.clocksGoBack + 600)],
                                     rules: .matomo, zone: berlin)
        #expect(visits.count == 1)
        #expect(visits[0].duration == 1200)
    }

    @Test func theZoneDecidesWhereMidnightIs() {
        let events = every10Minutes(from: Self.midnight25to26 - 5400, to: Self.midnight25to26 + 1800)
        // 23:00 UTC is no midnight in UTC; 00:00 UTC (the 16th request) is.
        let inUTC = sessionize(events, rules: .matomo, zone: utc).visits
        #expect(inUTC.count == 1)
        let across = every10Minutes(from: Self.utcMidnight26 - 1800, to: Self.utcMidnight26 + 1800)
        #expect(sessionize(across, rules: .matomo, zone: utc).visits.map(\.pageNumbers) == [[1, 2, 3], [4, 5, 6, 7]])
    }

    @Test func withoutTheOptionMidnightDoesNotSplit() {
        let events = every10Minutes(from: Self.midnight25to26 - 5400, to: Self.midnight25to26 + 1800)
        let (visits, _) = sessionize(events, rules: .ga4, zone: berlin)
        #expect(visits.map(\.pageNumbers) == [Array(1...13)])
    }
}
