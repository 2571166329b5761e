@testable import Compare
import ReportModel
import Testing

/// "What changed" of `Snapshots` (W46 against W47) and of single reports with trends and a year
/// ago: one family of tests, one item per cause, small samples left out.
@Suite struct ChangeListTests {
    let changes: ChangeList

    /// The snapshots with their visitors: 8,000 (5,000 new) against 8,800 (5,600 new), and the
    /// visitors' conversion 300 / 8,000 against 364 / 8,800.
    static func withVisitors(_ r: ReportData, _ visitors: Int, _ new: Int, buyers: Int) -> ReportData {
        var r = r
        r.kpis += [Snapshots.count("visitors", "Visitors", visitors), Snapshots.count("new_visitors", "New visitors", new),
                   Snapshots.rate("visitor_conversion", "Visitor conversion", buyers, of: visitors)]
        return r
    }

    init() throws {
        changes = try ReportDiff.compare(base: Self.withVisitors(Snapshots.w46, 8_000, 5_000, buyers: 300),
                                         new: Self.withVisitors(Snapshots.w47, 8_800, 5_600, buyers: 364)).changes
    }

    /// 20 tests. 10 KPIs: of the 14, visits and page views are not tested by Poisson (their
    /// events come in clusters), pages per visit has no test and CES no answers. 6 of the 5
    /// channels: orders and conversion each, less paid social's and affiliate's conversion (no
    /// visits in a week) and their orders (0 + 15 and 10 + 0, fewer than 30: not run). 4 of the
    /// 2 devices, by orders and conversion.
    @Test func oneFamilyWithSmallSamplesLeftOut() {
        #expect(changes.tests == 20)
        #expect(changes.smallSamples == 2)
        #expect(changes.falseDiscoveryRate == 0.05)
    }

    /// Visitors (+10%, z = 800 / sqrt(16,800) = 6.17) and new visitors (+12%, z = 5.83) are one
    /// traffic item led by visitors, whose effect (+800 visitors × 364 / 8,800 = +33.1 orders) is
    /// counted once; orders and revenue are one sales item. Conversion (+0.5 pp, p 0.044) is
    /// larger than noise alone but not in a family of 20: it is not listed; neither is the
    /// visitors' conversion (z = 1.28).
    @Test func oneItemPerCause() throws {
        let traffic = try #require(changes.items.first { $0.id == "traffic" })
        #expect(traffic.lead.figure == "visitors" && traffic.also.map(\.figure) == ["new_visitors"])
        #expect(abs(traffic.orders! - 800.0 * 364 / 8_800) < 1e-9)
        let sales = try #require(changes.items.first { $0.id == "sales" })
        #expect(sales.lead.figure == "orders" && sales.also.map(\.figure) == ["revenue"] && sales.orders == 80)
        #expect(!changes.items.contains { $0.id == "conversion" })
        #expect(!changes.items.contains { ["visits", "page_views"].contains($0.lead.figure) })
        // paid social's orders are a small sample, its visits clustered: no item
        #expect(!changes.items.contains { $0.id == "channel:paid_social" })
        // by effect on revenue, then NPS (no estimate) after those worth at least 1% of W46's revenue (320)
        print(changes.items.map { "\($0.id) \($0.lead.figure) \($0.revenue as Any)" })
        let money = changes.items.compactMap(\.revenue).map(abs)
        #expect(money == money.sorted(by: >))
        let nps = try #require(changes.items.firstIndex { $0.id == "nps" })
        #expect(changes.items[..<nps].allSatisfy { abs($0.revenue!) >= 320 })
        #expect(changes.items[(nps + 1)...].allSatisfy { abs($0.revenue!) < 320 })
    }

    /// A report alone, with 8 earlier weeks of orders of mean 100 and sd 2 (squares of the
    /// deviations 28, / 7 = 4) and 140 this week: t = (140 - 100) / (2 × sqrt(1 + 1/8)) = 18.856
    /// on 7 degrees of freedom, p = 2.93e-7 (Student's t integrated numerically, outside this
    /// code), far outside the usual range. 101 stays inside it.
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
        #expect(abs(item.lead.pValue - 2.9326e-7) < 1e-10)
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
