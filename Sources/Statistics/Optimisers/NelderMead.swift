/// The Nelder–Mead simplex search, written out so that a fit is the same arithmetic in the same order
/// on every run: a fixed start, a fixed first simplex, ties broken by vertex position, no randomness.
///
/// It needs no derivatives, which suits likelihoods built from log-gamma functions, and it copes with
/// an objective that returns +infinity outside the region where the model is defined.
package enum NelderMead {
    /// Where a search stopped.
    package struct Result: Sendable, Equatable {
        package var point: [Double]
        package var value: Double
        package var iterations: Int
        /// True when both tolerances were met before the iteration limit.
        package var converged: Bool
    }

    /// Minimises `objective` (NaN counts as +infinity) from `start` with the standard coefficients (reflection 1, expansion 2,
    /// contraction 1/2, shrink 1/2).
    ///
    /// The first simplex is `start` and `start + step * e_i` for each axis i. The search stops when
    /// every vertex's value lies within `valueTolerance * max(1, |best|)` of the best and every vertex
    /// lies within `pointTolerance` of the best in every coordinate, or after `maximumIterations`.
    package static func minimize(
        _ objective: ([Double]) -> Double,
        start: [Double],
        step: Double,
        valueTolerance: Double,
        pointTolerance: Double,
        maximumIterations: Int
    ) -> Result {
        let n = start.count
        var vertices = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += step
            vertices.append(vertex)
        }
        func f(_ point: [Double]) -> Double {
            let value = objective(point)
            return value.isNaN ? .infinity : value
        }
        var values = vertices.map(f)
        var iterations = 0

        while true {
            // Best first; equal values keep their current order, so the ranking is reproducible.
            let order = (0...n).sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            vertices = order.map { vertices[$0] }
            values = order.map { values[$0] }

            if isConverged(vertices, values, valueTolerance: valueTolerance, pointTolerance: pointTolerance) {
                return Result(point: vertices[0], value: values[0], iterations: iterations, converged: true)
            }
            if iterations >= maximumIterations {
                return Result(point: vertices[0], value: values[0], iterations: iterations, converged: false)
            }
            iterations += 1

            var centroid = [Double](repeating: 0, count: n)
            for vertex in vertices.dropLast() {
                for i in 0..<n { centroid[i] += vertex[i] }
            }
            for i in 0..<n { centroid[i] /= Double(n) }
            let worst = vertices[n]
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (worst[$0] - centroid[$0]) } }

            let reflected = along(-1)
            let reflectedValue = f(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = f(expanded)
                if expandedValue < reflectedValue {
                    (vertices[n], values[n]) = (expanded, expandedValue)
                } else {
                    (vertices[n], values[n]) = (reflected, reflectedValue)
                }
                continue
            }
            if reflectedValue < values[n - 1] {
                (vertices[n], values[n]) = (reflected, reflectedValue)
                continue
            }
            // Contract: outside (towards the reflected point) when that was better than the worst,
            // inside (towards the worst) otherwise.
            let outside = reflectedValue < values[n]
            let contracted = along(outside ? -0.5 : 0.5)
            let contractedValue = f(contracted)
            if outside ? contractedValue <= reflectedValue : contractedValue < values[n] {
                (vertices[n], values[n]) = (contracted, contractedValue)
                continue
            }
            // Shrink every vertex halfway towards the best.
            for j in 1...n {
                vertices[j] = (0..<n).map { vertices[0][$0] + 0.5 * (vertices[j][$0] - vertices[0][$0]) }
                values[j] = f(vertices[j])
            }
        }
    }

    private static func isConverged(_ vertices: [[Double]], _ values: [Double],
                                    valueTolerance: Double, pointTolerance: Double) -> Bool {
        let best = values[0]
        guard best.isFinite else { return false }
        let valueLimit = valueTolerance * max(1, abs(best))
        for j in 1..<vertices.count {
            guard values[j] - best <= valueLimit else { return false }
            for i in 0..<vertices[0].count where abs(vertices[j][i] - vertices[0][i]) > pointTolerance {
                return false
            }
        }
        return true
    }
}
