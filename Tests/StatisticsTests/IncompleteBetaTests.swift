import Statistics
import Testing

@Suite struct IncompleteBetaTests {
    /// (x, a, b, I_x(a, b)), the last from SciPy 1.17: `scipy.special.betainc(a, b, x)`.
    static let reference: [(x: Double, a: Double, b: Double, value: Double)] = [
        (0.3, 0.5, 0.5, 0.36901011956554536),
        (0.42, 1, 1, 0.42),                   // I_x(1, 1) = x
        (0.4, 2, 3, 0.5247999999999999),      // a polynomial: 1 - (1-x)^4 - 4x(1-x)^3 = 0.5248
        (0.9, 5, 2.5, 0.9446661813914902),
        (0.5, 10, 10, 0.5),                   // symmetric
        (0.01, 0.1, 10, 0.8244896709066988),
        (0.45, 50, 60, 0.4642352914306031),
        (0.8, 9.5, 0.5, 0.04208628671050175),
        (0.999, 100, 1, 0.9047921471137089),  // x^100
        (0.0075, 1.5, 200, 0.6106916349566707),
    ]

    @Test func matchesSciPy() {
        for r in Self.reference {
            let value = IncompleteBeta.regularized(r.x, a: r.a, b: r.b)
            #expect(abs(value - r.value) < 1e-12, "I_\(r.x)(\(r.a), \(r.b)) = \(value), SciPy says \(r.value)")
        }
    }

    @Test func endsAndDomain() {
        #expect(IncompleteBeta.regularized(0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(1, a: 2, b: 3) == 1)
        #expect(IncompleteBeta.regularized(-0.1, a: 2, b: 3).isNaN)
        #expect(IncompleteBeta.regularized(1.1, a: 2, b: 3).isNaN)
        #expect(IncompleteBeta.regularized(0.5, a: 0, b: 3).isNaN)
        #expect(IncompleteBeta.regularized(0.5, a: 2, b: -1).isNaN)
        #expect(IncompleteBeta.regularized(.nan, a: 2, b: 3).isNaN)
    }

    /// The two-sided tail of Student's t, from SciPy 1.17: `2 * scipy.stats.t.sf(abs(t), df)`.
    @Test func studentTTailMatchesSciPy() {
        // B(df/2, 1/2) comes from lgamma(df/2) - lgamma(df/2 + 1/2), which loses digits to
        // cancellation as df grows: about 1e-11 at df 1e6 (a million orders a week), 2e-9 at 1e8;
        // neither comes near deciding p < 0.05.
        let reference: [(t: Double, df: Double, p: Double, tolerance: Double)] = [
            (0, 5, 1.0, 1e-15),
            (1, 1, 0.5000000000000001, 1e-15),           // Cauchy: 1 - 2 atan(1) / pi = 0.5
            (2.5, 3, 0.08770664700806556, 1e-15),
            (-2.5, 3, 0.08770664700806556, 1e-15),
            (4.0, 7.5, 0.004506110350185178, 1e-15),
            (12, 4, 0.000276428548502973, 1e-15),
            (2.0, 1e5, 0.04550296345750651, 1e-11),
            (2.0, 1e6, 0.04550053385131924, 1e-10),      // the normal's 0.0455003
            (1.96, 1e8, 0.04999579306932808, 1e-8),      // the normal's 0.0499958
        ]
        for r in reference {
            let p = StudentT.twoSidedP(r.t, degreesOfFreedom: r.df)
            #expect(abs(p - r.p) < r.tolerance, "t = \(r.t), df = \(r.df): p = \(p), SciPy says \(r.p)")
        }
        // Far in the tail the relative error is what counts: SciPy says 5.724161208827853e-76.
        let far = StudentT.twoSidedP(30, degreesOfFreedom: 200)
        #expect(abs(far / 5.724161208827853e-76 - 1) < 1e-9)
        #expect(StudentT.twoSidedP(.infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.twoSidedP(1, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.twoSidedP(.nan, degreesOfFreedom: 3).isNaN)
    }
}
