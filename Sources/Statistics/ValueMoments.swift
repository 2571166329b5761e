/// The moments of a sample of values (the period's order values) that report.json keeps: how
/// many, their mean and their sample standard deviation. Enough for Welch's t test and the test on a sum; a
/// bootstrap would need the values themselves.
package struct ValueMoments: Sendable, Equatable {
    package var count: Int
    package var mean: Double
    /// The sample standard deviation, with n - 1 in the denominator; 0 (or anything) when count < 2.
    package var standardDeviation: Double

    package init(count: Int, mean: Double, standardDeviation: Double) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
    }
}
