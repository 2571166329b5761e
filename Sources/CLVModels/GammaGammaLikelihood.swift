import Foundation

extension GammaGamma {
    /// The log-likelihood of the parameters given the customers' (x, m), summed over the summaries
    /// that enter the model (`CustomerSummary.entersGammaGamma`). Per customer, from the density of
    /// the mean m of x purchases (x m ~ Gamma(p x, nu)) mixed over nu ~ Gamma(q, v):
    ///
    ///     log L = log Gamma(p x + q) - log Gamma(p x) - log Gamma(q) + q log v
    ///           + (p x - 1) log m + p x log x - (p x + q) log(v + x m)
    package static func logLikelihood(_ parameters: Parameters, customers: some Sequence<CustomerSummary>) -> Double {
        logLikelihood(parameters, rows: WeightedRows(gammaGamma: customers))
    }

    /// Fits the parameters by maximum likelihood: `Minimizer` on the log-parameters from
    /// (p, q, v) = (1, 1, 1), on the customers with a repeat purchase of positive mean value. The
    /// customers' order does not matter, and the same customers give the same bits.
    ///
    /// Stable needs, beyond the shared rule: p and q within 1e-3...1e3, q > 1 (else the mean spend is
    /// infinite), and the population's mean spend p v / (q - 1) within the customers' own means.
    package static func fit(_ customers: some Sequence<CustomerSummary>, rule: StabilityRule = StabilityRule(),
                            minimizer: Minimizer = Minimizer()) -> Fit<Parameters> {
        let rows = WeightedRows(gammaGamma: customers)
        let search = minimizer.minimize({ logParameters in
            guard logParameters.allSatisfy({ abs($0) <= logParameterFence }) else { return .infinity }
            return -logLikelihood(parameters(fromLog: logParameters), rows: rows)
        }, start: [0, 0, 0])
        let fitted = parameters(fromLog: search.point)
        var issues = Fit<Parameters>.commonIssues(rule: rule, repeatCustomers: rows.repeatCustomers, search: search, named: [
            ("p", fitted.p, shapeRange), ("q", fitted.q, shapeRange),
            ("v", fitted.v, 0...Double.greatestFiniteMagnitude),
        ])
        if fitted.q <= 1 {
            issues.append(.unboundedMeanSpend(q: fitted.q))
        } else if let lowest = rows.rows.lazy.map(\.monetaryValue).min(),
                  let highest = rows.rows.lazy.map(\.monetaryValue).max(),
                  !(lowest...highest).contains(fitted.meanValue) {
            issues.append(.meanSpendOutsideData(mean: fitted.meanValue, lowest: lowest, highest: highest))
        }
        return Fit(parameters: fitted, logLikelihood: -search.value, iterations: search.iterations,
                   converged: search.converged, customers: rows.customers, repeatCustomers: rows.repeatCustomers,
                   issues: issues)
    }

    /// The sane range of p and q.
    static let shapeRange = 1e-3...1e3

    private static func parameters(fromLog l: [Double]) -> Parameters {
        Parameters(p: exp(l[0]), q: exp(l[1]), v: exp(l[2]))
    }

    static func logLikelihood(_ parameters: Parameters, rows: WeightedRows) -> Double {
        let (p, q, v) = (parameters.p, parameters.q, parameters.v)
        let constant = -logGamma(q) + q * log(v)
        var total = 0.0
        for row in rows.rows {
            let x = row.frequency, m = row.monetaryValue
            let px = p * x
            let value = logGamma(px + q) - logGamma(px) + constant
                + (px - 1) * log(m) + px * log(x) - (px + q) * log(v + x * m)
            total += row.count * value
        }
        return total
    }
}
