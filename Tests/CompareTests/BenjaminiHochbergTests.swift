@testable import Compare
import Testing

/// The step-up procedure on hand-worked families (q = 0.05; the k-th smallest p-value of m is
/// held to k × 0.05 / m).
@Suite struct BenjaminiHochbergTests {
    /// m = 10, bounds 0.005, 0.010, 0.015, ...: 0.001 and 0.008 pass, 0.039 > 0.015 and no later
    /// p-value is under its bound (0.042 > 0.025, 0.06 > 0.03, 0.216 > 0.05).
    @Test func onlyThePValuesUnderTheirRankedBound() {
        let p = [0.042, 0.001, 0.216, 0.008, 0.039, 0.06, 0.074, 0.205, 0.212, 0.041]
        #expect(BenjaminiHochberg.discoveries(p, q: 0.05) == [1, 3])
    }

    /// Step-up: m = 4, bounds 0.0125, 0.025, 0.0375, 0.05. The smallest, 0.02, is above its own
    /// bound, but the third, 0.022 <= 0.0375, qualifies and takes the two below it along.
    @Test func aLaterPassTakesTheSmallerPValuesAlong() {
        #expect(BenjaminiHochberg.discoveries([0.5, 0.022, 0.02, 0.021], q: 0.05) == [1, 2, 3])
        #expect(BenjaminiHochberg.discoveries([0.01, 0.02, 0.03, 0.04], q: 0.05) == [0, 1, 2, 3])
    }

    /// One test at 0.04 is news alone, not among 20 others that are noise.
    @Test func theFamilySizeRaisesTheBar() {
        #expect(BenjaminiHochberg.discoveries([0.04], q: 0.05) == [0])
        #expect(BenjaminiHochberg.discoveries([0.04] + Array(repeating: 0.6, count: 20), q: 0.05).isEmpty)
    }

    @Test func nothingFromNothingAndNaNNeverPasses() {
        #expect(BenjaminiHochberg.discoveries([], q: 0.05).isEmpty)
        #expect(BenjaminiHochberg.discoveries([.nan, 0.001], q: 0.05) == [1])
        #expect(BenjaminiHochberg.discoveries([0.001, 0.002], q: 0) .isEmpty)
    }
}
