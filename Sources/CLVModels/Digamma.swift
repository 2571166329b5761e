import Foundation

/// The digamma and trigamma functions, psi(x) = d/dx log Gamma(x) and psi'(x), for x > 0: the
/// likelihoods' analytic gradients and Hessians need them, and the C library has neither.
///
/// Both shift x up by the recurrences psi(x) = psi(x + 1) - 1 / x and psi'(x) = psi'(x + 1) + 1 / x^2
/// until x >= 10, then sum the asymptotic (Stirling) series to the x^-13 term, whose first omitted
/// term is below 1e-16 of the value there. Relative accuracy is a few units in the last place,
/// except near psi's root at 1.4616..., where the absolute error stays about 1e-16.
enum Digamma {
    /// psi(x) for x > 0; NaN otherwise.
    static func psi(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        var x = x, shift = 0.0
        while x < 10 {
            shift -= 1 / x
            x += 1
        }
        let s = 1 / (x * x)
        // ln x - 1/(2x) - 1/(12x^2) + 1/(120x^4) - 1/(252x^6) + 1/(240x^8) - 1/(132x^10) + 691/(32760x^12)
        let series = s * (-1.0 / 12 + s * (1.0 / 120 + s * (-1.0 / 252 + s * (1.0 / 240 + s * (-1.0 / 132 + s * (691.0 / 32760))))))
        return shift + (log(x) - 0.5 / x + series)
    }

    /// psi'(x) for x > 0; NaN otherwise.
    static func trigamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? 0 : .nan }
        var x = x, shift = 0.0
        while x < 10 {
            shift += 1 / (x * x)
            x += 1
        }
        let t = 1 / x, s = t * t
        // 1/x + 1/(2x^2) + 1/(6x^3) - 1/(30x^5) + 1/(42x^7) - 1/(30x^9) + 5/(66x^11) - 691/(2730x^13)
        let series = t * s * (1.0 / 6 + s * (-1.0 / 30 + s * (1.0 / 42 + s * (-1.0 / 30 + s * (5.0 / 66 + s * (-691.0 / 2730))))))
        return shift + (t + 0.5 * s + series)
    }
}
