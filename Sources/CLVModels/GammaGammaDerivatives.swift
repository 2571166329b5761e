import Foundation
import Statistics

extension GammaGamma {
    /// The log-likelihood with its gradient and Hessian in (p, q, v), summed over `rows`.
    ///
    /// Per customer (see `logLikelihood`) the terms in log Gamma depend on x alone, so they are
    /// computed once per distinct x (rows are sorted by x); of the mean value m only the sums of
    /// log m, log(v + x m), 1 / (v + x m) and its square over the customers with that x enter:
    ///
    ///     d/dp   = x (psi(p x + q) - psi(p x) + log m + log x - log(v + x m))
    ///     d/dq   = psi(p x + q) - psi(q) + log v - log(v + x m)
    ///     d/dv   = q / v - (p x + q) / (v + x m)
    ///     d2/dp2 = x^2 (psi'(p x + q) - psi'(p x)),  d2/dp dq = x psi'(p x + q),  d2/dp dv = -x / (v + x m)
    ///     d2/dq2 = psi'(p x + q) - psi'(q),  d2/dq dv = 1 / v - 1 / (v + x m)
    ///     d2/dv2 = -q / v^2 + (p x + q) / (v + x m)^2
    static func secondOrder(_ parameters: Parameters, rows: WeightedRows) -> SecondOrder {
        let (p, q, v) = (parameters.p, parameters.q, parameters.v)
        let lgammaQ = logGamma(q), psiQ = Digamma.psi(q), triQ = Digamma.trigamma(q), logV = log(v)
        var value = 0.0, gp = 0.0, gq = 0.0, gv = 0.0
        var hpp = 0.0, hpq = 0.0, hpv = 0.0, hqq = 0.0, hqv = 0.0, hvv = 0.0
        let rows = rows.rows
        var i = 0
        while i < rows.count {
            let x = rows[i].frequency
            var count = 0.0, sumLogM = 0.0, sumLog = 0.0, sumInverse = 0.0, sumInverse2 = 0.0
            var j = i
            while j < rows.count, rows[j].frequency == x {
                let c = rows[j].count, m = rows[j].monetaryValue
                let inverse = 1 / (v + x * m)
                count += c
                sumLogM += c * log(m)
                sumLog += c * log(v + x * m)
                sumInverse += c * inverse
                sumInverse2 += c * inverse * inverse
                j += 1
            }
            let px = p * x, logX = log(x)
            let psiSum = Digamma.psi(px + q), triSum = Digamma.trigamma(px + q)
            value += count * (logGamma(px + q) - logGamma(px) - lgammaQ + q * logV + px * logX)
                + (px - 1) * sumLogM - (px + q) * sumLog
            gp += x * (count * (psiSum - Digamma.psi(px) + logX) + sumLogM - sumLog)
            gq += count * (psiSum - psiQ + logV) - sumLog
            gv += count * q / v - (px + q) * sumInverse
            hpp += count * x * x * (triSum - Digamma.trigamma(px))
            hpq += count * x * triSum
            hpv -= x * sumInverse
            hqq += count * (triSum - triQ)
            hqv += count / v - sumInverse
            hvv += -count * q / (v * v) + (px + q) * sumInverse2
            i = j
        }
        return SecondOrder(value: value, gradient: [gp, gq, gv], hessian: [
            hpp, hpq, hpv,
            hpq, hqq, hqv,
            hpv, hqv, hvv,
        ])
    }
}
