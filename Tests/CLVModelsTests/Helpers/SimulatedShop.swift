import CLVModels
import Foundation
import JourneysCore

/// Customers drawn from BG/NBD and Gamma-Gamma with known parameters, from a seeded generator, so
/// that a fit can be checked against the truth it came from.
///
/// Each customer is watched for 1 to 78 weeks (a whole number of days) up to the as-of day. Their
/// first purchase is on the first day; while alive they buy at rate lambda ~ Gamma(r, alpha) per
/// week, and after each repeat purchase drop out with probability p ~ Beta(a, b). A purchase is
/// worth Gamma(p, nu) (rate nu) with nu ~ Gamma(q, v) per customer, rounded to cents. Orders are
/// placed on the day the purchase time falls in.
struct SimulatedShop {
    var r = 0.6, alpha = 8.0, a = 0.9, b = 3.0
    var p = 6.0, q = 4.0, v = 15.0
    static let asOf = 20_000

    /// One customer: the exact purchase times in weeks from the first and their values in cents.
    struct Customer {
        var watchedDays: Int
        var times: [Double]
        var cents: [Int]

        /// Orders by day, in the shop's currency (`centsPerUnit` 100: euros; 1: cents).
        func orders(centsPerUnit: Double = 100) -> [CLVModels.Order] {
            let first = SimulatedShop.asOf - watchedDays
            return zip(times, cents).map { CLVModels.Order(day: first + min(Int($0 * 7), watchedDays), value: Double($1) / centsPerUnit) }
        }

        /// The summary from the orders: purchases on one day merged, weeks as whole days / 7.
        var summary: CustomerSummary { CustomerSummary(orders: orders(), asOf: SimulatedShop.asOf)! }

        /// The summary with every order its own purchase, orders on one day not merged (as a
        /// count of orders would have it): x orders after the first, days / 7 weeks, the mean of the
        /// orders after the first.
        var unmergedSummary: CustomerSummary {
            let x = times.count - 1
            let days = orders().map(\.day)
            let value = x > 0 ? Double(cents.dropFirst().reduce(0, +)) / 100 / Double(x) : nil
            return CustomerSummary(frequency: x, recency: Double(days.last! - days.first!) / 7, age: Double(watchedDays) / 7,
                                   monetaryValue: value)
        }
    }

    func customers(_ count: Int, seed: UInt64, longestDays: Int = 546) -> [Customer] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let watchedDays = 7 + Int(g.below(UInt64(longestDays - 6)))
            let weeks = Double(watchedDays) / 7
            let rate = Self.gamma(r, &g) / alpha
            let x = Self.gamma(a, &g), y = Self.gamma(b, &g)
            let drop = x / (x + y)
            let nu = Self.gamma(q, &g) / v
            func value() -> Int { Int((Self.gamma(p, &g) / nu * 100).rounded()) }
            var times = [0.0], cents = [value()]
            var now = 0.0
            while rate > 0 {
                now += -log(Self.uniform(&g)) / rate
                if now > weeks { break }
                times.append(now)
                cents.append(value())
                if Self.uniform(&g) < drop { break }
            }
            return Customer(watchedDays: watchedDays, times: times, cents: cents)
        }
    }

    /// A uniform number in (0, 1).
    static func uniform(_ g: inout SplitMix64) -> Double {
        (Double(g.next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 through Gamma(shape + 1) U^(1 / shape).
    static func gamma(_ shape: Double, _ g: inout SplitMix64) -> Double {
        if shape < 1 { return gamma(shape + 1, &g) * pow(uniform(&g), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            // A standard normal by Box-Muller.
            let z = (-2 * log(uniform(&g))).squareRoot() * cos(2 * Double.pi * uniform(&g))
            let t = 1 + c * z
            guard t > 0 else { continue }
            let v3 = t * t * t, u = uniform(&g)
            if log(u) < 0.5 * z * z + d - d * v3 + d * log(v3) { return d * v3 }
        }
    }
}
