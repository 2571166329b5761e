/// The percentile bootstrap, for a mean whose distribution no formula gives (order values are
/// skewed: a few large baskets).
package enum Bootstrap {
    /// The 95% percentile interval of the mean of `values`: `resamples` resamples with replacement,
    /// each value drawn as `generator.next() % n` from the values in sorted order, and the 2.5% and
    /// 97.5% points of the sorted resample means (ranks 50 and 1,950 of 2,000). Sorting first makes
    /// it deterministic for any order of the input, given the generator's seed. `add` sums two
    /// values (the caller's rule for sums that leave 64 bits); nil without values.
    package static func meanInterval<G: RandomNumberGenerator>(
        of values: [Int64], resamples: Int, generator: inout G, add: (Int64, Int64) -> Int64
    ) -> (low: Double, high: Double)? {
        guard !values.isEmpty else { return nil }
        let values = values.sorted()
        let n = UInt64(values.count)
        var sums: [Int64] = []
        sums.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum: Int64 = 0
            for _ in 0..<values.count { sum = add(sum, values[Int(generator.next() % n)]) }
            sums.append(sum)  // the sum of n values orders exactly as their mean
        }
        sums.sort()
        let low = sums[Int((Double(resamples) * 0.025).rounded(.down))]
        let high = sums[Int((Double(resamples) * 0.975).rounded(.up)) - 1]
        return (Double(low) / Double(values.count), Double(high) / Double(values.count))
    }
}
