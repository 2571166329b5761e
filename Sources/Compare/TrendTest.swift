import Foundation
import ReportModel
import Statistics

/// Whether a figure is outside the usual range of its last periods: the prediction interval of
/// one more value from their mean and sample standard deviation,
///
///     t = (x - mean) / (sd * sqrt(1 + 1/n)),  df = n - 1,
///
/// two-sided with Student's t (a handful of weeks know their spread only roughly). Week-to-week
/// spread holds the noise of each week and the shop's own ups and downs alike, so a figure is
/// news only when it leaves both.
struct TrendTest {
    /// How many earlier values the test read, their mean, lowest and highest.
    let count: Int
    let mean: Double
    let min: Double
    let max: Double
    let standardDeviation: Double

    /// The last `weeks` values of `trend` before its last point (the period itself); nil when
    /// fewer than 2 are known.
    init?(_ trend: [TrendPoint], weeks: Int) {
        let earlier = trend.dropLast().compactMap(\.value).filter(\.isFinite).suffix(weeks)
        guard earlier.count >= 2 else { return nil }
        count = earlier.count
        let mean = earlier.reduce(0, +) / Double(earlier.count)
        self.mean = mean
        min = earlier.min()!
        max = earlier.max()!
        standardDeviation = (earlier.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(earlier.count - 1)).squareRoot()
    }

    /// The two-sided p-value of `value` as one more period; nil when the periods did not vary
    /// (no spread to measure the noise by) or the value is not finite.
    func pValue(_ value: Double) -> Double? {
        guard value.isFinite, standardDeviation > 0 else { return nil }
        let t = (value - mean) / (standardDeviation * (1 + 1 / Double(count)).squareRoot())
        return StudentT.twoSidedP(t, degreesOfFreedom: Double(count - 1))
    }
}
