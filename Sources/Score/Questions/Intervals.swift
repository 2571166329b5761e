import Foundation
import JourneysCore
import ReportModel

/// 95% intervals of the report's figures (docs/definitions.md "Which numbers are solid").
enum Intervals {
    /// The 97.5% quantile of the standard normal distribution.
    static let z = 1.959963984540054

    /// Wilson score interval of `x` successes in `n` trials, as fractions rounded to 4 decimals;
    /// nil when n is 0. Unlike the textbook `p ± z·se`, it stays inside 0..1 and is honest for
    /// small samples and for shares near 0 or 1.
    static func wilson(_ x: Int, _ n: Int, scale: Double = 1, places: Double = 10_000) -> Interval? {
        guard n > 0, x >= 0, x <= n else { return nil }
        let p = Double(x) / Double(n), nn = Double(n), z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / (1 + z2 / nn)
        return [rounded(max(0, centre - half) * scale, places), rounded(min(1, centre + half) * scale, places)]
    }

    /// NPS interval from its promoters and detractors: NPS/100 is the mean of +1, 0, -1 scores,
    /// with variance p + d - (p - d)^2; normal approximation, clipped to -100..100.
    static func nps(promoters: Int, detractors: Int, answers n: Int) -> Interval? {
        guard n > 0 else { return nil }
        let p = Double(promoters) / Double(n), d = Double(detractors) / Double(n)
        let nps = 100 * (p - d), se = 100 * ((p + d - (p - d) * (p - d)) / Double(n)).squareRoot()
        return [rounded(max(-100, nps - z * se), 10), rounded(min(100, nps + z * se), 10)]
    }

    static let bootstrapResamples = 2_000
    /// Fixed, so that the same orders always give the same interval (ASCII "journeys").
    static let bootstrapSeed: UInt64 = 0x6A6F_7572_6E65_7973

    /// Percentile bootstrap interval of the mean of `cents` (in currency units, 2 decimals):
    /// 2,000 resamples with replacement drawn by a seeded SplitMix64 from the values in sorted
    /// order, the 2.5% and 97.5% points of the sorted resample means (ranks 50 and 1,950 of
    /// 2,000). Deterministic for any order of the input; nil without values.
    static func bootstrapMean(cents: [Int64], resamples: Int = bootstrapResamples, seed: UInt64 = bootstrapSeed) -> Interval? {
        guard !cents.isEmpty else { return nil }
        let values = cents.sorted()
        var rng = SplitMix64(seed: seed)
        let n = UInt64(values.count)
        var means: [Int64] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum: Int64 = 0
            for _ in 0..<values.count { sum = Cents.add(sum, values[Int(rng.below(n))]) }
            means.append(sum)  // the sum of n values orders exactly as their mean
        }
        means.sort()
        let low = means[Int((Double(resamples) * 0.025).rounded(.down))]
        let high = means[Int((Double(resamples) * 0.975).rounded(.up)) - 1]
        return [rounded(Double(low) / Double(values.count) / 100, 100), rounded(Double(high) / Double(values.count) / 100, 100)]
    }
}
