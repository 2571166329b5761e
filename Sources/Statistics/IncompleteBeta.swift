import Foundation

/// The regularized incomplete beta function I_x(a, b), which gives the Student t distribution's tail
/// (and so Welch's p-value) without a statistics library.
package enum IncompleteBeta {
    /// I_x(a, b) = B(x; a, b) / B(a, b) for a, b > 0 and 0 <= x <= 1; NaN outside that domain, as
    /// the C math functions do.
    ///
    /// Computed from its continued fraction
    ///
    ///     I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * 1 / (1 + d1 / (1 + d2 / (1 + ...)))
    ///     d(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
    ///     d(2m)   =  m (b - m) x / ((a + 2m - 1)(a + 2m))
    ///
    /// which converges quickly when x < (a + 1) / (a + b + 2); above that the symmetry
    /// I_x(a, b) = 1 - I_(1-x)(b, a) brings x below it. The fraction is evaluated front to back by
    /// the modified Lentz method, which needs no guess of how many terms to take.
    package static func regularized(_ x: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite, x >= 0, x <= 1 else { return .nan }
        if x == 0 || x == 1 { return x }
        if x < (a + 1) / (a + b + 2) { return front(x, a: a, b: b) * fraction(x, a: a, b: b) }
        return 1 - front(1 - x, a: b, b: a) * fraction(1 - x, a: b, b: a)
    }

    /// x^a (1 - x)^b / (a B(a, b)), through logarithms so that large a and b do not overflow.
    private static func front(_ x: Double, a: Double, b: Double) -> Double {
        let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
        return exp(a * log(x) + b * log1p(-x) - logBeta) / a
    }

    /// 1 / (1 + d1 / (1 + d2 / (1 + ...))). Lentz keeps the value as a running product of the
    /// ratios C_j / D_j of successive convergents; a denominator that comes out 0 is nudged to a tiny
    /// number instead, which changes nothing once the next term arrives.
    private static func fraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-15
        var value = 1.0, c = 1.0, d = 0.0
        func step(_ coefficient: Double) -> Double {
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            value *= delta
            return delta
        }
        // Far more terms than any a and b of a weekly report need (about sqrt(max(a, b)) of them).
        for m in 0..<100_000 {
            let m = Double(m)
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            let oddDelta = step(odd)
            let even = (m + 1) * (b - m - 1) * x / ((a + 2 * m + 1) * (a + 2 * m + 2))
            let evenDelta = step(even)
            if abs(oddDelta - 1) < epsilon, abs(evenDelta - 1) < epsilon { break }
        }
        return 1 / value
    }
}
