/// A fitted model: its parameters, how well and how surely they were found, and whether they are
/// stable enough to print. The report shows `issues` ("history too short for a stable fit")
/// instead of numbers when `isStable` is false.
package struct Fit<Parameters: Sendable & Equatable>: Sendable, Equatable {
    package var parameters: Parameters
    /// The maximised log-likelihood, summed over the customers used.
    package var logLikelihood: Double
    /// The optimiser's iterations (see `Minimizer.Result.iterations`).
    package var iterations: Int
    /// Whether the optimiser met its tolerances and ended on a flat point.
    package var converged: Bool
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
}

/// What a fit needs before its numbers are shown.
package struct StabilityRule: Sendable, Equatable {
    /// Customers with at least one repeat purchase. With fewer, the heterogeneity parameters (r and
    /// alpha, a and b, p and q) trade off against each other and swing from week to week; 30 is a
    /// rule of thumb, CDNOW's sample has 946.
    package var minimumRepeatCustomers: Int

    package init(minimumRepeatCustomers: Int = 30) {
        self.minimumRepeatCustomers = minimumRepeatCustomers
    }
}

extension Fit {
    /// The issues every model shares: repeat customers, convergence, parameters within `ranges`.
    static func commonIssues(rule: StabilityRule, repeatCustomers: Int, search: Minimizer.Result,
                             named: [(name: String, value: Double, range: ClosedRange<Double>)]) -> [FitIssue] {
        var issues: [FitIssue] = []
        if repeatCustomers < rule.minimumRepeatCustomers {
            issues.append(.tooFewRepeatCustomers(have: repeatCustomers, need: rule.minimumRepeatCustomers))
        }
        if !search.converged { issues.append(.notConverged(iterations: search.iterations)) }
        for parameter in named where !(parameter.value.isFinite && parameter.range.contains(parameter.value)) {
            issues.append(.parameterOutOfRange(name: parameter.name, value: parameter.value, range: parameter.range))
        }
        return issues
    }
}

/// Where the optimisers search: log-parameters beyond +-30 (parameters below 1e-13 or above 1e13)
/// are outside the model for any real shop, and fencing them keeps a drifting search finite.
let logParameterFence = 30.0
