import Compare
import Testing

@Suite struct RoundedPartsTests {
    @Test func partsAddUpToTheRoundedTotal() {
        // Each rounded alone, 0.26 + 0.26 = 0.52 would print as 0.3 + 0.3 = 0.5.
        let r = RoundedParts([0.26, 0.26], total: 0.52, decimals: 1)
        #expect(r.totalUnits == 5)
        #expect(r.partUnits == [3, 2])  // equal remainders: the earlier part gets the unit
        #expect(r.parts == [0.3, 0.2] && r.total == 0.5)
    }

    @Test func theLargestRemainderGetsTheUnit() {
        // 1.04 + 2.08 + 3.03 = 6.15 -> 6.2 (a half, away from zero): floors 1.0 + 2.0 + 3.0 = 6.0,
        // two tenths to place: to 2.08 (remainder 0.8), then 1.04 (0.4).
        let r = RoundedParts([1.04, 2.08, 3.03], total: 6.15, decimals: 1)
        #expect(r.totalUnits == 62)
        #expect(r.partUnits == [11, 21, 30])
    }

    @Test func negativePartsRoundTheSameWay() {
        // The shift-share example in percentage points: +1.6 = +1.7 mix - 0.1 rate, and parts of
        // opposite signs that print without a missing tenth.
        #expect(RoundedParts([1.7, -0.1], total: 1.6, decimals: 1).partUnits == [17, -1])
        // -0.35 - 0.35 = -0.7: floors -0.4 + -0.4 = -0.8, one tenth back to the first.
        let r = RoundedParts([-0.35, -0.35], total: -0.7, decimals: 1)
        #expect(r.totalUnits == -7 && r.partUnits == [-3, -4])
        // A total of -0.05 rounds away from zero, to -0.1.
        #expect(RoundedParts([-0.05], total: -0.05, decimals: 1).partUnits == [-1])
    }

    @Test func binaryNoiseDoesNotDecide() {
        // 0.1 + 0.2 is 0.30000000000000004 and 1.65 is stored as 1.6499999999999999: both are taken
        // as the decimals they were meant to be.
        #expect(RoundedParts([0.1 + 0.2, 1.65], total: 1.95, decimals: 1).partUnits == [3, 17])
        #expect(RoundedParts([0.1 + 0.2], total: 0.1 + 0.2, decimals: 0).partUnits == [0])
        let pp = RoundedParts([0.017 * 100, -0.001 * 100], total: (0.096 - 0.08) * 100, decimals: 1)
        #expect(pp.totalUnits == 16 && pp.partUnits == [17, -1])
    }

    @Test func wholeNumbersAndMoreDecimals() {
        #expect(RoundedParts([33.3, 33.3, 33.4], total: 100, decimals: 0).partUnits == [33, 33, 34])
        #expect(RoundedParts([1 / 3, 1 / 3, 1 / 3], total: 1, decimals: 2).partUnits == [34, 33, 33])
        #expect(RoundedParts([], total: 0, decimals: 1) == RoundedParts([], total: 0, decimals: 1))
        #expect(RoundedParts([], total: 0.04, decimals: 1).totalUnits == 0)
    }
}
