@testable import Compare
import ReportModel
import Testing

/// `ReportDiff.compare` on the two hand-made weeks of `Snapshots` (W46 the base, W47 the new
/// week); every expected number is worked out in the comments.
@Suite struct ReportDiffTests {
    let diff: ReportDiff

    init() throws { diff = try ReportDiff.compare(base: Snapshots.w46, new: Snapshots.w47) }

    func near(_ x: Double?, _ y: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let x else { return false }
        return abs(x - y) <= tolerance
    }

    func kpi(_ id: String) throws -> KPIChange { try #require(diff.kpi(id), "no KPI \(id) in the diff") }

    @Test func everyKPIOfBothReportsAndTheSatisfactionScoresInOrder() {
        #expect(diff.kpis.map(\.id) == ["visits", "page_views", "bounce_rate", "conversion_rate", "orders", "revenue", "aov",
                                        "pages_per_visit", "nps", "csat", "ces"])
        #expect(diff.base.name == "2026-W46" && diff.new.name == "2026-W47")
        #expect(!diff.ratesOnly)
        #expect(diff.currency == "EUR" && diff.locale == "en")
    }

    /// Counts by the Poisson test, z = (new - base) / sqrt(new + base):
    ///
    ///     visits      10,400 - 10,000 = +400,   +4%,  z = 400 / sqrt(20,400)   = 400 / 142.83  = 2.8006
    ///     page_views  44,000 - 40,000 = +4,000, +10%, z = 4,000 / sqrt(84,000) = 4,000 / 289.83 = 13.8013
    ///     orders      400 - 320 = +80,          +25%, z = 80 / sqrt(720)       = 80 / 26.833   = 2.9814
    @Test func countsByThePoissonTest() throws {
        let visits = try kpi("visits"), views = try kpi("page_views"), orders = try kpi("orders")
        #expect(visits.absolute == 400 && near(visits.relative, 0.04))
        #expect(near(visits.test.statistic, 2.800_560, 1e-6))
        #expect(views.absolute == 4_000 && near(views.relative, 0.10))
        #expect(near(views.test.statistic, 13.801_311, 1e-6))
        #expect(orders.absolute == 80 && near(orders.relative, 0.25))
        #expect(near(orders.test.statistic, 2.981_424, 1e-6))
        for k in [visits, views, orders] {
            #expect(k.testName == "Poisson z")
            #expect(k.isSignificant && k.verdict == 1, "\(k.id)")
            #expect(k.test.degreesOfFreedom == nil)
        }
    }

    /// Rates with their counts by the two-proportion z test:
    ///
    ///     conversion  364/10,400 = 3.5% against 300/10,000 = 3%: +0.005 (0.5 pp), relative
    ///                 0.005 / 0.03 = +16.67%; pooled p = 664 / 20,400 = 0.032549,
    ///                 se = sqrt(0.032549 * 0.967451 * (1/10,400 + 1/10,000)) = sqrt(6.17681e-6) = 0.0024853,
    ///                 z = 0.005 / 0.0024853 = 2.0118 (>= 1.96: larger than noise)
    ///     bounce      4,160/10,400 = 40% against 4,000/10,000 = 40%: no change, z = 0
    @Test func ratesByTheTwoProportionTest() throws {
        let conversion = try kpi("conversion_rate")
        #expect(conversion.isRate && conversion.testName == "two-proportion z")
        #expect(near(conversion.absolute, 0.005, 1e-12))
        #expect(near(conversion.relative, 1.0 / 6, 1e-12))
        #expect(near(conversion.test.statistic, 2.011_815, 1e-6))
        #expect(conversion.isSignificant && conversion.verdict == 1)

        let bounce = try kpi("bounce_rate")
        #expect(bounce.testName == "two-proportion z")
        #expect(bounce.absolute == 0 && bounce.test.statistic == 0)
        #expect(bounce.test.isSignificant == false && bounce.verdict == 0)
    }

    /// AOV by Welch's t on the order values (W47: 400 orders, mean 110, sd 50; W46: 320, 100, 40):
    ///
    ///     v1 = 50^2 / 400 = 6.25, v0 = 40^2 / 320 = 5
    ///     t  = (110 - 100) / sqrt(6.25 + 5) = 10 / 3.3541 = 2.9814
    ///     df = 11.25^2 / (6.25^2 / 399 + 5^2 / 319) = 126.5625 / (0.097901 + 0.078370) = 718.0
    ///
    /// Revenue by the compound Poisson z on the sum of orders, Var = sd^2 (n - 1) + n mean^2:
    ///
    ///     Var1 = 2,500 * 399 + 400 * 12,100 = 997,500 + 4,840,000 = 5,837,500
    ///     Var0 = 1,600 * 319 + 320 * 10,000 = 510,400 + 3,200,000 = 3,710,400
    ///     z    = (44,000 - 32,000) / sqrt(9,547,900) = 12,000 / 3,089.97 = 3.8835
    @Test func averageOrderValueByWelchAndRevenueByTheSumTest() throws {
        let aov = try kpi("aov")
        #expect(aov.testName == "Welch's t on order values")
        #expect(aov.absolute == 10 && near(aov.relative, 0.10))
        #expect(near(aov.test.statistic, 2.981_424, 1e-6))
        #expect(near(aov.test.degreesOfFreedom, 718.0, 1e-3))
        #expect(aov.isSignificant && aov.verdict == 1)

        let revenue = try kpi("revenue")
        #expect(revenue.testName == "compound Poisson z on the sum of orders")
        #expect(revenue.absolute == 12_000 && near(revenue.relative, 0.375))
        #expect(near(revenue.test.statistic, 3.883_536, 1e-6))
        #expect(revenue.isSignificant && revenue.verdict == 1)

        // A ratio without its counts has no test.
        let pages = try kpi("pages_per_visit")
        #expect(pages.test == .notTestable && pages.testName == "")
        #expect(!pages.isSignificant && pages.verdict == 0)
    }

    /// NPS from promoters and detractors; each NPS has variance 100^2 (p + d - (p - d)^2) / n:
    ///
    ///     W47: p = 0.4, d = 0.3: NPS 10, Var = 10,000 * (0.7 - 0.01) / 200 = 34.5
    ///     W46: p = 0.5, d = 0.2: NPS 30, Var = 10,000 * (0.7 - 0.09) / 200 = 30.5
    ///     z = (10 - 30) / sqrt(65) = -20 / 8.0623 = -2.4807: a fall larger than noise, bad news
    ///
    /// CSAT by its top-box answers, 62/100 against 60/100: pooled 0.61,
    /// z = 0.02 / sqrt(0.61 * 0.39 * 0.02) = 0.02 / 0.068979 = 0.2899, within noise. CES has no
    /// answers in either week: no value, no test.
    @Test func satisfactionScoresByTheirCounts() throws {
        let nps = try kpi("nps")
        #expect(nps.unit == .score && nps.testName == "z on the difference of two NPS")
        #expect(nps.base == 30 && nps.new == 10 && nps.absolute == -20)
        #expect(near(nps.relative, -2.0 / 3, 1e-12))
        #expect(near(nps.test.statistic, -2.480_695, 1e-6))
        #expect(nps.isSignificant && nps.verdict == -1)

        let csat = try kpi("csat")
        #expect(csat.testName == "two-proportion z on top-box answers")
        #expect(csat.absolute == 2)
        #expect(near(csat.test.statistic, 0.289_946, 1e-6))
        #expect(!csat.isSignificant && csat.verdict == 0)

        let ces = try kpi("ces")
        #expect(ces.absolute == nil && ces.relative == nil)
        #expect(ces.test == .notTestable && !ces.isSignificant)
    }

    /// Channels by their new visits, with the channel of one week only: paid social (new in W47)
    /// and affiliate (gone in W47) are compared with 0 visits, orders and revenue, and have no
    /// conversion (and so no conversion test) in the week they are missing from.
    ///
    ///     email orders      64 -> 128: z = 64 / sqrt(192) = 4.6188
    ///     email conversion  60/2,500 = 2.4% -> 120/2,600 = 4.615%: pooled 180/5,100 = 0.035294,
    ///                       z = 0.022154 / sqrt(0.035294 * 0.964706 * (1/2,600 + 1/2,500)) = 4.2862
    ///     paid social       visits 0 -> 600: z = 600 / sqrt(600) = 24.495; orders 0 -> 15: z = 3.8730
    ///     affiliate         visits 500 -> 0: z = -500 / sqrt(500) = -22.361; orders 10 -> 0: z = -3.1623
    @Test func channelsIncludingOnesOfOneWeekOnly() throws {
        #expect(diff.channels.map(\.id) == ["search", "email", "direct", "paid_social", "affiliate"])
        #expect(diff.channels.map(\.label) == ["Search", "E-mail", "Direct", "Paid social", "Affiliate"])
        func channel(_ id: String) throws -> SegmentChange { try #require(diff.channels.first { $0.id == id }) }

        let email = try channel("email")
        #expect(email.visits.base == 2_500 && email.visits.new == 2_600)
        #expect(email.orders.base == 64 && email.orders.new == 128)
        #expect(near(email.orders.test.statistic, 4.618_802, 1e-6) && email.orders.test.isSignificant == true)
        #expect(email.revenue == (6_400, 12_800))
        #expect(near(email.conversion.base, 0.024, 1e-12) && near(email.conversion.new, 120.0 / 2_600, 1e-12))
        #expect(near(email.conversionTest.statistic, 4.286_197, 1e-6))

        let social = try channel("paid_social")
        #expect(social.visits.base == 0 && social.visits.new == 600)
        #expect(near(social.visits.test.statistic, 24.494_897, 1e-6))
        #expect(social.orders.base == 0 && social.orders.new == 15)
        #expect(near(social.orders.test.statistic, 3.872_983, 1e-6))
        #expect(social.revenue == (0, 1_500))
        #expect(social.conversion.base == nil && near(social.conversion.new, 14.0 / 600, 1e-12))
        #expect(social.conversionTest == .notTestable)

        let affiliate = try channel("affiliate")
        #expect(affiliate.visits.base == 500 && affiliate.visits.new == 0)
        #expect(near(affiliate.orders.test.statistic, -3.162_278, 1e-6))
        #expect(affiliate.revenue == (250, 0))
        #expect(affiliate.conversion.base == 0.02 && affiliate.conversion.new == nil)
        #expect(affiliate.conversionTest == .notTestable)

        // search: orders 215 -> 224, z = 9 / sqrt(439) = 0.4296, within noise
        #expect(try channel("search").orders.test.isSignificant == false)
    }

    /// Devices only (the visitor segment is another dimension), by their new visits:
    ///
    ///     desktop  210/6,000 = 3.5% -> 196/5,600 = 3.5%: z = 0
    ///     mobile    90/4,000 = 2.25% -> 168/4,800 = 3.5%: pooled 258/8,800 = 0.029318,
    ///              z = 0.0125 / sqrt(0.029318 * 0.970682 * (1/4,800 + 1/4,000)) = 3.4611
    @Test func devicesOnly() throws {
        #expect(diff.devices.map(\.id) == ["desktop", "mobile"])
        let desktop = diff.devices[0], mobile = diff.devices[1]
        #expect(desktop.label == "desktop" && desktop.visits.new == 5_600 && desktop.orders.base == 224)
        #expect(desktop.conversionTest.statistic == 0)
        #expect(near(mobile.conversionTest.statistic, 3.461_085, 1e-6))
        #expect(mobile.revenue == (9_600, 20_900))
    }

    /// Touchpoints by views, journey-map links by transitions and paths by visits; equal sizes
    /// are listed by id.
    @Test func whatAppearedVanishedOrMoved() {
        typealias Item = SetChange.Item
        // Gift guide and Sale both appear with 300 views: by name. Cart and Product both move by
        // 100 (either way): by name, after Home's 200. Blog did not move and is not listed.
        #expect(diff.touchpoints.appeared == [Item(id: "Gift guide", base: 0, new: 300), Item(id: "Sale", base: 0, new: 300)])
        #expect(diff.touchpoints.vanished == [Item(id: "Old promo", base: 120, new: 0)])
        #expect(diff.touchpoints.moved == [Item(id: "Home", base: 5_000, new: 5_200), Item(id: "Cart", base: 800, new: 900),
                                           Item(id: "Product", base: 3_000, new: 2_900)])
        #expect(diff.touchpoints.moved.map(\.delta) == [200, 100, -100])

        #expect(diff.links.appeared == [Item(id: "Home -> Gift guide", base: 0, new: 250)])
        #expect(diff.links.vanished == [Item(id: "Old promo -> Product", base: 50, new: 0)])
        #expect(diff.links.moved == [Item(id: "Home -> Product", base: 2_000, new: 2_100)])

        #expect(diff.paths.appeared == [Item(id: "Home > Gift guide", base: 0, new: 200)])
        #expect(diff.paths.vanished == [Item(id: "Home > Product > Cart", base: 400, new: 0)])
        #expect(diff.paths.moved == [Item(id: "Home", base: 1_200, new: 1_300)])
    }

    /// At most five of each list, the largest first and equal sizes by id, whatever the order of
    /// the dictionaries.
    @Test func setChangesKeepTheFiveLargestTiesById() {
        let base = ["a": 10, "b": 10, "c": 10, "x": 7]
        let new = ["a": 12, "b": 8, "c": 10, "g": 1, "f": 3, "e": 3, "d": 3, "h": 3, "i": 2]
        let s = SetChange(base: base, new: new)
        #expect(s.appeared.map(\.id) == ["d", "e", "f", "h", "i"])
        #expect(s.vanished.map(\.id) == ["x"])
        #expect(s.moved.map(\.id) == ["a", "b"])
        #expect(SetChange(base: base, new: base).isEmpty)
    }

    /// What to act on first, by the estimated effect on revenue (W47's AOV 110, conversion
    /// 3.5%, orders 400; 1% of W46's revenue is 320):
    ///
    ///     revenue          +12,000                              orders 12,000 / 110 = +109.09
    ///     orders           +80 orders * 110        = +8,800
    ///     channel email    orders 64 -> 128 (z 4.62), revenue 6,400 -> 12,800 = +6,400
    ///     conversion_rate  +0.005 * 10,400 visits = +52 orders * 110 = +5,720
    ///     aov              +10 * 400 orders        = +4,000     orders 0
    ///     visits           +400 * 0.035 = +14 orders * 110 = +1,540
    ///     channel paid social  0 -> 15 orders (z 3.87), revenue +1,500
    ///     nps              no estimate: after the changes worth >= 320, before the smaller ones
    ///     channel affiliate    10 -> 0 orders (z -3.16), revenue 250 -> 0 = -250
    ///     page_views       +10%, but no orders come of page views: 0
    ///
    /// The channel whose orders doubled ranks far above +10% page views. Bounce (no change), CSAT
    /// (within noise) and search and direct (orders within noise) are not listed.
    /// A report against itself: nothing moved, so nothing is news.
    @Test(arguments: ["2026-W46", "2026-W47"])
    func aReportAgainstItselfShowsNoChange(_ week: String) throws {
        let report = week == "2026-W46" ? Snapshots.w46 : Snapshots.w47
        let same = try ReportDiff.compare(base: report, new: report)
        for k in same.kpis {
            #expect(k.absolute == nil || k.absolute == 0, "\(k.id) moved by \(k.absolute!)")
            #expect(!k.isSignificant && k.verdict == 0, "\(k.id) is news against itself")
            #expect(k.test.statistic == nil || k.test.statistic == 0, "\(k.id)")
        }
        #expect(same.kpis.filter { $0.absolute != nil }.count == 10)
        #expect(same.changes.items.isEmpty)
        for c in same.channels + same.devices {
            #expect(c.visits.test.isSignificant == false && c.orders.test.isSignificant != true, "\(c.id)")
            #expect(c.conversionTest.isSignificant == false, "\(c.id)")
        }
        #expect(same.touchpoints.isEmpty && same.links.isEmpty && same.paths.isEmpty)
        for split in same.rateSplits {
            #expect(split.shiftShare.total == 0 && split.shiftShare.rate == 0, "\(split.kpi) by \(split.dimension)")
            #expect(abs(split.shiftShare.mix) < 1e-15, "\(split.kpi) by \(split.dimension)")
            #expect(split.rateLeader == nil, "\(split.kpi) by \(split.dimension)")
        }
        // Even a threshold of 0 is not crossed by a change that is not larger than noise.
        let all = try Threshold.list(parsing: "visits:-0,revenue:+0,conversion_rate:-0pp,conversion_rate:+0%,nps:-0,aov:+0")
        #expect(try same.crossed(all).isEmpty)
    }

    /// Reports made by other rules cannot be compared: the error names what differs and both
    /// values.
    @Test func reportsOfOtherRulesAreNotCompared() {
        func error(_ change: (inout ReportData) -> Void) -> CompareError? {
            var new = Snapshots.w47
            change(&new)
            do {
                _ = try ReportDiff.compare(base: Snapshots.w46, new: new)
                return nil
            } catch {
                return error
            }
        }
        #expect(error { $0.sessionRules.summary = "ga4: 30 min timeout, no campaign split" }?.message
            == "the reports were made with different session rules: 2026-W46 has 'matomo: 30 min timeout, new visit on campaign change', "
            + "2026-W47 has 'ga4: 30 min timeout, no campaign split'")
        #expect(error { $0.sessionRules.identity = "device only" }?.message
            == "the reports were made with different identity: 2026-W46 has 'customer id, else device', 2026-W47 has 'device only'")
        #expect(error { $0.sessionRules.lookbackDays = 7 }?.message
            == "the reports were made with different attribution lookback: 2026-W46 has '30 days', 2026-W47 has '7 days'")
        #expect(error { $0.period.timeZone = "UTC" }?.message
            == "the reports were made with different time zone: 2026-W46 has 'Europe/Berlin', 2026-W47 has 'UTC'")
        #expect(error { $0.period.currency = "USD" }?.message
            == "the reports were made with different currency: 2026-W46 has 'EUR', 2026-W47 has 'USD'")
        // What does not change the numbers' meaning does not stop the comparison.
        #expect(error { $0.period.locale = "de" } == nil)
    }

    /// A partial week on either side is compared by its rates only, as the report's own "What
    /// changed" compares it: counts and sums (visits, page views, orders, revenue) would only
    /// measure the missing days, and the other figures (AOV, NPS) are left out with them.
    /// Channels, counted in visits and orders, are not ranked. The numbers are still shown.
    @Test(arguments: [false, true])
    func aPartialWeekComparesRatesOnly(_ partialBase: Bool) throws {
        var base = Snapshots.w46, new = Snapshots.w47
        if partialBase { base.period.isPartial = true } else { new.period.isPartial = true }
        let d = try ReportDiff.compare(base: base, new: new)
        #expect(d.ratesOnly)
        for id in ["visits", "page_views", "orders", "revenue", "aov", "nps"] {
            let k = try #require(d.kpi(id))
            #expect(!k.isCompared && !k.isSignificant && k.verdict == 0, "\(id)")
            #expect(k.absolute != nil, "\(id)")
        }
        for id in ["conversion_rate", "bounce_rate"] {
            #expect(try #require(d.kpi(id)).isCompared, "\(id)")
        }
        // conversion +0.5 pp, z = 2.01, as in the whole weeks
        #expect(try #require(d.kpi("conversion_rate")).isSignificant)
        // only rates make the list, without an estimate in orders; conversion's p of 0.044 does
        // not survive the correction for the week's family of tests
        #expect(d.changes.items.allSatisfy { $0.lead.isRate && $0.also.allSatisfy(\.isRate) && $0.orders == nil })
        #expect(!d.changes.items.contains { $0.id == "conversion" })
        #expect(try d.crossed(Threshold.list(parsing: "visits:+1%,revenue:+1")).isEmpty)
        #expect(try d.crossed(Threshold.list(parsing: "conversion_rate:+10%")).map(\.1.id) == ["conversion_rate"])
    }
}
