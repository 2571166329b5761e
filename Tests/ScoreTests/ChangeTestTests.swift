import Score
import Testing

@Suite struct ChangeTestTests {
    @Test func proportionsZMatchesTheTwoProportionTest() throws {
        // 60/1000 vs 40/1000: pooled p = 0.05, se = sqrt(0.05 * 0.95 * 0.002) = 0.0097468, z = 0.02 / se = 2.0520
        let z = try #require(ChangeTest.z(.proportion(60, 1000), .proportion(40, 1000)))
        #expect(abs(z - 2.0520) < 0.0001)
        let small = try #require(ChangeTest.z(.proportion(6, 100), .proportion(4, 100)))
        #expect(abs(small) < 1.96)
    }

    @Test func countsUseThePoissonTest() throws {
        // 199 vs 162 orders: z = 37 / sqrt(361) = 1.9474, just within noise
        let z = try #require(ChangeTest.z(.count(199), .count(162)))
        #expect(abs(z - 37.0 / 19.0) < 1e-12)
        #expect(ChangeTest.z(.count(0), .count(0)) == nil)
        #expect(ChangeTest.z(.proportion(1, 0), .proportion(1, 2)) == nil)
    }
}
