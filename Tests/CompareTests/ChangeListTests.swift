@testable import Compare
import ReportModel
import Testing

/// "What changed" of `Snapshots` (W46 against W47) and of single reports with trends and a year
/// ago: one family of tests, one item per cause, small samples left out.
@Suite struct ChangeListTests {
    let changes: ChangeList

    init() throws { changes = try ReportDiff.compare(base: Snapshots.w46, new: Snapshots.w47).changes }

    /// 26 tests (10 KPIs with a test, 5 channels and 3 devices... each by visits, orders and
    /// conversion where testable); the Poisson tests of paid social's orders (0 + 15) and
    /// affiliate's (10 + 0) rest on fewer than 30 orders and are not run.
    @Test func oneFamilyWithSmallSamplesLeftOut() {
        #expect(changes.tests == 26)
        #expect(changes.smallSamples == 2)
        #expect(changes.falseDiscoveryRate == 0.05)
    }

    /// Visits (+4%, p 0.005) and page views (+10%) are one traffic item led by visits, whose
    /// effect (+400 visits × 3.5% conversion = +14 orders) is counted once; orders and revenue
    /// are one sales item. Conversion (+0.5 pp, p 0.044) is larger than noise alone but not in a
    /// family of 26: it is not listed.
    @Test func oneItemPerCause() throws {
        #expect(changes.items.map(\.id) == ["device:mobile", "sales", "channel:email", "aov", "traffic", "channel:paid_social",
                                            "device:desktop", "nps", "channel:affiliate"])
        let traffic = try #require(changes.items.first { $0.id == "traffic" })
        #expect(traffic.lead.figure == "visits" && traffic.also.map(\.figure) == ["page_views"])
        #expect(abs(traffic.orders! - 14) < 1e-9)
        let sales = try #require(changes.items.first { $0.id == "sales" })
        #expect(sales.lead.figure == "orders" && sales.also.map(\.figure) == ["revenue"] && sales.orders == 80)
        #expect(!changes.items.contains { $0.lead.figure == "conversion_rate" || $0.also.contains { $0.figure == "conversion_rate" } })
        // paid social's orders are a small sample: its visits lead, its orders' change is the effect
        let social = try #require(changes.items.first { $0.id == "channel:paid_social" })
        #expect(social.lead.figure == "visits" && social.orders == 15)
        // NPS has no estimate: after the changes worth at least 1% of W46's revenue (320), before the smaller
        #expect(changes.items.firstIndex { $0.id == "nps" }! > changes.items.firstIndex { $0.id == "traffic" }!)
    }

    /// A report alone, with 8 earlier weeks of orders around 100 (sd 2.07) and 140 this week:
    /// t = (140 - 100) / (2.07 × sqrt(1 + 1/8)) = 18.2 on 7 degrees of freedom, far outside the
    /// usual range. 101 stays inside it.
    @Test func aFigureOutsideItsRecentWeeks() throws {
        func report(_ now: Double) -> ReportData {
            var r = Snapshots.w47
            r.kpis = [Snapshots.count("orders", "Orders", Int(now))]
            r.kpis[0].trend = [97, 100, 102, 98, 101, 99, 100, 103].enumerated().map { TrendPoint(period: "W\($0.offset)", value: $0.element) }
                + [TrendPoint(period: "2026-W47", value: now)]
            return r
        }
        let high = ChangeList.of(report(140))
        let item = try #require(high.items.first)
        #expect(item.id == "sales" && item.lead.reference == .trend && item.lead.trend?.count == 8)
        #expect(item.lead.trend?.min == 97 && item.lead.trend?.max == 103 && item.lead.base == 100)
        #expect(item.lead.pValue < 1e-5)
        #expect(ChangeList.of(report(101)).items.isEmpty)
        #expect(ChangeList.of(report(101)).tests == 1)
    }

    /// Fewer than 4 earlier weeks make no trend test.
    @Test func aShortTrendIsNoTest() {
        var r = Snapshots.w47
        r.kpis = [Snapshots.count("orders", "Orders", 140)]
        r.kpis[0].trend = [100, 101, 99].map { TrendPoint(period: "W\($0)", value: $0) } + [TrendPoint(period: "2026-W47", value: 140)]
        #expect(ChangeList.of(r).tests == 0)
    }

    /// A year ago: the 90-day repeat rate 7.5% against 18.1%, with the p-value the history's test
    /// gave, is listed against a year ago; the report's previous week (p 0.3) is not.
    @Test func aChangeAgainstAYearAgo() throws {
        var r = Snapshots.w47
        var k = Snapshots.rate("repeat_purchase_rate_90d", "Repeat purchase rate (90 days)", 30, of: 400)
        k.previous = 0.08
        k.pValue = 0.3
        k.yearAgo = 0.181
        k.yearAgoPValue = 1e-9
        r.kpis = [k]
        let list = ChangeList.of(r)
        #expect(list.tests == 2)
        let item = try #require(list.items.first)
        #expect(item.id == "repeat_purchase_rate_90d" && item.lead.reference == .yearAgo && item.verdict == -1)
        #expect(item.lead.base == 0.181 && item.lead.new == 0.075)
    }

    /// CES from 6 answers against 5 is a hint, never a finding, whatever its p-value.
    @Test func aSmallSampleIsNoFinding() {
        var base = Snapshots.w46, new = Snapshots.w47
        base.satisfaction.ces = .init(answers: 5, value: 80)
        base.satisfaction.ces.topBox = 4
        new.satisfaction.ces = .init(answers: 6, value: 100.0 / 6)
        new.satisfaction.ces.topBox = 1
        let list = try! ReportDiff.compare(base: base, new: new).changes
        #expect(!list.items.contains { $0.id == "ces" })
        #expect(list.smallSamples == 3)
    }
}
