import Foundation
import Statistics

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

    /// Fits the parameters by maximum likelihood: `NewtonSearch` on the log-parameters with the
    /// analytic gradient and Hessian (`secondOrder`), from r = a = b = 1 and alpha = the customers'
    /// weeks per repeat purchase (so that r / alpha starts at the observed rate), `minimizer`'s
    /// Nelder–Mead only as a fallback. Not tried at all, and costing nothing, when `rule` says the
    /// data cannot support a fit: too few repeat customers, or too short a history. The customers'
    /// order does not matter (identical summaries are counted and summed in a fixed order), and the
    /// same customers give the same bits.
    package static func fit(_ customers: some Sequence<CustomerSummary>, rule: StabilityRule = StabilityRule(),
                            minimizer: Minimizer = Minimizer()) -> Fit<Parameters> {
        let rows = WeightedRows(bgnbd: customers)
        var refusals: [FitIssue] = []
        if rows.repeatCustomers < rule.minimumRepeatCustomers {
            refusals.append(.tooFewRepeatCustomers(have: rows.repeatCustomers, need: rule.minimumRepeatCustomers))
        }
        if rows.longestAge < rule.minimumHistoryWeeks {
            refusals.append(.historyTooShort(weeks: rows.longestAge, need: rule.minimumHistoryWeeks))
        }
        guard refusals.isEmpty else {
            return .notTried(Parameters(r: .nan, alpha: .nan, a: .nan, b: .nan), customers: rows.customers,
                             repeatCustomers: rows.repeatCustomers, issues: refusals)
        }
        let sane = [shapeRange, alphaRange, shapeRange, shapeRange].map { log($0.lowerBound)...log($0.upperBound) }
        let search = NewtonSearch(sane: sane, fence: logParameterFence).minimize({ u in
            let theta = u.map(exp)
            return secondOrder(parameters(fromLog: u), rows: rows).inLogParameters(theta).negated
        }, value: { u in
            guard u.allSatisfy({ abs($0) <= logParameterFence }) else { return .infinity }
            return -logLikelihood(parameters(fromLog: u), rows: rows)
        }, start: start(rows), fallback: minimizer)
        let fitted = parameters(fromLog: search.point)
        let issues = Fit<Parameters>.searchIssues(search, named: [
            ("r", fitted.r, shapeRange), ("alpha", fitted.alpha, alphaRange),
            ("a", fitted.a, shapeRange), ("b", fitted.b, shapeRange),
        ])
        return .searched(fitted, by: search, rows: rows, issues: issues)
    }

    /// The log-parameters the search starts from: r, a and b 1, alpha the weeks watched per repeat
    /// purchase over all customers (within 0.01...10^4 weeks), so that the mean rate r / alpha is
    /// the observed one.
    static func start(_ rows: WeightedRows) -> [Double] {
        var weeks = 0.0, purchases = 0.0
        for row in rows.rows {
            weeks += row.count * row.age
            purchases += row.count * row.frequency
        }
        let alpha = purchases > 0 && weeks > 0 ? min(max(weeks / purchases, 1e-2), 1e4) : 1
        return [0, log(alpha), 0, 0]
    }

    /// The sane range of r, a and b: shapes beyond it mean the data could not pin them down.
    static let shapeRange = 1e-3...1e3
    /// The sane range of alpha, in weeks: purchase rates are r / alpha per week.
    static let alphaRange = 1e-3...1e5

    package static func parameters(fromLog p: [Double]) -> Parameters {
        Parameters(r: exp(p[0]), alpha: exp(p[1]), a: exp(p[2]), b: exp(p[3]))
    }

    /// The log-likelihood alone, row by row (the fallback's objective).
    package static func logLikelihood(_ p: Parameters, rows: WeightedRows) -> Double {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        let lgammaR = logGamma(r), lgammaB = logGamma(b), lgammaAB = logGamma(a + b)
        let logAlpha = log(alpha), logA = log(a)
        let logAge = rows.ages.map { log(alpha + $0) }, logRecency = rows.recencies.map { log(alpha + $0) }
        var total = 0.0
        // the head depends on x alone: made again only when x changes (rows are sorted by x)
        var headX = Double.nan, head = 0.0
        for row in rows.rows {
            let x = row.frequency
            if x != headX {
                headX = x
                head = logGamma(r + x) - lgammaR + r * logAlpha
                    + lgammaAB + logGamma(b + x) - lgammaB - logGamma(a + b + x)
            }
            let stillAlive = -(r + x) * logAge[Int(row.ageIndex)]
            var mixture = stillAlive
            if x > 0 {
                let droppedOut = logA - log(b + x - 1) - (r + x) * logRecency[Int(row.recencyIndex)]
                let top = max(stillAlive, droppedOut)
                mixture = top + log(exp(stillAlive - top) + exp(droppedOut - top))
            }
            total += row.count * (head + mixture)
        }
        return total
    }
}
