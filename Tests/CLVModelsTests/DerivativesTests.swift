@testable import CLVModels
import Foundation
import Statistics
import Testing

/// The analytic gradients and Hessians the Newton search uses, against the likelihoods' values.
@Suite struct DerivativesTests {
    /// psi and psi' at points where they are known in closed form (Abramowitz and Stegun 6.3, 6.4):
    /// psi(1) = -gamma, psi(1/2) = -gamma - 2 log 2, psi'(1) = pi^2 / 6, psi'(1/2) = pi^2 / 2,
    /// and the recurrences psi(x + 1) = psi(x) + 1 / x, psi'(x + 1) = psi'(x) - 1 / x^2 across the
    /// switch to the asymptotic series at 10.
    @Test func digammaAndTrigamma() {
        let eulerGamma = 0.57721566490153286
        // a few units in the last place
        #expect(abs(Digamma.psi(1) + eulerGamma) < 3e-15)
        #expect(abs(Digamma.psi(0.5) - (-eulerGamma - 2 * log(2.0))) < 3e-15)
        #expect(abs(Digamma.trigamma(1) / (Double.pi * Double.pi / 6) - 1) < 1e-15)
        #expect(abs(Digamma.trigamma(0.5) / (Double.pi * Double.pi / 2) - 1) < 1e-15)
        // relative to the largest term of each recurrence, which rounding cannot beat
        for x in [1e-6, 0.3, 2.5, 9.5, 9.99, 10.2, 37.0, 1e4] {
            #expect(abs(Digamma.psi(x + 1) - (Digamma.psi(x) + 1 / x)) <= 3e-15 * max(1, 1 / x), "psi at \(x)")
            #expect(abs(Digamma.trigamma(x + 1) - (Digamma.trigamma(x) - 1 / (x * x))) <= 3e-15 * max(1, 1 / (x * x)), "psi' at \(x)")
        }
        // psi(x) ~ log x - 1 / (2x) far out
        #expect(abs(Digamma.psi(1e8) - (log(1e8) - 0.5e-8)) < 1e-15 * 20)
        #expect(Digamma.psi(0).isNaN && Digamma.trigamma(-1).isNaN)
    }

    /// Central differences of the values (step 1e-5 in log-parameters) against the analytic
    /// gradient, and of the analytic gradient against the Hessian, relative to the largest entry.
    static func check(_ u: [Double], value: ([Double]) -> Double, second: ([Double]) -> SecondOrder) {
        let n = u.count, h = 1e-5
        let at = second(u)
        #expect(abs(at.value / value(u) - 1) < 1e-12, "value \(at.value) vs \(value(u))")
        let scale = at.gradient.map(abs).max()! + at.hessian.map(abs).max()!
        for i in 0..<n {
            var plus = u, minus = u
            plus[i] += h
            minus[i] -= h
            let slope = (value(plus) - value(minus)) / (2 * h)
            #expect(abs(slope - at.gradient[i]) < 1e-6 * scale, "gradient \(i): \(at.gradient[i]) vs \(slope)")
            let (gp, gm) = (second(plus).gradient, second(minus).gradient)
            for j in 0..<n {
                let curvature = (gp[j] - gm[j]) / (2 * h)
                #expect(abs(curvature - at.hessian[j * n + i]) < 1e-6 * scale, "hessian \(j), \(i): \(at.hessian[j * n + i]) vs \(curvature)")
            }
        }
    }

    @Test func bgnbdDerivativesMatchDifferences() {
        let rows = WeightedRows(bgnbd: CDNOW.calibration.values)
        for u in [[0.0, 0, 0, 0], [log(0.243), log(4.414), log(0.793), log(2.426)], [2, -1, 3, -2]] {
            Self.check(u, value: { BGNBD.logLikelihood(BGNBD.parameters(fromLog: $0), rows: rows) },
                       second: { BGNBD.secondOrder(BGNBD.parameters(fromLog: $0), rows: rows).inLogParameters($0.map(exp)) })
        }
    }

    @Test func gammaGammaDerivativesMatchDifferences() {
        let rows = WeightedRows(gammaGamma: CDNOW.calibration.values)
        for u in [[0.0, 0, 0], [log(6.25), log(3.74), log(15.44)], [-1, 2, 4]] {
            Self.check(u, value: { GammaGamma.logLikelihood(GammaGamma.parameters(fromLog: $0), rows: rows) },
                       second: { GammaGamma.secondOrder(GammaGamma.parameters(fromLog: $0), rows: rows).inLogParameters($0.map(exp)) })
        }
    }
}
