import JourneysCore
import Score
import Testing

@Suite struct SegmentAndLoopTests {
    /// - device 1: product > add to cart > shipping info ("other" here) > add to cart > checkout >
    ///   confirmation with an order: one loop, add to cart > other > add to cart
    /// - device 1 again later: home only (a returning visitor's bounce)
    /// - device 2: home > product > home > product: two loops, home > product > home and
    ///   product > home > product
    @Test func segmentsAndLoopsCountVisits() throws {
        var s = ScoreTestShop()
        s.visit(1, at: 100, ["/p/a", "/cart/add", "/info/shipping", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o1", 2_000))
        s.visit(1, at: 9_000, ["/"])
        s.visit(2, at: 200, ["/", "/p/a", "/", "/p/a"])
        let data = Scorer.score(try s.input(period: 0..<100_000), context: ScoreTestShop.context)

        let rows = Dictionary(uniqueKeysWithValues: data.segments.map { ("\($0.dimension)/\($0.segment)", $0) })
        #expect(rows["visitor/new"]?.visits == 2)
        #expect(rows["visitor/returning"]?.visits == 1)
        #expect(rows["visitor/returning"]?.bounceRate == 1)
        #expect(rows["visitor/new"]?.conversionRate == 0.5)
        #expect(rows["visitor/new"]?.revenue == 20)
        #expect(rows["device/desktop"]?.visits == 3)
        #expect(rows["device/mobile"] == nil)

        let loops = data.loops.map { "\($0.from)>\($0.via) \($0.visits)/\($0.purchases)" }
        // equal counts: in the order of the touchpoint rules (Home, Product, Add to cart, ...)
        #expect(loops == ["Home>Product 1/0", "Product>Home 1/0", "Add to cart>other 1/1"])
    }

    /// Person 5: social on day 0, e-mail on day 3, direct with an order on day 5 (3 visits, 3 channels);
    /// person 6: one direct visit; person 7: a visit 40 days before the period's end (outside the
    /// 30-day window) and one in the period, both direct.
    @Test func journeyLengthsCountVisitsInTheLookbackWindow() throws {
        let day: Int64 = 86_400
        var s = ScoreTestShop()
        s.visit(7, at: 0, ["/"])
        s.visit(5, at: 35 * day, ["/p/a"], campaign: ("instagram", "paid_social"))
        s.visit(5, at: 38 * day, ["/p/a"], campaign: ("newsletter", "email"))
        s.visit(5, at: 40 * day, ["/checkout/done"], order: ("o1", 1_000))
        s.visit(6, at: 39 * day, ["/"])
        s.visit(7, at: 39 * day + 100, ["/"])
        let data = Scorer.score(try s.input(period: (34 * day)..<(41 * day), lookback: 30 * day), context: ScoreTestShop.context)
        let rows = Dictionary(uniqueKeysWithValues: data.journeyLengths.map { ($0.visits, $0) })
        #expect(rows["1"]?.journeys == 2)
        #expect(rows["3–4"]?.journeys == 1)
        #expect(rows["3–4"]?.multiChannel == 1)
        #expect(rows["3–4"]?.buyers == 1)
        #expect(rows["2"]?.journeys == 0)
        #expect(rows["1"]?.conversion == 0)
    }
}
