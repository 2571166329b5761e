import Foundation
import Statistics

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

    /// Fits the parameters by maximum likelihood: `NewtonSearch` on the log-parameters with the
    /// analytic gradient and Hessian (`secondOrder`), from p = 1, q = 2 and v = the customers' mean
    /// value (so that the population's mean p v / (q - 1) starts at the observed one), on the
    /// customers with a repeat purchase of positive mean value; `minimizer`'s Nelder–Mead only as a
    /// fallback. Not tried, and costing nothing, with fewer repeat customers than `rule` needs. The
    /// customers' order does not matter, and the same customers give the same bits. Values in
    /// cents instead of euros give the same p and q and 100 times v.
    ///
    /// Stable needs, beyond the shared rule: p and q within 1e-3...1e3, q > 1 (else the mean spend is
    /// infinite), and the population's mean spend p v / (q - 1) within the customers' own means.
    package static func fit(_ customers: some Sequence<CustomerSummary>, rule: StabilityRule = StabilityRule(),
                            minimizer: Minimizer = Minimizer()) -> Fit<Parameters> {
        let rows = WeightedRows(gammaGamma: customers)
        guard rows.repeatCustomers >= rule.minimumRepeatCustomers else {
            return .notTried(Parameters(p: .nan, q: .nan, v: .nan), customers: rows.customers, repeatCustomers: rows.repeatCustomers,
                             issues: [.tooFewRepeatCustomers(have: rows.repeatCustomers, need: rule.minimumRepeatCustomers)])
        }
        let sane = [log(shapeRange.lowerBound)...log(shapeRange.upperBound), log(shapeRange.lowerBound)...log(shapeRange.upperBound),
                    -logParameterFence...logParameterFence]
        let search = NewtonSearch(sane: sane, fence: logParameterFence).minimize({ u in
            secondOrder(parameters(fromLog: u), rows: rows).inLogParameters(u.map(exp)).negated
        }, value: { u in
            guard u.allSatisfy({ abs($0) <= logParameterFence }) else { return .infinity }
            return -logLikelihood(parameters(fromLog: u), rows: rows)
        }, start: start(rows), fallback: minimizer)
        let fitted = parameters(fromLog: search.point)
        var issues = Fit<Parameters>.searchIssues(search, named: [
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
        return .searched(fitted, by: search, rows: rows, issues: issues)
    }

    /// The log-parameters the search starts from: p 1, q 2, v the customers' mean value.
    static func start(_ rows: WeightedRows) -> [Double] {
        var total = 0.0, customers = 0.0
        for row in rows.rows {
            total += row.count * row.monetaryValue
            customers += row.count
        }
        let mean = customers > 0 && total > 0 && total.isFinite ? total / customers : 1
        return [0, log(2), min(max(log(mean), -logParameterFence), logParameterFence)]
    }

    /// The sane range of p and q.
    static let shapeRange = 1e-3...1e3

    package static func parameters(fromLog l: [Double]) -> Parameters {
        Parameters(p: exp(l[0]), q: exp(l[1]), v: exp(l[2]))
    }

    /// The log-likelihood alone, row by row (the fallback's objective).
    package static func logLikelihood(_ parameters: Parameters, rows: WeightedRows) -> Double {
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
