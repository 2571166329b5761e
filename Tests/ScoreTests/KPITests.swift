import Foundation
import JourneysCore
import Score
import Testing

@Suite struct KPITests {
    /// Four visits of three people:
    /// - A: home only (a bounce, direct)
    /// - B: home > product > add > checkout > confirmation with order o1 of €100.00 (organic search)
    /// - C: product > add, no order (paid social)
    /// - B again: product only (a bounce)
    func shop() -> ScoreTestShop {
        var s = ScoreTestShop()
        s.visit(1, at: 1_000, ["/"])
        s.visit(2, at: 2_000, ["/", "/p/a", "/cart/add", "/checkout/pay", "/checkout/done"], referrer: "www.google.com",
                order: ("o1", 10_000))
        s.visit(3, at: 3_000, ["/p/b", "/cart/add"], campaign: ("instagram", "paid_social"))
        s.visit(2, at: 50_000, ["/p/a"])
        return s
    }

    @Test func visitKPIsMatchTheirDefinitions() throws {
        let data = Scorer.score(try shop().input(period: 0..<100_000), context: ScoreTestShop.context)
        func value(_ key: String) -> Double? { data.kpi(key)?.value }
        #expect(value("visitors") == 3)
        #expect(value("visits") == 4)
        #expect(value("page_views") == 9)
        #expect(value("pages_per_visit") == 2.25)
        #expect(value("bounce_rate") == 0.5)          // 2 single-page visits / 4
        #expect(value("conversion_rate") == 0.25)     // 1 visit with a purchase / 4
        #expect(value("visitor_conversion") == 0.3333) // 1 buyer / 3 visitors
        #expect(value("orders") == 1)
        #expect(value("revenue") == 100)
        #expect(value("aov") == 100)
        #expect(value("cart_abandonment") == 0.5)     // C added and left; B bought
        #expect(value("visit_duration") == 75)        // (0 + 240 + 60 + 0) s / 4
        #expect(value("new_visitors") == 1)           // nobody was seen before the period
        #expect(data.kpi("visits")?.previous == nil)  // no previous period in the input
    }

    /// A rate with no denominator is null, as a KPI's is: views but no carts leave the checkout
    /// and purchase steps without a drop-off, phases without visits without an exit rate,
    /// journey-length buckets without journeys without shares.
    @Test func ratesWithoutDenominatorAreNull() throws {
        var s = ScoreTestShop()
        s.visit(1, at: 1_000, ["/", "/p/a"])
        s.visit(2, at: 2_000, ["/p/b"])
        let data = Scorer.score(try s.input(period: 0..<100_000), context: ScoreTestShop.context)
        #expect(data.funnel.map(\.visits) == [2, 0, 0, 0])
        #expect(data.funnel.map(\.dropOff) == [nil, 1, nil, nil])
        #expect(data.funnel.map(\.ofFirst) == [1, 0, 0, 0])
        #expect(data.kpi("cart_abandonment")?.value == nil)
        let phases = Dictionary(uniqueKeysWithValues: data.journeyMap.phases.map { ($0.phase, $0) })
        #expect(phases["purchase"]?.visits == 0 && phases["purchase"]?.share == 0 && phases["purchase"]?.exitRate == nil)
        #expect(phases["consideration"]?.exitRate == 1)
        let lengths = Dictionary(uniqueKeysWithValues: data.journeyLengths.map { ($0.visits, $0) })
        #expect(lengths["1"]?.conversion == 0 && lengths["2"]?.journeys == 0 && lengths["2"]?.conversion == nil && lengths["2"]?.multiChannel == nil)
        // report.json writes null, not a left-out key
        let json = String(decoding: try JSONEncoder().encode(data.funnel[2]), as: UTF8.self)
        #expect(json.contains("\"dropOff\":null"))
    }

    @Test func funnelIsClosedAndCountsDropOff() throws {
        let data = Scorer.score(try shop().input(period: 0..<100_000), context: ScoreTestShop.context)
        #expect(data.funnel.map(\.visits) == [3, 2, 1, 1])
        #expect(data.funnel.map(\.dropOff) == [nil, 0.3333, 0.5, 0])
        #expect(data.funnel.map(\.ofFirst) == [1, 0.6667, 0.3333, 0.3333])
    }

    @Test func journeyMapCountsViewsExitsAndTransitions() throws {
        let data = Scorer.score(try shop().input(period: 0..<100_000), context: ScoreTestShop.context)
        let nodes = Dictionary(uniqueKeysWithValues: data.journeyMap.nodes.map { ($0.touchpoint, $0) })
        #expect(nodes["Home"]?.views == 2)
        #expect(nodes["Product"]?.views == 3)
        #expect(nodes["Product"]?.exits == 1)
        #expect(nodes["Product"]?.exitRate == 0.3333)
        #expect(nodes["Home"]?.entries == 2)
        let id = { (name: String) in nodes[name]!.id }
        let top = try #require(data.journeyMap.links.first)
        #expect((top.from, top.to, top.count) == (id("Product"), id("Add to cart"), 2))
        #expect(data.journeyMap.links.count == 4)
    }

    /// A link's time runs from the last page view of a run of repeats to the next touchpoint's
    /// first, every step counts; time to purchase is in fractional days (seconds / 86,400).
    @Test func linkTimesAfterFoldedRepeatsAndFractionalDays() throws {
        var s = ScoreTestShop()
        s.visit(1, at: 0, ["/", "/", "/p/a"])                           // Home 0 s, Home 60 s, Product 120 s: 60 s
        s.visit(2, at: 1_000, ["/", "/p/b", "/", "/p/b"], gap: 30)     // Home -> Product twice, 30 s each
        s.visit(3, at: 10_000, ["/"])
        s.visit(3, at: 10_000 + 129_600, ["/p/c", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o1", 5_000))
        let data = Scorer.score(try s.input(period: 0..<200_000), context: ScoreTestShop.context)
        let nodes = Dictionary(uniqueKeysWithValues: data.journeyMap.nodes.map { ($0.touchpoint, $0.id) })
        let homeToProduct = try #require(data.journeyMap.links.first { $0.from == nodes["Home"] && $0.to == nodes["Product"] })
        #expect(homeToProduct.count == 3)
        #expect(homeToProduct.medianSeconds == 30)   // of 60, 30, 30
        var one = ScoreTestShop()
        one.visit(1, at: 0, ["/", "/", "/p/a"])
        let alone = Scorer.score(try one.input(period: 0..<200_000), context: ScoreTestShop.context)
        #expect(alone.journeyMap.links.first?.medianSeconds == 60, "from the last Home, not the first (120 s)")
        #expect(data.kpi("days_to_purchase")?.value == 1.5)  // 36 hours
    }

    @Test func onlyVisitsStartingInThePeriodCount() throws {
        // The period ends before B's second visit; the earlier visits form the previous period.
        let data = Scorer.score(try shop().input(period: 2_500..<100_000, previous: 0..<2_500), context: ScoreTestShop.context)
        #expect(data.kpi("visits")?.value == 2)
        #expect(data.kpi("visits")?.previous == 2)
        #expect(data.kpi("orders")?.value == 0)
        #expect(data.kpi("orders")?.previous == 1)
        // B was seen before the period began: one of the two visitors is returning.
        #expect(data.kpi("new_visitors")?.value == 0.5)
    }
}
