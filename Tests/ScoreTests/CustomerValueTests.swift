import JourneysCore
import Score
import Testing
import ReportModel

@Suite struct CustomerValueTests {
    /// Three people over 73 days (day 0 to the period's end on day 73):
    /// - A arrives by organic search and buys twice (€100, €50);
    /// - B arrives direct and buys once (€30);
    /// - C arrives direct and never buys.
    @Test func clvPerFirstChannelAndTier() throws {
        let day: Int64 = 86_400
        var s = ScoreTestShop()
        s.visit(1, at: 0, ["/"], referrer: "www.google.com")
        s.visit(1, at: 10 * day, ["/checkout/done"], order: ("a1", 10_000))
        s.visit(1, at: 40 * day, ["/checkout/done"], order: ("a2", 5_000))
        s.visit(2, at: 5 * day, ["/checkout/done"], order: ("b1", 3_000))
        s.visit(3, at: 6 * day, ["/"])
        var input = try s.input(period: (66 * day)..<(73 * day), lookback: 100 * day)
        input.customerLifespanYears = 2
        let cv = Scorer.score(input, context: ScoreTestShop.context).customerValue
        #expect(cv.windowDays == 73)
        let rows = Dictionary(uniqueKeysWithValues: cv.channels.map { ($0.channel, $0) })
        #expect(rows["organic_search"]?.customers == 1)
        #expect(rows["direct"]?.customers == 2)
        // organic search: AOV 75, 2 orders per buyer in 73 days = 10 a year, CLV = 75 * 10 * 2 = 1500
        let organic = try #require(rows["organic_search"]?.clv)
        #expect(organic == CLV(buyers: 1, aov: 75, purchasesPerYear: 10, value: 1500))
        // direct: one buyer, AOV 30, 5 a year, CLV = 30 * 5 * 2 = 300
        #expect(rows["direct"]?.clv == CLV(buyers: 1, aov: 30, purchasesPerYear: 5, value: 300))
        // tiers of two buyers: A high (from €150), B medium (from €30); no low tier
        #expect(cv.tiers.map(\.tier) == ["high", "medium"])
        #expect(cv.tiers.map(\.minRevenue) == [150, 30])
        // all: 3 orders, €180, AOV 60, 1.5 per buyer = 7.5 a year, CLV = 60 * 7.5 * 2 = 900
        #expect(cv.all == CLV(buyers: 2, aov: 60, purchasesPerYear: 7.5, value: 900))
    }
}
