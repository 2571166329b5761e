import Foundation

extension BGNBD {
    /// The log-likelihood of the parameters given the customers' (x, t_x, T), summed over the
    /// summaries that are valid (`CustomerSummary.isValidForBGNBD`). Per customer (FHL 2005, eq. 6):
    ///
    ///     L = B(a, b + x) / B(a, b) * Gamma(r + x) alpha^r / (Gamma(r) (alpha + T)^(r + x))
    ///       + [x > 0] B(a + 1, b + x - 1) / B(a, b) * Gamma(r + x) alpha^r / (Gamma(r) (alpha + t_x)^(r + x))
    ///
    /// taken as log Gamma(r + x) / Gamma(r) alpha^r + log B(a, b + x) / B(a, b) + log(e^A + e^B),
    /// where B(a + 1, b + x - 1) / B(a, b + x) = a / (b + x - 1), and the larger of A and B is
    /// factored out of the sum so that neither underflows.
    package static func logLikelihood(_ parameters: Parameters, customers: some Sequence<CustomerSummary>) -> Double {
        logLikelihood(parameters, rows: WeightedRows(bgnbd: customers))
    }

    /// Fits the parameters by maximum likelihood: `Minimizer` on the log-parameters from
    /// (r, alpha, a, b) = (1, 1, 1, 1). The customers' order does not matter (identical summaries
    /// are counted and summed in a fixed order), and the same customers give the same bits.
    package static func fit(_ customers: some Sequence<CustomerSummary>, rule: StabilityRule = StabilityRule(),
                            minimizer: Minimizer = Minimizer()) -> Fit<Parameters> {
        let rows = WeightedRows(bgnbd: customers)
        let search = minimizer.minimize({ logParameters in
            guard logParameters.allSatisfy({ abs($0) <= logParameterFence }) else { return .infinity }
            return -logLikelihood(parameters(fromLog: logParameters), rows: rows)
        }, start: [0, 0, 0, 0])
        let fitted = parameters(fromLog: search.point)
        let issues = Fit<Parameters>.commonIssues(rule: rule, repeatCustomers: rows.repeatCustomers, search: search, named: [
            ("r", fitted.r, shapeRange), ("alpha", fitted.alpha, alphaRange),
            ("a", fitted.a, shapeRange), ("b", fitted.b, shapeRange),
        ])
        return Fit(parameters: fitted, logLikelihood: -search.value, iterations: search.iterations,
                   converged: search.converged, customers: rows.customers, repeatCustomers: rows.repeatCustomers,
                   issues: issues)
    }

    /// The sane range of r, a and b: shapes beyond it mean the data could not pin them down.
    static let shapeRange = 1e-3...1e3
    /// The sane range of alpha, in weeks: purchase rates are r / alpha per week.
    static let alphaRange = 1e-3...1e5

    private static func parameters(fromLog p: [Double]) -> Parameters {
        Parameters(r: exp(p[0]), alpha: exp(p[1]), a: exp(p[2]), b: exp(p[3]))
    }

    static func logLikelihood(_ p: Parameters, rows: WeightedRows) -> Double {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        let lgammaR = logGamma(r), lgammaB = logGamma(b), lgammaAB = logGamma(a + b)
        let logAlpha = log(alpha), logA = log(a)
        var total = 0.0
        for row in rows.rows {
            let x = row.frequency
            let head = logGamma(r + x) - lgammaR + r * logAlpha
                + lgammaAB + logGamma(b + x) - lgammaB - logGamma(a + b + x)
            let stillAlive = -(r + x) * log(alpha + row.age)
            var mixture = stillAlive
            if x > 0 {
                let droppedOut = logA - log(b + x - 1) - (r + x) * log(alpha + row.recency)
                let top = max(stillAlive, droppedOut)
                mixture = top + log(exp(stillAlive - top) + exp(droppedOut - top))
            }
            total += row.count * (head + mixture)
        }
        return total
    }
}
