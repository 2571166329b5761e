import Foundation
import JourneysCore
import Score

/// Order histories drawn from known BG/NBD and Gamma-Gamma parameters with a seeded generator, so
/// that a fit can be checked against the parameters that made the data.
struct SyntheticHistory {
    var r = 1.0, alpha = 5.0, a = 1.0, b = 3.0
    var p = 6.0, q = 4.0, v = 15.0
    var customers = 2_000
    /// Customers make their first purchase on a random day of the first `acquisitionWeeks`.
    var acquisitionWeeks = 12
    var weeks = 78
    var seed: UInt64 = 78

    /// The first day of the history; the as-of day is `weeks` weeks later, minus one day.
    static let start = CivilDate(year: 2025, month: 1, day: 6)
    var asOf: CivilDate { Self.start.adding(days: weeks * 7 - 1) }

    /// Every order, customer by customer, first channel `channel(k)` for customer k (later orders
    /// have none). Purchase times are drawn in continuous weeks and land on their day; while
    /// alive a customer buys at rate lambda ~ Gamma(r, alpha), and after each repeat purchase
    /// drops out with probability p ~ Beta(a, b); each purchase is worth Gamma(p, nu) with
    /// nu ~ Gamma(q, v).
    func orders(channel: (Int) -> Channel? = { _ in nil }) -> [HistoryFacts.Order] {
        var g = SplitMix64(seed: seed)
        var out: [HistoryFacts.Order] = []
        let end = Double(weeks * 7)  // days since start, exclusive
        for k in 0..<customers {
            let lambda = g.gamma(shape: r, rate: alpha)
            let dropOut = g.beta(a, b)
            let nu = g.gamma(shape: q, rate: v)
            let first = Double(Int(g.uniform() * Double(acquisitionWeeks * 7)))
            var t = first, n = 0
            while true {
                let day = Int(t)
                out.append(HistoryFacts.Order(customer: Pseudonym(raw: UInt64(k + 1)), orderID: "\(k)-\(n)", day: Self.start.adding(days: day),
                                              valueCents: Int64((g.gamma(shape: p, rate: nu) * 100).rounded()),
                                              channel: n == 0 ? channel(k) : nil))
                n += 1
                t += g.exponential(rate: lambda) * 7
                if t >= end { break }
                if n > 1, g.uniform() < dropOut { break }
            }
        }
        return out
    }
}

/// The draws the models need, from the project's seeded generator.
extension SplitMix64 {
    /// Uniform in (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    mutating func normal() -> Double { sqrt(-2 * log(uniform())) * cos(2 * .pi * uniform()) }

    mutating func exponential(rate: Double) -> Double { -log(uniform()) / rate }

    /// Marsaglia and Tsang's method; a shape below 1 is boosted by U^(1/shape).
    mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1, rate: rate) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / sqrt(9 * d)
        while true {
            let x = normal(), v = pow(1 + c * x, 3)
            guard v > 0 else { continue }
            if log(uniform()) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / rate }
        }
    }

    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1), y = gamma(shape: b, rate: 1)
        return x / (x + y)
    }
}
