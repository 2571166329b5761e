/// A derivative-free deterministic optimiser for any objective: Nelder–Mead from a fixed start,
/// restarted from its own result until a restart no longer improves it, then a few Newton steps on
/// a finite-difference Hessian to settle the last digits, and a gradient check that decides whether
/// the result counts as converged. The CLV models use it only as the fallback of `NewtonSearch`,
/// which settles and judges its result on the exact derivatives.
///
/// Why restarts: a simplex can collapse onto a line and stop short of the minimum; a fresh simplex
/// around the point it found costs little and catches that. Why Newton: near the optimum the
/// likelihood is close to quadratic, where Newton gains digits that the simplex gains only slowly.
package struct Minimizer: Sendable {
    /// The edge of the first simplex, in the coordinates of the objective (log-parameters).
    package var step = 0.5
    /// The edge of the simplex of each restart.
    package var restartStep = 0.05
    /// Nelder–Mead stops when the vertices' values agree to this, relative to the best value.
    package var valueTolerance = 1e-13
    /// ... and the vertices agree to this in every coordinate.
    package var pointTolerance = 1e-8
    /// Nelder–Mead iterations over all restarts together.
    package var maximumIterations = 20_000
    package var maximumRestarts = 5
    package var newtonSteps = 6
    /// The largest absolute partial derivative at the result that still counts as converged: in
    /// log-parameters, so 1e-3 means a 1% change of any parameter moves the objective by about 1e-5.
    package var gradientTolerance = 1e-3

    package init() {}

    /// Where the minimum was found.
    package struct Result: Sendable, Equatable {
        package var point: [Double]
        package var value: Double
        /// Nelder–Mead iterations plus accepted Newton steps.
        package var iterations: Int
        /// Nelder–Mead met its tolerances, a restart confirmed the point, and the gradient there is
        /// below `gradientTolerance`.
        package var converged: Bool
        /// The central-difference gradient at `point`.
        package var gradient: [Double]
    }

    package func minimize(_ f: ([Double]) -> Double, start: [Double]) -> Result {
        var search = NelderMead.minimize(f, start: start, step: step, valueTolerance: valueTolerance,
                                         pointTolerance: pointTolerance, maximumIterations: maximumIterations)
        var iterations = search.iterations
        var confirmed = false
        for _ in 0..<maximumRestarts where search.converged && !confirmed {
            let again = NelderMead.minimize(f, start: search.point, step: restartStep, valueTolerance: valueTolerance,
                                            pointTolerance: pointTolerance,
                                            maximumIterations: max(0, maximumIterations - iterations))
            iterations += again.iterations
            // The restart's first simplex holds the point it starts from, so it can only do better.
            confirmed = again.converged && search.value - again.value <= valueTolerance * max(1, abs(search.value))
            search = again
        }

        var point = search.point, value = search.value
        for _ in 0..<newtonSteps {
            guard let next = NewtonStep.improve(f, at: point, value: value) else { break }
            (point, value) = next
            iterations += 1
        }
        let gradient = NewtonStep.gradient(f, at: point)
        let flat = gradient.allSatisfy { $0.isFinite && abs($0) <= gradientTolerance }
        return Result(point: point, value: value, iterations: iterations,
                      converged: search.converged && confirmed && flat && value.isFinite, gradient: gradient)
    }
}
