import Statistics

/// A fitted model: its parameters, how well and how surely they were found, and whether they are
/// stable enough to print. The report shows `issues` ("history too short for a stable fit")
/// instead of numbers when `isStable` is false.
package struct Fit<Parameters: Sendable & Equatable>: Sendable, Equatable {
    /// The parameters at the maximum; NaN when the data could not support a fit and none was tried
    /// (`issues` says why).
    package var parameters: Parameters
    /// The maximised log-likelihood, summed over the customers used; NaN when no fit was tried.
    package var logLikelihood: Double
    /// The search's iterations: Newton steps, plus Nelder–Mead's when the fallback ran.
    package var iterations: Int
    /// The likelihood's evaluations (sums over all customers, with or without derivatives) the
    /// search took: its cost, 0 when no fit was tried.
    package var evaluations: Int
    /// Whether the search ended at a maximum: within the parameters' sane ranges, a negative
    /// definite Hessian there, and a Newton decrement at most 1e-10 of |log-likelihood| (see
    /// `NewtonSearch`).
    package var converged: Bool
    /// Each parameter's standard error relative to its value (the log-parameter's, from the
    /// inverse Hessian), in the parameters' order; empty when not converged. Sampling error: a
    /// parameter fitted on other customers from the same population differs by about this much.
    package var relativeStandardErrors: [Double]
    /// The customer summaries the fit used.
    package var customers: Int
    /// Of them, those with at least one repeat purchase: the ones that carry the information.
    package var repeatCustomers: Int
    /// Why the parameters should not be trusted; empty when they can be.
    package var issues: [FitIssue]

    /// True when nothing speaks against the parameters: enough repeat customers, a converged
    /// optimiser, parameters finite and within the model's sane range.
    package var isStable: Bool { issues.isEmpty }
}

/// One reason why a fit is not stable, worded for the report's reader.
package enum FitIssue: Sendable, Equatable, CustomStringConvertible {
    /// Too few customers bought twice: purchase rates and drop-out cannot be told apart.
    case tooFewRepeatCustomers(have: Int, need: Int)
    /// The history is too short for BG/NBD: nobody has been watched long enough for drop-out to
    /// show, and the rates' spread runs off to infinity (a Poisson process for everyone).
    case historyTooShort(weeks: Double, need: Double)
    /// A parameter ran off towards 0 or infinity during the search, beyond the range where the model
    /// describes real customers: the likelihood keeps rising that way, so the data has no maximum.
    case runsAway(name: String, towardsZero: Bool)
    /// The optimiser hit its iteration limit or ended on a slope (often a parameter running off
    /// towards 0 or infinity, which the data cannot pin down).
    case notConverged(iterations: Int)
    /// A parameter outside the range in which the model describes real customers.
    case parameterOutOfRange(name: String, value: Double, range: ClosedRange<Double>)
    /// Gamma-Gamma with q <= 1: the population's mean spend per purchase would be infinite.
    case unboundedMeanSpend(q: Double)
    /// Gamma-Gamma's population mean spend p v / (q - 1) lies outside the customers' own means.
    case meanSpendOutsideData(mean: Double, lowest: Double, highest: Double)

    package var description: String {
        switch self {
        case let .tooFewRepeatCustomers(have, need):
            return "history too short for a stable fit: \(have) customers with repeat purchases, at least \(need) needed"
        case let .historyTooShort(weeks, need):
            let age = Self.weeks(weeks)
            return "history too short for a stable fit: the oldest customer's first order is \(age) \(age == "1" ? "week" : "weeks") old, at least \(Self.weeks(need)) needed"
        case let .runsAway(name, towardsZero):
            return "cannot be fitted: \(name) runs off towards \(towardsZero ? "0" : "infinity"), the history does not pin it down"
        case let .notConverged(iterations):
            return "the fit did not converge (\(iterations) iterations)"
        case let .parameterOutOfRange(name, value, range):
            return "\(name) = \(value) is outside \(range.lowerBound)...\(range.upperBound)"
        case let .unboundedMeanSpend(q):
            return "q = \(q) is at most 1, so the mean spend per purchase is unbounded"
        case let .meanSpendOutsideData(mean, lowest, highest):
            return "the fitted mean spend \(mean) is outside the customers' means \(lowest)...\(highest)"
        }
    }

    /// Weeks to one decimal, without a trailing ".0".
    private static func weeks(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}

/// What a fit needs before its numbers are shown.
package struct StabilityRule: Sendable, Equatable {
    /// Customers with at least one repeat purchase. With fewer, the heterogeneity parameters (r and
    /// alpha, a and b, p and q) trade off against each other and swing from week to week; 30 is a
    /// rule of thumb, CDNOW's sample has 946.
    package var minimumRepeatCustomers: Int
    /// BG/NBD's weeks from the oldest customer's first purchase day to the as-of day. Drop-out
    /// shows only as silence after repeat purchases; within a few weeks everyone still looks alive
    /// and the fit runs r and alpha off to infinity. Four weeks is a lower bound, not a
    /// recommendation: a year or more pins the parameters down far better.
    package var minimumHistoryWeeks: Double

    package init(minimumRepeatCustomers: Int = 30, minimumHistoryWeeks: Double = 4) {
        self.minimumRepeatCustomers = minimumRepeatCustomers
        self.minimumHistoryWeeks = minimumHistoryWeeks
    }
}

extension Fit {
    /// A fit not tried because the data cannot support one: NaN parameters and the reasons.
    static func notTried(_ parameters: Parameters, customers: Int, repeatCustomers: Int, issues: [FitIssue]) -> Fit {
        Fit(parameters: parameters, logLikelihood: .nan, iterations: 0, evaluations: 0, converged: false, relativeStandardErrors: [],
            customers: customers, repeatCustomers: repeatCustomers, issues: issues)
    }

    /// The fit a search ended on: its parameters, its log-likelihood and how it got there.
    static func searched(_ parameters: Parameters, by search: NewtonSearch.Result, rows: WeightedRows, issues: [FitIssue]) -> Fit {
        Fit(parameters: parameters, logLikelihood: -search.at.value, iterations: search.iterations, evaluations: search.evaluations,
            converged: search.converged, relativeStandardErrors: search.converged ? search.standardErrors : [],
            customers: rows.customers, repeatCustomers: rows.repeatCustomers, issues: issues)
    }

    /// The issues every model shares: convergence, parameters that ran away or lie outside `ranges`.
    static func searchIssues(_ search: NewtonSearch.Result,
                             named: [(name: String, value: Double, range: ClosedRange<Double>)]) -> [FitIssue] {
        var issues: [FitIssue] = []
        if let i = search.runaway {
            issues.append(.runsAway(name: named[i].name, towardsZero: search.point[i] < 0))
        } else if !search.converged {
            issues.append(.notConverged(iterations: search.iterations))
        }
        for parameter in named where !(parameter.value.isFinite && parameter.range.contains(parameter.value)) {
            issues.append(.parameterOutOfRange(name: parameter.name, value: parameter.value, range: parameter.range))
        }
        return issues
    }
}

/// Where the optimisers search: log-parameters beyond +-30 (parameters below 1e-13 or above 1e13)
/// are outside the model for any real shop, and fencing them keeps a drifting search finite.
let logParameterFence = 30.0
