import Foundation

/// Tells a real change between two periods from noise, so that `journeys diff` fails a build only
/// on changes chance would rarely make. Each test compares the new period with the base one and is
/// two-sided at the 5% level; the rates and counts tests are the report's own (docs/definitions.md
/// "Significance tests"), so the diff and the report agree on what is news.
package enum Significance {
    /// A rate, `x1` of `n1` in the new period against `x0` of `n0` in the base one (conversion rate: visits with an order
    /// of visits): the two-proportion z test with the pooled proportion p = (x1 + x0) / (n1 + n0),
    /// z = (x1/n1 - x0/n0) / sqrt(p (1 - p) (1/n1 + 1/n0)); significant when |z| >= 1.96.
    /// Not testable when a denominator is 0 (or a count is impossible: negative, or x > n). When
    /// p is 0 or 1 both rates are equal, and z is 0.
    package static func proportion(_ x1: Int, of n1: Int, against x0: Int, of n0: Int) -> NoiseTestResult {
        guard n1 > 0, n0 > 0, (0...n1).contains(x1), (0...n0).contains(x0) else { return .notTestable }
        let p1 = Double(x1) / Double(n1), p0 = Double(x0) / Double(n0)
        let pooled = Double(x1 + x0) / Double(n1 + n0)
        let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n0))).squareRoot()
        guard se > 0 else { return p1 == p0 ? z(0) : .notTestable }
        return z((p1 - p0) / se)
    }

    /// A count of independent events (visits, orders), `new` in the new period against `base`, each taken
    /// as Poisson: z = (new - base) / sqrt(new + base); significant when |z| >= 1.96. Not testable
    /// when both are 0 (or either is negative).
    package static func count(_ new: Int, against base: Int) -> NoiseTestResult {
        guard new >= 0, base >= 0, new + base > 0 else { return .notTestable }
        return z(Double(new - base) / Double(new + base).squareRoot())
    }

    /// A mean (average order value) from each period's count, mean and sample standard deviation:
    /// Welch's t test, which unlike Student's does not assume both periods vary alike.
    ///
    ///     t  = (mean1 - mean0) / sqrt(v1 + v0),  v = sd^2 / n
    ///     df = (v1 + v0)^2 / (v1^2 / (n1 - 1) + v0^2 / (n0 - 1))   (Welch–Satterthwaite)
    ///
    /// with a two-sided p-value from Student's t with df degrees of freedom (the normal
    /// distribution would find news in small weeks too readily); significant when p < 0.05. Not
    /// testable with fewer than 2 values in a period (no standard deviation), or when neither
    /// period varies (sd 0 in both: nothing to measure noise by), or on values that are not finite.
    package static func mean(_ new: ValueMoments, against base: ValueMoments) -> NoiseTestResult {
        guard new.count >= 2, base.count >= 2,
              [new.mean, new.standardDeviation, base.mean, base.standardDeviation].allSatisfy(\.isFinite),
              new.standardDeviation >= 0, base.standardDeviation >= 0 else { return .notTestable }
        let n1 = Double(new.count), n0 = Double(base.count)
        let v1 = new.standardDeviation * new.standardDeviation / n1
        let v0 = base.standardDeviation * base.standardDeviation / n0
        guard v1 + v0 > 0 else { return .notTestable }
        let t = (new.mean - base.mean) / (v1 + v0).squareRoot()
        let df = (v1 + v0) * (v1 + v0) / (v1 * v1 / (n1 - 1) + v0 * v0 / (n0 - 1))
        let p = StudentT.twoSidedP(t, degreesOfFreedom: df)
        return NoiseTestResult(statistic: t, degreesOfFreedom: df, pValue: p, isSignificant: p < 0.05)
    }

    /// A sum of values (revenue: the sum of the period's order values), from each period's count,
    /// mean and sample standard deviation of the values.
    ///
    /// Revenue moves for two reasons at once: the number of orders varies (Poisson, as orders do
    /// in `count`) and so does each order's value. Taken together that is a compound Poisson
    /// process, whose sum S of N orders has Var(S) = E[N] E[X^2]; with the period's own count
    /// for E[N] and its values' second moment for E[X^2],
    ///
    ///     Var(S) = n E[X^2] = n (sd^2 (n - 1) / n + mean^2) = sd^2 (n - 1) + n mean^2
    ///     z = (S1 - S0) / sqrt(Var1 + Var0),  S = n mean
    ///
    /// significant when |z| >= 1.96. A bootstrap would make fewer assumptions but needs every
    /// order value, and report.json keeps only the count, mean and sd. Not testable when both
    /// variances are 0 (no orders, or only orders of value 0) or on values that are not finite;
    /// a period of 0 or 1 orders needs no standard deviation.
    package static func sum(_ new: ValueMoments, against base: ValueMoments) -> NoiseTestResult {
        func moments(_ s: ValueMoments) -> (sum: Double, variance: Double)? {
            guard s.count != 0 else { return (0, 0) }
            guard s.count > 0, s.mean.isFinite else { return nil }
            let n = Double(s.count)
            var variance = n * s.mean * s.mean
            if s.count >= 2 {
                let sd = s.standardDeviation
                guard sd.isFinite, sd >= 0 else { return nil }
                variance += sd * sd * (n - 1)
            }
            return (n * s.mean, variance)
        }
        guard let m1 = moments(new), let m0 = moments(base), m1.variance + m0.variance > 0 else {
            return .notTestable
        }
        return z((m1.sum - m0.sum) / (m1.variance + m0.variance).squareRoot())
    }

    /// A z statistic's result: two-sided normal p-value, significant when |z| >= 1.96 (the
    /// report's rule; p is then at most 0.04999...).
    private static func z(_ z: Double) -> NoiseTestResult {
        NoiseTestResult(statistic: z, pValue: erfc(abs(z) / 2.0.squareRoot()), isSignificant: abs(z) >= 1.96)
    }
}
