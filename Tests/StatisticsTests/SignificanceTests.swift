import Statistics
import Testing

@Suite struct SignificanceTests {
    @Test func proportionsUseTheTwoProportionTest() throws {
        // 60/1000 vs 40/1000: pooled p = 0.05, se = sqrt(0.05 * 0.95 * 0.002) = 0.0097468,
        // z = 0.02 / se = 2.0519567 (the report's ChangeTest gives the same); p from SciPy 1.17,
        // 2 * scipy.stats.norm.sf(2.0519567041703084) = 0.040173870288512055.
        let r = Significance.proportion(60, of: 1000, against: 40, of: 1000)
        #expect(abs(try #require(r.statistic) - 2.0519567041703084) < 1e-12)
        #expect(abs(try #require(r.pValue) - 0.040173870288512055) < 1e-12)
        #expect(r.degreesOfFreedom == nil)
        #expect(r.isSignificant == true)
        #expect(Significance.proportion(6, of: 100, against: 4, of: 100).isSignificant == false)
        // A fall is negative.
        #expect(try #require(Significance.proportion(40, of: 1000, against: 60, of: 1000).statistic) < 0)
    }

    @Test func proportionsAtTheEdges() {
        // All or nothing in both periods: no variance, and no change.
        #expect(Significance.proportion(0, of: 50, against: 0, of: 80) ==
                NoiseTestResult(statistic: 0, pValue: 1, isSignificant: false))
        #expect(Significance.proportion(50, of: 50, against: 80, of: 80).isSignificant == false)
        #expect(Significance.proportion(1, of: 0, against: 1, of: 2) == .notTestable)
        #expect(Significance.proportion(3, of: 2, against: 1, of: 2) == .notTestable)
        #expect(Significance.proportion(-1, of: 2, against: 1, of: 2) == .notTestable)
    }

    @Test func countsUseThePoissonTest() throws {
        // 199 vs 162 orders: z = 37 / sqrt(361) = 1.9474, just within noise; p from SciPy 1.17,
        // 2 * scipy.stats.norm.sf(37 / 19) = 0.051490581182103465.
        let r = Significance.count(199, against: 162)
        #expect(try #require(r.statistic) == 37.0 / 19.0)
        #expect(abs(try #require(r.pValue) - 0.051490581182103465) < 1e-12)
        #expect(r.isSignificant == false)
        #expect(Significance.count(200, against: 161).isSignificant == true) // 39 / 19 = 2.05
        #expect(Significance.count(0, against: 0) == .notTestable)
        #expect(Significance.count(-1, against: 5) == .notTestable)
    }

    @Test func welchMatchesSciPy() throws {
        // By hand: v1 = 8.1^2 / 10 = 6.561, v0 = 9.4^2 / 12 = 7.363333, v1 + v0 = 13.924333;
        // t = (52.3 - 45.0) / sqrt(13.924333) = 7.3 / 3.731532 = 1.956301;
        // df = 13.924333^2 / (6.561^2 / 9 + 7.363333^2 / 11) = 193.887059 / (4.782969 + 4.928971) = 19.963783.
        // SciPy 1.17, scipy.stats.ttest_ind_from_stats(52.3, 8.1, 10, 45.0, 9.4, 12, equal_var=False):
        // t = 1.9563008989149622, p = 0.064566318404009. Not significant: at df 20 |t| needs 2.086,
        // though as a z the same 1.956 would nearly be.
        let r = Significance.mean(ValueMoments(count: 10, mean: 52.3, standardDeviation: 8.1),
                                against: ValueMoments(count: 12, mean: 45.0, standardDeviation: 9.4))
        #expect(abs(try #require(r.statistic) - 1.9563008989149622) < 1e-12)
        #expect(abs(try #require(r.degreesOfFreedom) - 19.963783201477217) < 1e-9)
        #expect(abs(try #require(r.pValue) - 0.064566318404009) < 1e-12)
        #expect(r.isSignificant == false)
    }

    @Test func welchFindsASignificantChange() throws {
        // SciPy 1.17, ttest_ind_from_stats(61.2, 20.5, 40, 49.8, 18.1, 35, equal_var=False):
        // t = 2.5576657048913285, p = 0.012613900216441133; df = 72.99143029602082 by the same formula.
        let r = Significance.mean(ValueMoments(count: 40, mean: 61.2, standardDeviation: 20.5),
                                against: ValueMoments(count: 35, mean: 49.8, standardDeviation: 18.1))
        #expect(abs(try #require(r.statistic) - 2.5576657048913285) < 1e-12)
        #expect(abs(try #require(r.degreesOfFreedom) - 72.99143029602082) < 1e-9)
        #expect(abs(try #require(r.pValue) - 0.012613900216441133) < 1e-12)
        #expect(r.isSignificant == true)
    }

    @Test func welchAtTheEdges() throws {
        // One period without variation is still testable: df = n0 - 1 = 7. SciPy 1.17,
        // ttest_ind_from_stats(40.0, 0.0, 5, 45.0, 6.0, 8, equal_var=False): t = -2.3570226039551585,
        // p = 0.050562289891274335.
        let flat = Significance.mean(ValueMoments(count: 5, mean: 40, standardDeviation: 0),
                                   against: ValueMoments(count: 8, mean: 45, standardDeviation: 6))
        #expect(abs(try #require(flat.statistic) + 2.3570226039551585) < 1e-12)
        #expect(abs(try #require(flat.degreesOfFreedom) - 7) < 1e-12)
        #expect(abs(try #require(flat.pValue) - 0.050562289891274335) < 1e-12)
        #expect(flat.isSignificant == false)
        // The smallest testable samples, two values each: SciPy 1.17, ttest_ind_from_stats(48.0,
        // 30.0, 2, 45.0, 6.0, 2, equal_var=False): t = 0.13867504905630726, p = 0.9109776327693134.
        let tiny = Significance.mean(ValueMoments(count: 2, mean: 48, standardDeviation: 30),
                                   against: ValueMoments(count: 2, mean: 45, standardDeviation: 6))
        #expect(abs(try #require(tiny.statistic) - 0.13867504905630726) < 1e-12)
        #expect(abs(try #require(tiny.pValue) - 0.9109776327693134) < 1e-12)

        let some = ValueMoments(count: 30, mean: 50, standardDeviation: 10)
        #expect(Significance.mean(ValueMoments(count: 1, mean: 80, standardDeviation: 0), against: some) == .notTestable)
        #expect(Significance.mean(some, against: ValueMoments(count: 0, mean: 0, standardDeviation: 0)) == .notTestable)
        #expect(Significance.mean(ValueMoments(count: 5, mean: 50, standardDeviation: 0),
                                against: ValueMoments(count: 7, mean: 60, standardDeviation: 0)) == .notTestable)
        #expect(Significance.mean(ValueMoments(count: 5, mean: .nan, standardDeviation: 3), against: some) == .notTestable)
        #expect(Significance.mean(ValueMoments(count: 5, mean: 50, standardDeviation: -3), against: some) == .notTestable)
    }

    @Test func sumsTreatOrdersAsACompoundPoissonProcess() throws {
        // 100 orders, mean 50, sd 20 before; 130 orders, mean 52, sd 22 now. By hand:
        // S0 = 5000, Var0 = 20^2 * 99 + 100 * 50^2 = 39600 + 250000 = 289600;
        // S1 = 6760, Var1 = 22^2 * 129 + 130 * 52^2 = 62436 + 351520 = 413956;
        // z = 1760 / sqrt(703556) = 1760 / 838.78245 = 2.0982795; p = 2 * scipy.stats.norm.sf(z)
        // = 0.035880464637693975 (SciPy 1.17).
        let r = Significance.sum(ValueMoments(count: 130, mean: 52, standardDeviation: 22),
                               against: ValueMoments(count: 100, mean: 50, standardDeviation: 20))
        #expect(abs(try #require(r.statistic) - 2.098279474056429) < 1e-12)
        #expect(abs(try #require(r.pValue) - 0.035880464637693975) < 1e-12)
        #expect(r.degreesOfFreedom == nil)
        #expect(r.isSignificant == true)
    }

    @Test func sumsAreNoisierThanTheirCounts() throws {
        // 100 -> 110 orders of the same mean 50 and sd 20: revenue +10% as orders are, but
        // z = 500 / sqrt(289600 + 318600) = 0.6411, below the orders' own 10 / sqrt(210) = 0.6901,
        // because the order values vary too.
        let r = Significance.sum(ValueMoments(count: 110, mean: 50, standardDeviation: 20),
                               against: ValueMoments(count: 100, mean: 50, standardDeviation: 20))
        #expect(abs(try #require(r.statistic) - 0.6411310295411128) < 1e-12)
        #expect(try #require(r.statistic) < (try #require(Significance.count(110, against: 100).statistic)))
        #expect(r.isSignificant == false)
    }

    @Test func sumsAtTheEdges() throws {
        // One order each: no sd needed, Var = mean^2; z = (80 - 50) / sqrt(80^2 + 50^2) = 0.3180.
        let one = Significance.sum(ValueMoments(count: 1, mean: 80, standardDeviation: .nan),
                                 against: ValueMoments(count: 1, mean: 50, standardDeviation: .nan))
        #expect(abs(try #require(one.statistic) - 0.317999364001908) < 1e-12)
        // From no orders to some: testable, the base contributes nothing (its mean is ignored).
        let first = Significance.sum(ValueMoments(count: 3, mean: 20, standardDeviation: 5),
                                   against: ValueMoments(count: 0, mean: .nan, standardDeviation: .nan))
        // z = 60 / sqrt(25 * 2 + 3 * 400) = 60 / sqrt(1250) = 1.6971
        #expect(abs(try #require(first.statistic) - 60 / 1250.0.squareRoot()) < 1e-12)
        let none = ValueMoments(count: 0, mean: 0, standardDeviation: 0)
        #expect(Significance.sum(none, against: none) == .notTestable)
        let free = ValueMoments(count: 4, mean: 0, standardDeviation: 0)
        #expect(Significance.sum(free, against: none) == .notTestable)
        #expect(Significance.sum(ValueMoments(count: -1, mean: 5, standardDeviation: 1), against: free) == .notTestable)
        #expect(Significance.sum(ValueMoments(count: 3, mean: 5, standardDeviation: -1), against: free) == .notTestable)
    }
}
