import JourneysCore
import ReportModel
import Statistics

/// 95% intervals of the report's figures (docs/definitions.md "Which numbers are solid"), at the
/// places the report prints them: score's own tables and the sections in folders of their own
/// share them.
package enum Intervals {
    /// Wilson score interval of `x` successes in `n` trials (`ConfidenceInterval.wilson`), times
    /// `scale` and rounded to 1 / `places`; nil when n is 0.
    package static func wilson(_ x: Int, _ n: Int, scale: Double = 1, places: Double = 10_000) -> Interval? {
        guard let (low, high) = ConfidenceInterval.wilson(x, n) else { return nil }
        return [rounded(low * scale, places), rounded(high * scale, places)]
    }

    /// NPS interval (`ConfidenceInterval.nps`), in points at 1 decimal.
    package static func nps(promoters: Int, detractors: Int, answers n: Int) -> Interval? {
        guard let (low, high) = ConfidenceInterval.nps(promoters: promoters, detractors: detractors, answers: n) else { return nil }
        return [rounded(low, 10), rounded(high, 10)]
    }

    package static let bootstrapResamples = 2_000
    /// Fixed, so that the same orders always give the same interval (ASCII "journeys").
    package static let bootstrapSeed: UInt64 = 0x6A6F_7572_6E65_7973

    /// Percentile bootstrap interval of the mean of `cents` (`Bootstrap.meanInterval`), in currency
    /// units at 2 decimals: 2,000 resamples drawn by a SplitMix64 seeded with `bootstrapSeed`, sums
    /// that never trap (`Cents.add`). Deterministic for any order of the input; nil without values.
    package static func bootstrapMean(cents: [Int64], resamples: Int = bootstrapResamples, seed: UInt64 = bootstrapSeed) -> Interval? {
        var rng = SplitMix64(seed: seed)
        guard let (low, high) = Bootstrap.meanInterval(of: cents, resamples: resamples, generator: &rng, add: Cents.add) else {
            return nil
        }
        return [rounded(low / 100, 100), rounded(high / 100, 100)]
    }
}
