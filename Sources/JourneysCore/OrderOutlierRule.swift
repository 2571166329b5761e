/// The shop's usual order values, as a bound: an order worth more than `factor` times the median
/// of the shop's earlier orders is far outside what the shop sells (a forged confirmation hit, a
/// test order, a value in the wrong unit) and is rejected like one above `orders.max_value`
/// (docs/definitions.md, order values).
///
/// The earlier orders are the history's orders of the 365 days before the period starts that
/// have a value above 0 (an order without a value is stored as 0). With fewer than `minOrders`
/// of them the shop's usual value is not known well enough, and only the ceiling applies. The
/// bound is worked out once, before any line is read, and handed to every process that reads
/// lines: an order's fate never depends on which other orders a process happens to see, so one
/// process, threads, partials and Spark agree, and a run without a history is the same run
/// whatever order its lines come in.
///
/// Integers throughout: with an even number of values the median is the mean of the two middle
/// ones, so the bound is `floor(factor * (a + b) / 2)` cents and a value is an outlier when it is
/// above it (the same as above `factor * median` exactly, for whole cents).
package struct OrderOutlierRule: Sendable, Equatable {
    /// Times the median above which an order is an outlier (`orders.outlier_factor`); 0 turns
    /// the rule off.
    package var factor: Int
    /// Earlier orders with a value needed for the rule to apply (`orders.outlier_min_orders`).
    package var minOrders: Int

    package static let defaultFactor = 20
    package static let defaultMinOrders = 30
    /// The days before the period whose orders make the shop's usual value.
    package static let days: Int64 = 365

    package init(factor: Int = OrderOutlierRule.defaultFactor, minOrders: Int = OrderOutlierRule.defaultMinOrders) {
        self.factor = factor
        self.minOrders = minOrders
    }

    /// The bound in cents for the earlier orders' `values` (any order; values of 0 or less are
    /// left out), or nil when the rule does not apply (off, or too few values). Never traps: a
    /// bound beyond 64 bits is no bound.
    package func bound<C: Collection>(values: C) -> Int64? where C.Element == Int64 {
        guard factor > 0 else { return nil }
        var kept = values.filter { $0 > 0 }
        guard kept.count >= max(1, minOrders) else { return nil }
        kept.sort()
        let n = kept.count
        let a = kept[(n - 1) / 2], b = kept[n / 2]
        let (sum, o1) = a.addingReportingOverflow(b)
        guard !o1 else { return nil }
        let (product, o2) = sum.multipliedReportingOverflow(by: Int64(factor))
        guard !o2 else { return nil }
        return product / 2
    }
}
