import Foundation
import ReportModel

/// Tells a real week-over-week change from noise, so the report does not make news of chance.
package enum ChangeTest {
    /// What a KPI was computed from.
    package enum Sample: Sendable, Equatable {
        /// `successes` out of `trials` (a rate such as conversion).
        case proportion(Int, Int)
        /// A number of independent events (visits, orders), taken as Poisson.
        case count(Int)
    }

    /// z of the difference; |z| >= 1.96 is significant at the 5% level (two-sided).
    package static func z(_ now: Sample, _ before: Sample) -> Double? {
        switch (now, before) {
        case let (.proportion(x1, n1), .proportion(x0, n0)):
            guard n1 > 0, n0 > 0 else { return nil }
            let p1 = Double(x1) / Double(n1), p0 = Double(x0) / Double(n0)
            let pooled = Double(x1 + x0) / Double(n1 + n0)
            let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n0))).squareRoot()
            return se == 0 ? (p1 == p0 ? 0 : nil) : (p1 - p0) / se
        case let (.count(a), .count(b)):
            guard a + b > 0 else { return nil }
            return Double(a - b) / Double(a + b).squareRoot()
        default:
            return nil
        }
    }

    static func isSignificant(_ now: Sample?, _ before: Sample?) -> Bool? {
        guard let now, let before, let z = z(now, before) else { return nil }
        return abs(z) >= 1.96
    }
}
