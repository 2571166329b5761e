@testable import Score
import Sections
import Testing

@Suite struct IntervalTests {
    /// Wilson 95% intervals worked out by hand (p̃ ± z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n)).
    @Test func wilsonMatchesHandComputedValues() {
        #expect(Intervals.wilson(5, 10) == [0.2366, 0.7634])
        #expect(Intervals.wilson(0, 10) == [0, 0.2775])
        #expect(Intervals.wilson(10, 10) == [0.7225, 1])
        #expect(Intervals.wilson(1, 2) == [0.0945, 0.9055])
        #expect(Intervals.wilson(0, 0) == nil)
    }

    @Test func npsIntervalIsTheNormalIntervalOfTheScoreMean() {
        // 6 promoters, 2 detractors of 10: NPS 40, variance 0.8 - 0.16 = 0.64, se = 100 * 0.8 / sqrt(10)
        let se = 100 * 0.8 / 10.0.squareRoot()
        let expected = [((40 - 1.959964 * se) * 10).rounded() / 10, ((40 + 1.959964 * se) * 10).rounded() / 10]
        #expect(Intervals.nps(promoters: 6, detractors: 2, answers: 10) == expected)
    }

    @Test func bootstrapOfEqualValuesIsThePoint() {
        #expect(Intervals.bootstrapMean(cents: Array(repeating: 4_990, count: 7)) == [49.9, 49.9])
        #expect(Intervals.bootstrapMean(cents: []) == nil)
    }

    @Test func bootstrapIsDeterministicForAnyOrderOfTheValues() {
        let values: [Int64] = (0..<200).map { Int64(($0 * 7_919) % 15_000 + 1_000) }
        let once = Intervals.bootstrapMean(cents: values)
        #expect(once == Intervals.bootstrapMean(cents: values.reversed()))
        #expect(once == Intervals.bootstrapMean(cents: values.shuffled()))
    }

    /// Against the normal-theory interval mean ± 1.96 sd/√n, which the bootstrap approaches for a
    /// large sample: each end within a tenth of the interval's half-width.
    @Test func bootstrapAgreesWithTheNormalIntervalOnALargeSample() throws {
        let values: [Int64] = (0..<2_000).map { Int64(($0 * 7_919) % 20_000 + 500) }
        let n = Double(values.count)
        let mean = values.reduce(0.0) { $0 + Double($1) } / n
        let sd = (values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / (n - 1)).squareRoot()
        let half = 1.959964 * sd / n.squareRoot() / 100
        let interval = try #require(Intervals.bootstrapMean(cents: values))
        #expect(abs(interval[0] - (mean / 100 - half)) < half / 10)
        #expect(abs(interval[1] - (mean / 100 + half)) < half / 10)
    }
}
