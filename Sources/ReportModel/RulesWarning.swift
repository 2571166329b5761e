/// Signs that the touchpoint rules, not the shop, shape the report's figures: much of the
/// traffic falls to "other", funnel steps that no page view reached, orders without any value.
/// Present in report.json only when one of them holds; the page says so in one line at the top,
/// with the commands that help (`journeys init`, `journeys rules check`).
package struct RulesWarning: Codable, Equatable, Sendable {
    /// Share of the page views mapped in the run (the period and its lookback) that no rule
    /// matched (touchpoint "other").
    package var otherShare: Double
    /// The share of "other" above which the report warns.
    package var otherThreshold: Double
    /// Funnel steps (ids, in funnel order) whose rules matched no page view (none for purchase
    /// when there are orders, which the confirmation's parameters make).
    package var emptySteps: [String]
    /// Orders of the period, and how many of them carry a value.
    package var orders: Int
    package var ordersWithValue: Int

    package init(otherShare: Double, otherThreshold: Double, emptySteps: [String], orders: Int, ordersWithValue: Int) {
        self.otherShare = otherShare; self.otherThreshold = otherThreshold; self.emptySteps = emptySteps
        self.orders = orders; self.ordersWithValue = ordersWithValue
    }

    /// Orders but not one value: revenue and the average order value are unknown, not zero.
    package var noOrderValues: Bool { orders > 0 && ordersWithValue == 0 }
    package var tooMuchOther: Bool { otherShare > otherThreshold }
}
