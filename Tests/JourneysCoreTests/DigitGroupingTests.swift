import JourneysCore
import Testing

@Suite struct DigitGroupingTests {
    @Test func groupsInThreesFromTheRight() {
        let comma = DigitGrouping(separator: ",")
        #expect(comma.string(0) == "0")
        #expect(comma.string(999) == "999")
        #expect(comma.string(1000) == "1,000")
        #expect(comma.string(12_345) == "12,345")
        #expect(comma.string(123_456) == "123,456")
        #expect(comma.string(1_234_567) == "1,234,567")
        #expect(DigitGrouping(separator: ".").string(1_234_567) == "1.234.567")
    }

    @Test func negativeNumbersKeepTheSignOutsideTheGroups() {
        let comma = DigitGrouping(separator: ",")
        #expect(comma.string(-1) == "-1")
        #expect(comma.string(-100_000) == "-100,000")
        #expect(comma.string(Int.min) == "-9,223,372,036,854,775,808")
    }
}
