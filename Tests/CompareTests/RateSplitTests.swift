@testable import Compare
import ReportModel
import Testing

/// Why conversion moved, split by channel into traffic mix and rates within channels, on a small
/// pair of weeks worked out by hand.
@Suite struct RateSplitTests {
    /// Conversion (visits with an order / visits) by channel:
    ///
    ///     W46: search 30/750 = 4%,  email 20/250 = 8%                   -> 50/1,000 = 5.0%
    ///     W47: search 18/600 = 3%,  email 33/300 = 11%, social 2/100 = 2% -> 53/1,000 = 5.3%
    ///
    /// shares s0 = 0.75, 0.25, 0 and s1 = 0.6, 0.3, 0.1. Social has no W46 rate, so it takes its
    /// W47 rate there and its part is all mix:
    ///
    ///     search mix  = (0.6 - 0.75) * (0.04 + 0.03) / 2 = -0.15 * 0.035 = -0.00525
    ///     search rate = (0.03 - 0.04) * (0.75 + 0.6) / 2 = -0.01 * 0.675 = -0.00675
    ///     email mix   = (0.3 - 0.25) * (0.08 + 0.11) / 2 =  0.05 * 0.095 =  0.00475
    ///     email rate  = (0.11 - 0.08) * (0.25 + 0.3) / 2 =  0.03 * 0.275 =  0.00825
    ///     social mix  = (0.1 - 0)    * (0.02 + 0.02) / 2 =  0.1 * 0.02   =  0.002
    ///     social rate = (0.02 - 0.02) * (0 + 0.1) / 2    =                  0
    ///
    ///     mix  = -0.00525 + 0.00475 + 0.002 = 0.0015  (0.15 pp)
    ///     rate = -0.00675 + 0.00825 + 0     = 0.0015  (0.15 pp)
    ///     total 0.003 = 5.3% - 5.0%         (0.3 pp)
    ///
    /// The mix leader is search (|-0.00525| is the largest mix part: its share fell from 75% to
    /// 60%), the rate leader email (0.00825: 8% -> 11%).
    static let base: ReportData = {
        var r = Snapshots.report(name: "2026-W46", first: "2026-11-09", last: "2026-11-15", previous: "2026-W45")
        r.channels = [Snapshots.channel("search", "Search", visits: 750, purchases: 30, orders: 30, revenue: 3_000),
                      Snapshots.channel("email", "E-mail", visits: 250, purchases: 20, orders: 20, revenue: 2_000)]
        return r
    }()
    static let new: ReportData = {
        var r = Snapshots.report(name: "2026-W47", first: "2026-11-16", last: "2026-11-22", previous: "2026-W46")
        r.channels = [Snapshots.channel("search", "Search", visits: 600, purchases: 18, orders: 18, revenue: 1_800),
                      Snapshots.channel("email", "E-mail", visits: 300, purchases: 33, orders: 33, revenue: 3_300),
                      Snapshots.channel("social", "Social", visits: 100, purchases: 2, orders: 2, revenue: 200)]
        return r
    }()

    func conversionByChannel() throws -> RateSplit {
        try #require(RateSplit.all(base: Self.base, new: Self.new).first { $0.kpi == "conversion_rate" && $0.dimension == "channel" })
    }

    @Test func mixAndRatePartsByHand() throws {
        let split = try conversionByChannel()
        let s = split.shiftShare
        func near(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 1e-15 }
        #expect(split.label == "conversion")
        #expect(near(s.baseRate, 0.05) && near(s.newRate, 0.053) && near(s.total, 0.003))
        #expect(near(s.mix, 0.0015) && near(s.rate, 0.0015))
        #expect(s.parts.map(\.id) == ["email", "search", "social"])
        let email = s.parts[0], search = s.parts[1], social = s.parts[2]
        #expect(near(search.mix, -0.00525) && near(search.rate, -0.00675))
        #expect(near(email.mix, 0.00475) && near(email.rate, 0.00825))
        #expect(near(social.mix, 0.002) && social.rate == 0)
        #expect(social.baseRate == nil && social.baseShare == 0 && near(social.newShare, 0.1))
    }

    @Test func theLeadersAreTheSegmentsThatMovedEachPartMost() throws {
        let split = try conversionByChannel()
        let mix = try #require(split.mixLeader), rate = try #require(split.rateLeader)
        #expect(mix.id == "search" && mix.baseShare == 0.75 && mix.newShare == 0.6)
        #expect(rate.id == "email" && rate.baseRate == 0.08 && rate.newRate == 0.11)
        #expect(split.labels == ["search": "Search", "email": "E-mail", "social": "Social"])
    }

    /// As printed, with one decimal of pp: each part on its own would round to +0.2 (0.15 is
    /// a half, rounded away from zero), and +0.2 + 0.2 = 0.4 is not the total's 0.3. The
    /// largest-remainder rounding gives 3 units of 0.1 pp: each part is 1 unit rounded down,
    /// 1 unit is missing, the remainders tie (0.5 each) and the first part (mix) takes it:
    /// +0.3 pp = +0.2 pp mix + 0.1 pp rates, which adds up to the last decimal.
    @Test func printedPartsAddUpToThePrintedTotal() throws {
        let s = try conversionByChannel().shiftShare
        let rounded = RoundedParts([s.mix * 100, s.rate * 100], total: s.total * 100, decimals: 1)
        #expect(rounded.totalUnits == 3)
        #expect(rounded.partUnits == [2, 1])
        #expect(rounded.partUnits.reduce(0, +) == rounded.totalUnits)
        #expect(rounded.total == 0.3 && rounded.parts == [0.2, 0.1])
    }

    /// Conversion and bounce by channel; no cart abandonment (no carts) and nothing by device
    /// (no devices) when the reports have nothing to split.
    @Test func onlyTheRatesWithSomethingToSplit() {
        let all = RateSplit.all(base: Self.base, new: Self.new)
        #expect(all.map { "\($0.kpi) by \($0.dimension)" } == ["conversion_rate by channel", "bounce_rate by channel"])
    }
}
