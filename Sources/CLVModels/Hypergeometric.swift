/// The Gauss hypergeometric function 2F1, which BG/NBD's conditional expectation needs; written as
/// its power series so that no special-function library is needed.
package enum Hypergeometric {
    /// The most series terms summed before giving up: z = 0.999 needs about 40,000.
    static let maximumTerms = 1_000_000

    /// 2F1(a, b; c; z) = sum over n of (a)_n (b)_n / ((c)_n n!) z^n for |z| < 1, where (q)_n is the
    /// rising factorial. NaN when |z| >= 1, when c is 0 or a negative integer (a term divides by
    /// zero) or when the series has not converged within `maximumTerms`.
    ///
    /// Each term is the previous one times (a + n)(b + n) z / ((c + n)(n + 1)). The sum stops once
    /// n has passed a, b and c, from where on the ratio tends to z, and once the rest of the series,
    /// at most term * |z| / (1 - |z|) beyond that point, no longer changes the sum's last digit. A
    /// series whose a or b is 0 or a negative integer ends by itself: it is a polynomial.
    package static func f21(a: Double, b: Double, c: Double, z: Double) -> Double {
        guard a.isFinite, b.isFinite, c.isFinite, abs(z) < 1 else { return .nan }
        if c <= 0, c == c.rounded() { return .nan }
        let pastParameters = Int(min(abs(a) + abs(b) + abs(c), Double(maximumTerms)).rounded(.up))
        let tailFactor = abs(z) / (1 - abs(z))
        var sum = 1.0, term = 1.0
        for n in 0..<maximumTerms {
            let k = Double(n)
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            sum += term
            if term == 0 { return sum }
            if !sum.isFinite { return sum }
            if n >= pastParameters, abs(term) * tailFactor <= 1e-17 * abs(sum) { return sum }
        }
        return .nan
    }
}
