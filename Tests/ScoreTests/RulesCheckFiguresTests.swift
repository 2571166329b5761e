import JourneysCore
import ReportModel
@testable import Score
import Testing
import Touchpoints

/// When report.json says the rules, not the shop, may be what the figures show.
@Suite struct RulesCheckFiguresTests {
    func input(hits: [Int], other: Int) -> ScoreInput {
        var catalog = TouchpointCatalog()
        _ = catalog.add(name: "Home", phase: .awareness, funnelStep: nil)
        _ = catalog.add(name: "Product", phase: .consideration, funnelStep: .productView)
        _ = catalog.add(name: "Add", phase: .purchase, funnelStep: .addToCart)
        _ = catalog.add(name: "Checkout", phase: .purchase, funnelStep: .checkout)
        _ = catalog.add(name: "Done", phase: .purchase, funnelStep: .purchase)
        var symbols = SymbolTable()
        let path = symbols.intern("/x")
        return ScoreInput(visits: [], mapped: [], journeys: [], catalog: catalog, symbols: symbols, period: 0..<1, previous: nil, lookback: 0,
                          ruleNames: ["Home", "Product", "Add", "Checkout", "Done"], ruleHits: hits, unmatched: other > 0 ? [path: other] : [:])
    }

    @Test func soundRulesNoWarning() {
        #expect(RulesCheckFigures.warning(input(hits: [10, 50, 5, 3, 2], other: 10), orders: 2, ordersWithValue: 2) == nil)
    }

    @Test func muchOtherWarns() throws {
        let w = try #require(RulesCheckFigures.warning(input(hits: [10, 20, 5, 3, 2], other: 60), orders: 2, ordersWithValue: 2))
        #expect(w.otherShare == 0.6)
        #expect(w.tooMuchOther && w.emptySteps.isEmpty && !w.noOrderValues)
    }

    @Test func exactlyTheThresholdIsNoWarning() {
        // 20 of 100 page views are other: not more than 20%
        #expect(RulesCheckFigures.warning(input(hits: [10, 50, 10, 5, 5], other: 20), orders: 2, ordersWithValue: 1) == nil)
    }

    @Test func aStepThatMatchedNothingWarns() throws {
        let w = try #require(RulesCheckFigures.warning(input(hits: [10, 50, 0, 3, 2], other: 0), orders: 2, ordersWithValue: 2))
        #expect(w.emptySteps == ["add_to_cart"])
    }

    @Test func ordersMakeThePurchaseStep() throws {
        // the confirmation page unmapped, but orders came from its parameters
        #expect(RulesCheckFigures.warning(input(hits: [10, 50, 5, 3, 0], other: 0), orders: 2, ordersWithValue: 2) == nil)
        let w = try #require(RulesCheckFigures.warning(input(hits: [10, 50, 5, 3, 0], other: 0), orders: 0, ordersWithValue: 0))
        #expect(w.emptySteps == ["purchase"])
    }

    @Test func ordersWithoutAnyValueWarn() throws {
        let w = try #require(RulesCheckFigures.warning(input(hits: [10, 50, 5, 3, 2], other: 0), orders: 4, ordersWithValue: 0))
        #expect(w.noOrderValues)
    }
}

extension RulesCheckFigures {
    /// The warning of an input held in memory: its accounting against its catalog.
    static func warning(_ input: ScoreInput, orders: Int, ordersWithValue: Int) -> RulesWarning? {
        warning(input.accounting, catalog: input.catalog, orders: orders, ordersWithValue: ordersWithValue)
    }
}
