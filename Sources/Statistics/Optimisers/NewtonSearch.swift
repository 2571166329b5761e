import Foundation

/// The search both models are fitted with: damped Newton on the analytic gradient and Hessian of the
/// negative log-likelihood in log-parameters, and the verdict whether its end point is the maximum.
///
/// Each step solves (H + mu I) d = -g, with mu = 0 where H is positive definite and the smallest
/// shift that makes it so elsewhere (Levenberg), caps the step at `maximumStep` in every
/// log-parameter (a factor of e^3), and halves it until the objective falls by the Armijo rule. It
/// stops when the Newton decrement can no longer be told from rounding, when no step lowers the
/// objective before the halved step becomes too short to move the point (so a search far out on a
/// flat likelihood, where only rounding is left, ends there instead of stepping in place), or when
/// a log-parameter crosses `logParameterFence`: a parameter that runs off towards 0 or infinity,
/// which the data cannot pin down.
///
/// Converged means: the end point lies within `sane`, the log-parameters' ranges in which the model
/// describes real customers (outside them the likelihood flattens out towards a limit, where a
/// flat point is no maximum: that is a parameter running away, `runaway`), the Hessian there is
/// positive definite (a strict local minimum) and the Newton decrement g' H^-1 g / 2, the
/// objective's predicted remaining fall, is at most `convergenceTolerance` times |f|. Both sides
/// grow with the number of customers, so the verdict does not depend on how many there are, and
/// 1e-10 sits far above the rounding of a sum of a million terms (about 1e-13 |f|) and far below
/// sampling error: g' H^-1 g is the squared distance to the maximum in standard errors, so the
/// point is within sqrt(2e-10 |f|) standard errors of it, 0.03 for a million customers of about 4
/// nats each (CDNOW's BG/NBD has 4.07). The search goes on until the decrement reaches rounding,
/// so the point it returns is far closer still.
package struct NewtonSearch: Sendable {
    package var convergenceTolerance = 1e-10
    /// The decrement, relative to |f|, below which a further step changes nothing that matters.
    package var stopTolerance = 1e-15
    package var maximumIterations = 100
    package var maximumStep = 3.0
    /// The log-parameters' sane ranges; the search itself may go beyond them up to the fence.
    package var sane: [ClosedRange<Double>]
    /// The largest |log-parameter| the search may reach: beyond it a parameter has run away.
    package var logParameterFence: Double

    package init(sane: [ClosedRange<Double>], fence: Double) {
        self.sane = sane
        self.logParameterFence = fence
    }

    package struct Result: Sendable {
        package var point: [Double]
        /// The objective (the negative log-likelihood) at `point`, with its derivatives.
        package var at: SecondOrder
        package var iterations: Int
        /// The objective's evaluations: with derivatives (Newton and its line search) and without
        /// (the fallback's simplex). Each is one sum over the data, the search's cost.
        package var evaluations: Int
        package var converged: Bool
        /// The index of a log-parameter that crossed the fence or ended outside its sane range; nil
        /// when none did.
        package var runaway: Int?
        /// sqrt of the diagonal of H^-1: the log-parameters' standard errors, that is the
        /// parameters' relative standard errors. Empty when H is not positive definite.
        package var standardErrors: [Double]
    }

    /// Minimises `objective` (value, gradient and Hessian at a point) from `start`.
    package func minimize(_ objective: ([Double]) -> SecondOrder, start: [Double]) -> Result {
        let n = start.count
        var evaluations = 0
        func evaluate(_ u: [Double]) -> SecondOrder {
            evaluations += 1
            return objective(u)
        }
        var x = start, current = evaluate(x)
        var iterations = 0
        var runaway: Int? = nil
        while iterations < maximumIterations, current.value.isFinite {
            guard let (direction, decrement, _) = Self.newtonDirection(current, n: n) else { break }
            if decrement / 2 <= stopTolerance * max(1, abs(current.value)) { break }
            let longest = direction.map(abs).max() ?? 0
            let cap = longest > maximumStep ? maximumStep / longest : 1
            let slope = zip(current.gradient, direction).reduce(0) { $0 + $1.0 * $1.1 } * cap
            guard slope < 0 else { break }
            var t = cap, accepted: (point: [Double], at: SecondOrder)? = nil
            for _ in 0..<50 {
                let candidate = (0..<n).map { x[$0] + t * direction[$0] }
                if let i = candidate.firstIndex(where: { abs($0) > logParameterFence }) {
                    runaway = i
                    x = candidate.map { min(max($0, -logParameterFence), logParameterFence) }
                    current = evaluate(x)
                    break
                }
                // A step too short to move the point any more: the objective's rounding, not its
                // slope, decides from here (a parameter far out, where the likelihood is flat).
                if candidate == x { break }
                let next = evaluate(candidate)
                if next.value.isFinite, next.value <= current.value + 1e-4 * (t / cap) * slope {
                    accepted = (candidate, next)
                    break
                }
                t /= 2
            }
            iterations += 1
            guard runaway == nil, let step = accepted else { break }
            (x, current) = (step.point, step.at)
        }
        if runaway == nil, let i = (0..<n).first(where: { !sane[$0].contains(x[$0]) }) { runaway = i }
        var converged = false
        var errors: [Double] = []
        if runaway == nil, current.value.isFinite, current.gradient.allSatisfy(\.isFinite),
           let (_, decrement, factor) = Self.newtonDirection(current, n: n), let factor {
            converged = decrement / 2 <= convergenceTolerance * max(1, abs(current.value))
            errors = SymmetricMatrix.inverseDiagonal(cholesky: factor, n: n).map { $0.squareRoot() }
        }
        return Result(point: x, at: current, iterations: iterations, evaluations: evaluations, converged: converged, runaway: runaway,
                      standardErrors: errors)
    }

    /// The Newton direction -(H + mu I)^-1 g, the decrement -g'd, and H's Cholesky factor when mu
    /// is 0 (H positive definite); nil when no shift up to 1e12 times H's largest diagonal helps.
    package static func newtonDirection(_ at: SecondOrder, n: Int) -> (direction: [Double], decrement: Double, factor: [Double]?)? {
        guard at.gradient.allSatisfy(\.isFinite), at.hessian.allSatisfy(\.isFinite) else { return nil }
        let scale = max(1e-300, (0..<n).map { abs(at.hessian[$0 * n + $0]) }.max() ?? 0)
        var shift = 0.0
        for _ in 0..<30 {
            if let l = SymmetricMatrix.cholesky(at.hessian, n: n, shift: shift) {
                let d = SymmetricMatrix.solve(cholesky: l, at.gradient.map { -$0 })
                let decrement = -zip(at.gradient, d).reduce(0) { $0 + $1.0 * $1.1 }
                return (d, max(0, decrement), shift == 0 ? l : nil)
            }
            shift = shift == 0 ? 1e-10 * scale : shift * 10
        }
        return nil
    }
}

extension NewtonSearch {
    /// Newton from `start`; when that ends neither converged nor on a runaway parameter (stuck
    /// within the sane ranges where no step lowers the objective), `fallback`'s Nelder–Mead from
    /// the same start, and Newton again from where the simplex stopped. The verdict is always
    /// Newton's. `value` is the objective alone, +infinity outside the fence.
    package func minimize(_ objective: ([Double]) -> SecondOrder, value: ([Double]) -> Double, start: [Double],
                          fallback: Minimizer) -> Result {
        let first = minimize(objective, start: start)
        if first.converged || first.runaway != nil { return first }
        var simplex = fallback
        simplex.newtonSteps = 0
        var values = 0
        let rough = simplex.minimize({ u in
            values += 1
            return value(u)
        }, start: start)
        var second = minimize(objective, start: rough.point)
        second.iterations += first.iterations + rough.iterations
        second.evaluations += first.evaluations + values
        if second.converged || second.runaway != nil || !(first.at.value <= second.at.value) { return second }
        var kept = first
        kept.iterations = second.iterations
        kept.evaluations = second.evaluations
        return kept
    }
}
