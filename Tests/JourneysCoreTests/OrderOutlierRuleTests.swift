import JourneysCore
import Testing

/// The bound of the shop's usual order values: `factor` times the median of the earlier orders
/// with a value, in whole cents, only with enough of them.
@Suite struct OrderOutlierRuleTests {
    @Test func theBoundIsTheFactorTimesTheMedian() {
        let rule = OrderOutlierRule(factor: 20, minOrders: 3)
        #expect(rule.bound(values: [1_000, 3_000, 2_000]) == 40_000)
        // even count: the mean of the two middle ones, 20 x 2,500.5 = 50,010
        #expect(rule.bound(values: [1_000, 2_000, 3_001, 9_999_999]) == 50_010)
        // 3 x (1 + 2) / 2 = 4.5 cents: 4 (a value of 5 is above it, 4 is not)
        #expect(OrderOutlierRule(factor: 3, minOrders: 2).bound(values: [1, 2]) == 4)
    }

    @Test func ordersWithoutAValueDoNotCountAndTooFewGiveNoBound() {
        let rule = OrderOutlierRule(factor: 20, minOrders: 3)
        #expect(rule.bound(values: [0, 0, 0, 0, 1_000, 2_000]) == nil)
        #expect(rule.bound(values: [0, 1_000, 2_000, 3_000]) == 40_000)
        #expect(OrderOutlierRule(factor: 0, minOrders: 1).bound(values: [1_000]) == nil)
        #expect(rule.bound(values: [Int64]()) == nil)
    }

    @Test func extremeValuesGiveNoBoundRatherThanTrap() {
        let rule = OrderOutlierRule(factor: 1_000, minOrders: 1)
        #expect(rule.bound(values: [Int64.max]) == nil)
        #expect(rule.bound(values: [Int64.max, Int64.max]) == nil)
        #expect(rule.bound(values: [-5, Int64.min, 10]) == 10_000)
    }

    /// Random values: a value is above the bound exactly when twice it is above the factor times
    /// the sum of the two middle values, worked out in wider arithmetic.
    @Test func randomValuesAgreeWithExactArithmetic() {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<500 {
            let factor = Int(2 + rng.next() % 999)
            let values = (0..<Int(1 + rng.next() % 60)).map { _ in Int64(rng.next() % 1_000_000_001) }
            let rule = OrderOutlierRule(factor: factor, minOrders: 1)
            let kept = values.filter { $0 > 0 }.sorted()
            guard let bound = rule.bound(values: values) else {
                #expect(kept.isEmpty)
                continue
            }
            let middle = Double(kept[(kept.count - 1) / 2]) + Double(kept[kept.count / 2])
            for v in [bound - 1, bound, bound + 1, Int64(rng.next() % 1_000_000_000_000)] {
                #expect((v > bound) == (2 * Double(v) > Double(factor) * middle))
            }
        }
    }
}
