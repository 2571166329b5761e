/// A log-likelihood with its gradient and Hessian at one point, as the Newton search needs them.
///
/// The likelihoods compute their derivatives in the parameters theta themselves; the search works
/// in u = log theta, where every parameter is positive and a step is a ratio. The chain rule for
/// theta_i = e^(u_i): d/du_i = theta_i d/dtheta_i, and d2/du_i du_j = theta_i theta_j
/// d2/dtheta_i dtheta_j + [i = j] theta_i d/dtheta_i.
package struct SecondOrder: Sendable {
    package var value: Double
    package var gradient: [Double]
    /// Row-major, n x n, symmetric.
    package var hessian: [Double]

    package init(value: Double, gradient: [Double], hessian: [Double]) {
        self.value = value
        self.gradient = gradient
        self.hessian = hessian
    }

    /// The same derivatives with respect to the logs of `theta`.
    package func inLogParameters(_ theta: [Double]) -> SecondOrder {
        let n = theta.count
        var g = gradient, h = hessian
        for i in 0..<n {
            g[i] = theta[i] * gradient[i]
            for j in 0..<n { h[i * n + j] = theta[i] * theta[j] * hessian[i * n + j] }
            h[i * n + i] += g[i]
        }
        return SecondOrder(value: value, gradient: g, hessian: h)
    }

    /// The negative: the objective a minimiser sees.
    package var negated: SecondOrder {
        SecondOrder(value: -value, gradient: gradient.map { -$0 }, hessian: hessian.map { -$0 })
    }
}

/// Small dense symmetric matrices, row-major, for the Newton search's 3 x 3 and 4 x 4 systems.
enum SymmetricMatrix {
    /// The Cholesky factor L (lower, row-major) of A + shift I; nil when that is not positive
    /// definite or not finite.
    static func cholesky(_ a: [Double], n: Int, shift: Double = 0) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j] + (i == j ? shift : 0)
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        return l
    }

    /// y with L L' y = b.
    static func solve(cholesky l: [Double], _ b: [Double]) -> [Double] {
        let n = b.count
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k * n + i] * y[k] }
            y[i] /= l[i * n + i]
        }
        return y
    }

    /// The diagonal of A^-1 from A's Cholesky factor.
    static func inverseDiagonal(cholesky l: [Double], n: Int) -> [Double] {
        (0..<n).map { i in
            var e = [Double](repeating: 0, count: n)
            e[i] = 1
            return solve(cholesky: l, e)[i]
        }
    }
}
