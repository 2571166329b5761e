import Foundation
import Statistics

extension BGNBD {
    /// The log-likelihood with its gradient and Hessian in (r, alpha, a, b), summed over `rows`.
    ///
    /// Per customer the log-likelihood (see `logLikelihood`) is head(x) + log(e^A + [x > 0] e^B) with
    ///
    ///     head = log Gamma(r + x) - log Gamma(r) + r log alpha
    ///          + log Gamma(a + b) + log Gamma(b + x) - log Gamma(b) - log Gamma(a + b + x)
    ///     A = -(r + x) log(alpha + T)
    ///     B = log a - log(b + x - 1) - (r + x) log(alpha + t_x)
    ///
    /// head depends on x alone, so it and its digamma and trigamma terms are computed once per
    /// distinct x (rows are sorted by x) and weighed by the customers with that x. With w the
    /// weight e^B / (e^A + e^B) of having dropped out, the mixture's derivatives are
    /// (1 - w) dA + w dB and (1 - w) d2A + w d2B + w (1 - w) (dB - dA)(dB - dA)'.
    static func secondOrder(_ p: Parameters, rows: WeightedRows) -> SecondOrder {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        let lgammaR = logGamma(r), lgammaB = logGamma(b), lgammaAB = logGamma(a + b)
        let psiR = Digamma.psi(r), psiB = Digamma.psi(b), psiAB = Digamma.psi(a + b)
        let triR = Digamma.trigamma(r), triB = Digamma.trigamma(b), triAB = Digamma.trigamma(a + b)
        let logAlpha = log(alpha), logA = log(a)
        // Sums over customers; index order r, alpha, a, b.
        var value = 0.0
        var gr = 0.0, gal = 0.0, ga = 0.0, gb = 0.0
        var hrr = 0.0, hral = 0.0, hra = 0.0, hrb = 0.0, halal = 0.0, hala = 0.0, halb = 0.0, haa = 0.0, hab = 0.0, hbb = 0.0

        // log(alpha + T), 1 / (alpha + T) and the same of t_x, once per distinct value
        let logAge = rows.ages.map { log(alpha + $0) }, inverseAge = rows.ages.map { 1 / (alpha + $0) }
        let logRecency = rows.recencies.map { log(alpha + $0) }, inverseRecency = rows.recencies.map { 1 / (alpha + $0) }
        var i = 0
        let rows = rows.rows
        while i < rows.count {
            let x = rows[i].frequency
            let rx = r + x
            // The head, once for every customer with this x.
            var count = 0.0
            var j = i
            while j < rows.count, rows[j].frequency == x {
                count += rows[j].count
                j += 1
            }
            let head = logGamma(rx) - lgammaR + r * logAlpha + lgammaAB + logGamma(b + x) - lgammaB - logGamma(a + b + x)
            let psiABX = Digamma.psi(a + b + x), triABX = Digamma.trigamma(a + b + x)
            value += count * head
            gr += count * (Digamma.psi(rx) - psiR + logAlpha)
            gal += count * r / alpha
            ga += count * (psiAB - psiABX)
            gb += count * (psiAB + Digamma.psi(b + x) - psiB - psiABX)
            hrr += count * (Digamma.trigamma(rx) - triR)
            hral += count / alpha
            halal -= count * r / (alpha * alpha)
            haa += count * (triAB - triABX)
            hab += count * (triAB - triABX)
            hbb += count * (triAB + Digamma.trigamma(b + x) - triB - triABX)

            // The mixture, row by row.
            let dropOdds = x > 0 ? logA - log(b + x - 1) : 0
            let inverseB = x > 0 ? 1 / (b + x - 1) : 0
            for row in rows[i..<j] {
                let c = row.count
                let toT = inverseAge[Int(row.ageIndex)], logT = logAge[Int(row.ageIndex)]
                let A = -rx * logT
                // dA = (-log(alpha + T), -(r + x) / (alpha + T), 0, 0); d2A: (r, alpha) -1 / (alpha + T),
                // (alpha, alpha) (r + x) / (alpha + T)^2.
                guard x > 0 else {
                    value += c * A
                    gr -= c * logT
                    gal -= c * rx * toT
                    hral -= c * toT
                    halal += c * rx * toT * toT
                    continue
                }
                let toX = inverseRecency[Int(row.recencyIndex)], logX = logRecency[Int(row.recencyIndex)]
                let B = dropOdds - rx * logX
                let w: Double, mixture: Double
                if B > A {
                    let e = exp(A - B)
                    (w, mixture) = (1 / (1 + e), B + log1p(e))
                } else {
                    let e = exp(B - A)
                    (w, mixture) = (e / (1 + e), A + log1p(e))
                }
                let stay = 1 - w
                value += c * mixture
                // dB = (-log(alpha + t_x), -(r + x) / (alpha + t_x), 1 / a, -1 / (b + x - 1)).
                let dAr = -logT, dAal = -rx * toT
                let dBr = -logX, dBal = -rx * toX, dBa = 1 / a, dBb = -inverseB
                gr += c * (stay * dAr + w * dBr)
                gal += c * (stay * dAal + w * dBal)
                ga += c * w * dBa
                gb += c * w * dBb
                let (er, eal, ea, eb) = (dBr - dAr, dBal - dAal, dBa, dBb)
                let ww = c * w * stay
                hrr += ww * er * er
                hral += c * (stay * -toT + w * -toX) + ww * er * eal
                hra += ww * er * ea
                hrb += ww * er * eb
                halal += c * (stay * rx * toT * toT + w * rx * toX * toX) + ww * eal * eal
                hala += ww * eal * ea
                halb += ww * eal * eb
                haa += c * w * -(1 / (a * a)) + ww * ea * ea
                hab += ww * ea * eb
                hbb += c * w * inverseB * inverseB + ww * eb * eb
            }
            i = j
        }
        return SecondOrder(value: value, gradient: [gr, gal, ga, gb], hessian: [
            hrr, hral, hra, hrb,
            hral, halal, hala, halb,
            hra, hala, haa, hab,
            hrb, halb, hab, hbb,
        ])
    }
}
