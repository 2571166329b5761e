import CLVModels
import Testing

@Suite struct CivilDayTests {
    /// Day numbers from Python's `(date(y, m, d) - date(1970, 1, 1)).days`.
    @Test func matchesPythonsDates() {
        let reference: [(Int, Int, Int, Int)] = [
            (1970, 1, 1, 0), (1969, 12, 31, -1), (1997, 1, 1, 9862), (1997, 9, 30, 10134),
            (2000, 2, 29, 11016), (1600, 3, 1, -135080), (2026, 11, 23, 20780),
        ]
        for (y, m, d, expected) in reference {
            #expect(CivilDay.number(year: y, month: m, day: d) == expected, "\(y)-\(m)-\(d)")
        }
    }

    @Test func consecutiveDaysAcrossYearsAreConsecutiveNumbers() {
        var previous = CivilDay.number(year: 1899, month: 12, day: 31)!
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...31 {
                    guard let n = CivilDay.number(year: year, month: month, day: day) else { continue }
                    #expect(n == previous + 1, "\(year)-\(month)-\(day)")
                    previous = n
                }
            }
        }
        #expect(previous == CivilDay.number(year: 2100, month: 12, day: 31))
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(CivilDay.number(year: 1997, month: 2, day: 29) == nil)
        #expect(CivilDay.number(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDay.number(year: 1997, month: 4, day: 31) == nil)
        #expect(CivilDay.number(year: 1997, month: 13, day: 1) == nil)
        #expect(CivilDay.number(year: 1997, month: 1, day: 0) == nil)
        #expect(CivilDay.number(yyyymmdd: "19970229") == nil)
        #expect(CivilDay.number(yyyymmdd: "1997093") == nil)
        #expect(CivilDay.number(yyyymmdd: "+1997093") == nil)
        #expect(CivilDay.number(yyyymmdd: "19970930") == 10134)
    }
}
