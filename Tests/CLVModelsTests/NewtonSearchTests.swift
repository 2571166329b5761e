@testable import CLVModels
import Foundation
import Statistics
import Testing

/// The search on its own: from starts far from the maximum it still finds CDNOW's, and its verdict
/// needs a positive definite Hessian.
@Suite struct NewtonSearchTests {
    static let rows = WeightedRows(bgnbd: CDNOW.calibration.values)
    static func objective(_ u: [Double]) -> SecondOrder {
        BGNBD.secondOrder(BGNBD.parameters(fromLog: u), rows: rows).inLogParameters(u.map(exp)).negated
    }
    static func value(_ u: [Double]) -> Double {
        u.allSatisfy { abs($0) <= logParameterFence } ? -BGNBD.logLikelihood(BGNBD.parameters(fromLog: u), rows: rows) : .infinity
    }
    static let sane = [BGNBD.shapeRange, BGNBD.alphaRange, BGNBD.shapeRange, BGNBD.shapeRange].map { log($0.lowerBound)...log($0.upperBound) }

    @Test func farStartsReachTheSameMaximum() {
        let scipy = [0.24259453, 4.41360239, 0.79292205, 2.42590692].map(log)
        for start in [[3.0, -3, 3, -3], [-4.0, 6, -2, 4], [0.0, 0, 0, 0]] {
            let result = NewtonSearch(sane: Self.sane, fence: 30).minimize(Self.objective, value: Self.value, start: start, fallback: Minimizer())
            #expect(result.converged, "from \(start)")
            for (ours, theirs) in zip(result.point, scipy) {
                #expect(abs(ours - theirs) < 1e-6, "from \(start): \(exp(ours)) vs SciPy's \(exp(theirs))")
            }
        }
    }

    /// A saddle (x^2 - y^2 has a flat point at 0 but no minimum): never converged there.
    @Test func aSaddleIsNotAMinimum() {
        let result = NewtonSearch(sane: [-30...30, -30...30], fence: 30).minimize({ u in
            SecondOrder(value: u[0] * u[0] - u[1] * u[1], gradient: [2 * u[0], -2 * u[1]], hessian: [2, 0, 0, -2])
        }, start: [0.5, 0])
        #expect(!result.converged)
    }
}
