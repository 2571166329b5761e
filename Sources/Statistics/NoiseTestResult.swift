/// What a noise test says about one KPI's change from the base period to the new one.
package struct NoiseTestResult: Sendable, Equatable {
    /// z (proportions, counts, sums) or Welch's t (means), of new minus base: positive for a rise.
    package var statistic: Double?
    /// Welch–Satterthwaite degrees of freedom of t; nil for the z tests.
    package var degreesOfFreedom: Double?
    /// Two-sided p-value: from the normal distribution for z, from Student's t for t.
    package var pValue: Double?
    /// Whether the change is larger than noise at the 5% level (two-sided); nil when not testable
    /// (no data, too little data, or no variation to measure noise by).
    package var isSignificant: Bool?

    package init(statistic: Double?, degreesOfFreedom: Double? = nil, pValue: Double?, isSignificant: Bool?) {
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
        self.isSignificant = isSignificant
    }

    /// The result of a test that cannot be run on its data.
    package static let notTestable = NoiseTestResult(statistic: nil, pValue: nil, isSignificant: nil)
}
