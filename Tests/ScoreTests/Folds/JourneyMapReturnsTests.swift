import JourneysCore
import ReportModel
import Testing
@testable import Score
import Sections

/// Returns across visits on the journey map (docs/definitions.md "Returns"): from the last
/// touchpoint of a visit to the landing of the same person's next visit, both in the period,
/// the next within the lookback; counted per link with the median days between the visits.
@Suite struct JourneyMapReturnsTests {
    static let day: Int64 = 86_400
    static let period = 10 * day..<17 * day

    /// Worked on paper (pages a minute apart):
    /// - device 1: Home, Product (day 10, 09:00) → Product, Add to cart (day 11, 09:00): a return
    ///   Product -> Product, 1 day less the minute of the first visit's second page;
    ///   → Home (day 13, 09:00): a return Add to cart -> Home, 2 days less a minute.
    /// - device 2: Home, Product (day 10, 12:00) → Product (day 12, 12:00): Product -> Product,
    ///   2 days less a minute.
    /// - device 3: a visit before the period (day 8) → Home (day 11): no return (the earlier
    ///   visit is not in the period).
    /// - device 4: Product (day 10) → Home (day 16) with a 3-day lookback: too late, no return.
    /// - device 5: one visit only: nothing.
    func input(lookback: Int64 = 30 * day) throws -> ScoreInput {
        var s = ScoreTestShop()
        let nine: Int64 = 9 * 3_600
        s.visit(1, at: 10 * Self.day + nine, ["/", "/p/a"])
        s.visit(1, at: 11 * Self.day + nine, ["/p/b", "/cart/add"])
        s.visit(1, at: 13 * Self.day + nine, ["/"])
        s.visit(2, at: 10 * Self.day + 12 * 3_600, ["/", "/p/a"])
        s.visit(2, at: 12 * Self.day + 12 * 3_600, ["/p/c"])
        s.visit(3, at: 8 * Self.day, ["/p/a"])
        s.visit(3, at: 11 * Self.day, ["/"])
        s.visit(4, at: 10 * Self.day, ["/p/a"])
        s.visit(4, at: 16 * Self.day, ["/"])
        s.visit(5, at: 14 * Self.day, ["/search", "/p/a"])
        return try s.input(period: Self.period, lookback: lookback)
    }

    func map(_ input: ScoreInput) -> JourneyMap {
        let context = input.foldContext
        var finishing = FinishContext(context)
        return VisitFolds.folded(input.people, context).finish(&finishing).journeyMap
    }

    func returns(_ map: JourneyMap) -> [String: (count: Int, days: Double?)] {
        let names = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0.touchpoint) })
        return Dictionary(uniqueKeysWithValues: map.returns.map { ("\(names[$0.from]!) -> \(names[$0.to]!)", ($0.count, $0.medianDays)) })
    }

    @Test func returnsLinkTheLastPageOfAVisitToTheNextLanding() throws {
        let r = returns(map(try input(lookback: 3 * Self.day)))
        #expect(r.count == 2)
        // (1 day - 60 s) and (2 days - 60 s): an even count, the mean of the two
        let product = try #require(r["Product -> Product"])
        #expect(product.count == 2)
        #expect(product.days == ((1.5 * 86_400 - 60) / 86_400 * 100).rounded() / 100)
        let home = try #require(r["Add to cart -> Home"])
        #expect(home.count == 1 && home.days == ((2 * 86_400 - 60) / 86_400 * 100).rounded() / 100)
    }

    @Test func theLookbackBoundsTheGap() throws {
        // with the default 30 days, device 4's return after six days counts too
        let r = returns(map(try input()))
        #expect(r["Product -> Home"]?.count == 1)
        #expect(r["Product -> Home"]?.days == 6)
        #expect(r.values.map(\.count).reduce(0, +) == 4)
    }

    @Test func returnsAreNotStepsWithinAVisit() throws {
        let m = map(try input(lookback: 3 * Self.day))
        let names = Dictionary(uniqueKeysWithValues: m.nodes.map { ($0.id, $0.touchpoint) })
        // Product -> Add to cart is a step of device 1's second visit; no step runs Add to cart -> Home
        #expect(m.links.contains { names[$0.from] == "Product" && names[$0.to] == "Add to cart" })
        #expect(!m.links.contains { names[$0.from] == "Add to cart" && names[$0.to] == "Home" })
        #expect(m.links.allSatisfy { $0.medianDays == nil } && m.returns.allSatisfy { $0.medianSeconds == nil })
    }
}
