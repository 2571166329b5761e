import Statistics
import Testing

@Suite struct ConfidenceIntervalTests {
    /// Wilson intervals against the textbook formula evaluated in Python 3 with
    /// `statistics.NormalDist().inv_cdf(0.975)` for z.
    @Test(arguments: [(5, 10, 0.23659309051256405, 0.763406909487436),
                      (0, 10, 0.0, 0.27753279986288915),
                      (37, 120, 0.23272736988916298, 0.39582997723800684)])
    func wilsonMatchesTheFormula(x: Int, n: Int, low: Double, high: Double) throws {
        let interval = try #require(ConfidenceInterval.wilson(x, n))
        #expect(abs(interval.low - low) < 1e-12)
        #expect(abs(interval.high - high) < 1e-12)
    }

    @Test func wilsonStaysInsideZeroToOneAndRefusesImpossibleCounts() throws {
        let all = try #require(ConfidenceInterval.wilson(10, 10))
        #expect(all.high <= 1 && abs(all.high - 1) < 1e-12 && abs(all.low - 0.7224672001371109) < 1e-12)
        #expect(ConfidenceInterval.wilson(0, 0) == nil)
        #expect(ConfidenceInterval.wilson(11, 10) == nil)
        #expect(ConfidenceInterval.wilson(-1, 10) == nil)
    }

    /// The NPS interval against the normal approximation evaluated in Python the same way.
    @Test func npsIntervalIsTheNormalApproximation() throws {
        let small = try #require(ConfidenceInterval.nps(promoters: 6, detractors: 2, answers: 10))
        #expect(abs(small.low - -9.583602584364925) < 1e-9 && abs(small.high - 89.58360258436493) < 1e-9)
        let larger = try #require(ConfidenceInterval.nps(promoters: 50, detractors: 10, answers: 100))
        #expect(abs(larger.low - 26.99906972134142) < 1e-9 && abs(larger.high - 53.00093027865858) < 1e-9)
        #expect(ConfidenceInterval.nps(promoters: 0, detractors: 0, answers: 0) == nil)
        let allPromoters = try #require(ConfidenceInterval.nps(promoters: 4, detractors: 0, answers: 4))
        #expect(allPromoters.low == 100 && allPromoters.high == 100)
    }
}
