import ReportModel
import Statistics

/// One key figure in the base and the new period: how much it moved and whether the move is
/// larger than noise, by the test that fits the figure (see `test(_:base:new:)`).
package struct KPIChange: Sendable, Equatable {
    package var id: String
    package var label: String
    package var unit: KPI.Unit
    package var better: KPI.Better
    package var base: Double?
    package var new: Double?
    /// new - base, in the KPI's unit (a fraction for rates: 0.004 is 0.4 pp).
    package var absolute: Double? {
        guard let base, let new else { return nil }
        return new - base
    }
    /// (new - base) / |base|; nil when base is 0 or missing.
    package var relative: Double? {
        guard let base, let new, base != 0 else { return nil }
        return (new - base) / abs(base)
    }
    package var test: NoiseTestResult
    /// The name of the test that decided `test`, for the page ("two-proportion z").
    package var testName: String
    /// False for every KPI but rates when either period is partial: as in the report's own
    /// comparison, a partial period is compared by its rates only (counts and sums would measure
    /// the missing days).
    package var isCompared: Bool = true

    package var isRate: Bool { unit == .ratio }
    package var isSignificant: Bool { isCompared && test.isSignificant == true }

    /// +1 good news, -1 bad news, 0 neither (no change, neutral KPI, or within noise).
    package var verdict: Int {
        guard isSignificant, let d = absolute, d != 0 else { return 0 }
        switch better {
        case .higher: return d > 0 ? 1 : -1
        case .lower: return d < 0 ? 1 : -1
        case .neutral: return 0
        }
    }
}

extension KPIChange {
    /// The change of `id` from `base` to `new`, tested by what the figure is made of: a rate with
    /// its counts by the two-proportion z test, a count by the Poisson test, the average order
    /// value by Welch's t on the order values, revenue by the compound Poisson test on their sum,
    /// NPS by the z test on the difference of two NPS; anything else is not tested.
    static func of(_ id: String, base: ReportData, new: ReportData) -> KPIChange? {
        guard let n = new.kpi(id) ?? base.kpi(id) else { return nil }
        let b = base.kpi(id), m = new.kpi(id)
        var change = KPIChange(id: id, label: n.label, unit: n.unit, better: n.better, base: b?.value, new: m?.value,
                               test: .notTestable, testName: "")
        (change.test, change.testName) = test(id, base: b, new: m, baseOrders: base.orderValues, newOrders: new.orderValues)
        return change
    }

    static func test(_ id: String, base: KPI?, new: KPI?, baseOrders: ValueSample?, newOrders: ValueSample?) -> (NoiseTestResult, String) {
        guard let base, let new else { return (.notTestable, "") }
        if let x1 = new.numerator, let n1 = new.denominator, let x0 = base.numerator, let n0 = base.denominator {
            return (Significance.proportion(x1, of: n1, against: x0, of: n0), "two-proportion z")
        }
        switch (id, new.unit) {
        case ("aov", _):
            guard let a = newOrders, let b = baseOrders else { return (.notTestable, "") }
            return (Significance.mean(ValueMoments(a), against: ValueMoments(b)), "Welch's t on order values")
        case ("revenue", _):
            let none = ValueMoments(count: 0, mean: 0, standardDeviation: 0)
            return (Significance.sum(newOrders.map(ValueMoments.init) ?? none, against: baseOrders.map(ValueMoments.init) ?? none),
                    "compound Poisson z on the sum of orders")
        case (_, .count):
            // A count read from a file: a value no count can be is not tested, never trapped on.
            guard let v1 = new.value.flatMap({ Int(exactly: $0.rounded()) }),
                  let v0 = base.value.flatMap({ Int(exactly: $0.rounded()) }) else { return (.notTestable, "") }
            return (Significance.count(v1, against: v0), "Poisson z")
        default:
            return (.notTestable, "")
        }
    }
}

extension ValueMoments {
    /// The order values report.json keeps, as the tests take them.
    package init(_ v: ValueSample) { self.init(count: v.count, mean: v.mean, standardDeviation: v.standardDeviation) }
}
