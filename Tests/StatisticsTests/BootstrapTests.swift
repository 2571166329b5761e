import JourneysCore
import Statistics
import Testing

@Suite struct BootstrapTests {
    static func interval(_ values: [Int64], seed: UInt64 = 42) -> (low: Double, high: Double)? {
        var generator = SplitMix64(seed: seed)
        return Bootstrap.meanInterval(of: values, resamples: 2_000, generator: &generator, add: Cents.add)
    }

    /// Against a plain Python 3 reimplementation (SplitMix64, the values sorted, index =
    /// next() % n, ranks 50 and 1,950 of the 2,000 sorted resample sums): (220.0, 968.0).
    @Test func matchesAnIndependentResampling() throws {
        let found = try #require(Self.interval([990, 100, 1200, 250, 400]))
        #expect(found.low == 220 && found.high == 968)
    }

    @Test func theInputOrderDoesNotMatterButTheSeedDoes() throws {
        let values: [Int64] = [4_990, 1_250, 99, 18_000, 7_300, 2_500, 2_500, 640]
        let once = try #require(Self.interval(values))
        let reversed = try #require(Self.interval(values.reversed()))
        #expect(once == reversed)
        let other = try #require(Self.interval(values, seed: 7))
        #expect(other != once)
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        #expect(once.low < mean && mean < once.high)
        #expect(Double(values.min()!) <= once.low && once.high <= Double(values.max()!))
    }

    @Test func oneValueRepeatedHasNoSpreadAndNoValuesNoInterval() throws {
        let same = try #require(Self.interval(Array(repeating: 4_990, count: 7)))
        #expect(same.low == 4_990 && same.high == 4_990)
        #expect(Self.interval([]) == nil)
    }
}
