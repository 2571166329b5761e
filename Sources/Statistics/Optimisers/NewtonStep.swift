/// Newton's method on central finite differences, for the last digits of a minimum that Nelder–Mead
/// has already found: small, fixed differences, and a step taken only when it lowers the objective.
enum NewtonStep {
    /// The difference for first derivatives: rounding error about 1e-16 |f| / h, truncation about
    /// h^2 |f'''|, both far below what the convergence check asks for likelihoods of up to a million
    /// customers.
    static let gradientDelta = 1e-5
    /// The difference for second derivatives, larger because their rounding error grows as 1 / h^2.
    static let hessianDelta = 1e-4

    /// The central-difference gradient.
    static func gradient(_ f: ([Double]) -> Double, at x: [Double]) -> [Double] {
        (0..<x.count).map { i in
            let h = gradientDelta
            return (f(moved(x, i, h)) - f(moved(x, i, -h))) / (2 * h)
        }
    }

    /// One Newton step from `x`, halved up to ten times until it lowers `f`; nil when the Hessian is
    /// not positive definite (not near a minimum), the step is negligible, or no step lowers `f`.
    static func improve(_ f: ([Double]) -> Double, at x: [Double], value: Double) -> (point: [Double], value: Double)? {
        let n = x.count, h = hessianDelta
        var g = [Double](repeating: 0, count: n)
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            let plus = f(moved(x, i, h)), minus = f(moved(x, i, -h))
            g[i] = (plus - minus) / (2 * h)
            hessian[i][i] = (plus - 2 * value + minus) / (h * h)
            for j in 0..<i {
                let pp = f(moved(moved(x, i, h), j, h)), pm = f(moved(moved(x, i, h), j, -h))
                let mp = f(moved(moved(x, i, -h), j, h)), mm = f(moved(moved(x, i, -h), j, -h))
                hessian[i][j] = (pp - pm - mp + mm) / (4 * h * h)
                hessian[j][i] = hessian[i][j]
            }
        }
        guard g.allSatisfy(\.isFinite), let direction = solvePositiveDefinite(hessian, g.map { -$0 }) else { return nil }
        guard direction.contains(where: { abs($0) > 1e-12 }) else { return nil }
        var scale = 1.0
        for _ in 0...10 {
            let candidate = (0..<n).map { x[$0] + scale * direction[$0] }
            let candidateValue = f(candidate)
            if candidateValue < value { return (candidate, candidateValue) }
            scale /= 2
        }
        return nil
    }

    /// Solves A y = b by Cholesky factorisation; nil when A is not positive definite.
    static func solvePositiveDefinite(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i][k] * y[k] }
            y[i] /= l[i][i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k][i] * y[k] }
            y[i] /= l[i][i]
        }
        return y
    }

    private static func moved(_ x: [Double], _ i: Int, _ by: Double) -> [Double] {
        var y = x
        y[i] += by
        return y
    }
}
