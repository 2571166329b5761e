/// The Student t distribution, for the p-value of Welch's t test.
package enum StudentT {
    /// P(|T| >= |t|) for T with `degreesOfFreedom` (> 0, need not be whole, as Welch's are not):
    /// I_x(df/2, 1/2) with x = df / (df + t^2). NaN when df is not positive and finite, or t is NaN.
    package static func twoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard df > 0, df.isFinite, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        return IncompleteBeta.regularized(df / (df + t * t), a: df / 2, b: 0.5)
    }
}
