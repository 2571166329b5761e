import Statistics
import ReportModel
import Score
import Testing

/// The report's own change tests are the diff's: rates, counts, revenue and AOV.
@Suite struct ChangeTestTests {
    @Test func proportionsUseTheTwoProportionTest() throws {
        // 60/1000 vs 40/1000: pooled p = 0.05, se = sqrt(0.05 * 0.95 * 0.002) = 0.0097468, z = 0.02 / se = 2.0520
        let z = try #require(ChangeTest.test(.proportion(60, 1000), .proportion(40, 1000)).statistic)
        #expect(abs(z - 2.0520) < 0.0001)
        #expect(ChangeTest.test(.proportion(6, 100), .proportion(4, 100)).isSignificant == false)
    }

    @Test func countsUseThePoissonTest() throws {
        // 199 vs 162 orders: z = 37 / sqrt(361) = 1.9474, just within noise
        let z = try #require(ChangeTest.test(.count(199), .count(162)).statistic)
        #expect(abs(z - 37.0 / 19.0) < 1e-12)
        #expect(ChangeTest.test(.count(0), .count(0)).isSignificant == nil)
        #expect(ChangeTest.test(.proportion(1, 0), .proportion(1, 2)).isSignificant == nil)
    }

    @Test func revenueAndAverageOrderValueAreTestedToo() throws {
        // 120 orders of mean 50 (sd 20) against 100 of mean 40 (sd 20): revenue 6,000 vs 4,000,
        // Var = 400 * 119 + 120 * 2500 = 347,600 and 400 * 99 + 100 * 1600 = 199,600,
        // z = 2,000 / sqrt(547,200) = 2.7037: larger than noise
        let now = ValueSample(count: 120, mean: 50, standardDeviation: 20)
        let before = ValueSample(count: 100, mean: 40, standardDeviation: 20)
        let sum = ChangeTest.test(.sum(now), .sum(before))
        #expect(abs((sum.statistic ?? 0) - 2000 / 547_200.0.squareRoot()) < 1e-9)
        #expect(sum.isSignificant == true)
        // Welch: t = 10 / sqrt(400/120 + 400/100) = 3.6927, far beyond noise
        let mean = ChangeTest.test(.mean(now), .mean(before))
        #expect(abs((mean.statistic ?? 0) - 10 / (400 / 120.0 + 4).squareRoot()) < 1e-9)
        #expect(mean.isSignificant == true)
        #expect(ChangeTest.test(.mean(nil), .mean(before)).isSignificant == nil)
    }
}
