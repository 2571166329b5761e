import Statistics
import Testing

@Suite struct MinimizerTests {
    /// Rosenbrock's valley: its minimum 0 at (1, 1) lies at the end of a long curved valley, the
    /// classic trap for a simplex.
    static func rosenbrock(_ p: [Double]) -> Double {
        let (x, y) = (p[0], p[1])
        return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x)
    }

    @Test func findsRosenbrocksMinimum() {
        let result = Minimizer().minimize(Self.rosenbrock, start: [-1.2, 1])
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-7)
        #expect(abs(result.point[1] - 1) < 1e-7)
        #expect(result.value < 1e-14)
    }

    @Test func nelderMeadAloneFindsAQuadraticsMinimum() {
        let result = NelderMead.minimize({ p in (p[0] - 3) * (p[0] - 3) + 10 * (p[1] + 2) * (p[1] + 2) + 7 },
                                         start: [0, 0], step: 0.5, valueTolerance: 1e-15,
                                         pointTolerance: 1e-9, maximumIterations: 10_000)
        // Values that agree to 1e-15 pin a quadratic's minimum only to about sqrt(1e-15 * 7).
        #expect(result.converged)
        #expect(abs(result.point[0] - 3) < 1e-6)
        #expect(abs(result.point[1] + 2) < 1e-6)
        #expect(result.value == 7 || abs(result.value - 7) < 1e-14)
    }

    @Test func theIterationLimitMeansNotConverged() {
        var minimizer = Minimizer()
        minimizer.maximumIterations = 5
        let result = minimizer.minimize(Self.rosenbrock, start: [-1.2, 1])
        #expect(!result.converged)
        #expect(result.iterations <= 5 + minimizer.newtonSteps)
    }

    /// A minimum that lies beyond where the objective is defined (+infinity there): the search stops
    /// at the edge on a slope, which is not convergence.
    @Test func aMinimumAtTheEdgeIsNotConverged() {
        let result = Minimizer().minimize({ p in p[0] > 5 ? .infinity : -p[0] + p[1] * p[1] }, start: [0, 1])
        #expect(!result.converged)
        #expect(result.point[0] <= 5 && result.point[0] > 4.99)
    }

    @Test func nanCountsAsInfinity() {
        let result = Minimizer().minimize({ p in p[0] < 0 ? .nan : (p[0] - 2) * (p[0] - 2) }, start: [1])
        #expect(result.converged)
        #expect(abs(result.point[0] - 2) < 1e-7)
    }

    @Test func sameInputSameBits() {
        let a = Minimizer().minimize(Self.rosenbrock, start: [-1.2, 1])
        let b = Minimizer().minimize(Self.rosenbrock, start: [-1.2, 1])
        #expect(a.point.map(\.bitPattern) == b.point.map(\.bitPattern))
        #expect(a.value.bitPattern == b.value.bitPattern)
        #expect(a.iterations == b.iterations)
    }
}
