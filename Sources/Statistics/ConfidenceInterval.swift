/// 95% intervals from counts, unrounded: the report rounds them to the places of its figures.
package enum ConfidenceInterval {
    /// The 97.5% quantile of the standard normal distribution.
    package static let z = 1.959963984540054

    /// Wilson score interval of `x` successes in `n` trials, as fractions within 0...1; nil when n
    /// is 0 or x lies outside 0...n. Unlike the textbook `p ± z·se`, it stays inside 0...1 and is
    /// honest for small samples and for shares near 0 or 1.
    package static func wilson(_ x: Int, _ n: Int) -> (low: Double, high: Double)? {
        guard n > 0, x >= 0, x <= n else { return nil }
        let p = Double(x) / Double(n), nn = Double(n), z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / (1 + z2 / nn)
        return (max(0, centre - half), min(1, centre + half))
    }

    /// The Net Promoter Score's interval from its promoters and detractors: NPS/100 is the mean of
    /// +1, 0, -1 scores, with variance p + d - (p - d)^2; the normal approximation, clipped to
    /// -100...100. Nil without answers.
    package static func nps(promoters: Int, detractors: Int, answers n: Int) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        let p = Double(promoters) / Double(n), d = Double(detractors) / Double(n)
        let nps = 100 * (p - d), se = 100 * ((p + d - (p - d) * (p - d)) / Double(n)).squareRoot()
        return (max(-100, nps - z * se), min(100, nps + z * se))
    }
}
