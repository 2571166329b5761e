import Foundation

/// The BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005, "Counting Your Customers the
/// Easy Way"): while alive, a customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha);
/// after each purchase they drop out for good with probability p ~ Beta(a, b). Time is in weeks.
package enum BGNBD {
    /// The four population parameters. alpha is in weeks; r, a and b have no unit.
    package struct Parameters: Sendable, Equatable, Codable {
        package var r: Double
        package var alpha: Double
        package var a: Double
        package var b: Double

        package init(r: Double, alpha: Double, a: Double, b: Double) {
            self.r = r
            self.alpha = alpha
            self.a = a
            self.b = b
        }
    }
}

extension BGNBD.Parameters {
    /// E[X(t) | x, t_x, T]: the expected number of purchases in the next `weeks` weeks of a customer
    /// with this history (FHL 2005, equation 10):
    ///
    ///     (a + b + x - 1) / (a - 1) * [1 - ((alpha + T) / (alpha + T + t))^(r + x)
    ///                                      * 2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t))]
    ///     / [1 + [x > 0] a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x)]
    ///
    /// When 2F1 overflows (a long horizon for a frequent buyer), Euler's transformation
    /// 2F1(A, B; C; z) = (1 - z)^(C - A - B) 2F1(C - A, C - B; C; z) gives it through logarithms.
    /// NaN at a = 1 exactly, where the formula divides by zero.
    package func expectedPurchases(inNext weeks: Double, for customer: CustomerSummary) -> Double {
        let x = Double(customer.frequency), T = customer.age
        let z = weeks / (alpha + T + weeks)
        let (fa, fb, fc) = (r + x, b + x, a + b + x - 1)
        // log of ((alpha + T) / (alpha + T + t))^(r + x) * 2F1(...)
        let logShrink = (r + x) * log((alpha + T) / (alpha + T + weeks))
        let logProduct: Double
        let direct = Hypergeometric.f21(a: fa, b: fb, c: fc, z: z)
        if direct.isFinite, direct > 0 {
            logProduct = logShrink + log(direct)
        } else {
            let euler = Hypergeometric.f21(a: fc - fa, b: fc - fb, c: fc, z: z)
            logProduct = logShrink + log(euler) + (fc - fa - fb) * log1p(-z)
        }
        let numerator = (a + b + x - 1) / (a - 1) * -expm1(logProduct)
        return numerator / (1 + aliveOddsAgainst(customer))
    }

    /// P(alive | x, t_x, T): the probability that the customer has not dropped out yet (Fader,
    /// Hardie and Lee, "Computing P(alive) Using the BG/NBD Model", 2008). A customer without a
    /// repeat purchase is alive for sure: in BG/NBD one can only drop out right after a purchase.
    package func probabilityAlive(_ customer: CustomerSummary) -> Double {
        1 / (1 + aliveOddsAgainst(customer))
    }

    /// [x > 0] a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x): the odds of having dropped
    /// out after the last purchase against being alive, the term both predictions divide by.
    private func aliveOddsAgainst(_ customer: CustomerSummary) -> Double {
        guard customer.frequency > 0 else { return 0 }
        let x = Double(customer.frequency)
        return exp(log(a / (b + x - 1)) + (r + x) * log((alpha + customer.age) / (alpha + customer.recency)))
    }
}
