import JourneysCore
import Testing

@Suite struct CivilDateTests {
    /// Day numbers from Python's `(date(y, m, d) - date(1970, 1, 1)).days`.
    @Test func matchesPythonsDates() {
        let reference: [(Int, Int, Int, Int)] = [
            (1970, 1, 1, 0), (1969, 12, 31, -1), (1997, 1, 1, 9862), (1997, 9, 30, 10134),
            (2000, 2, 29, 11016), (1600, 3, 1, -135080), (2026, 11, 23, 20780),
        ]
        for (y, m, d, expected) in reference {
            #expect(CivilDate(year: y, month: m, day: d).dayNumber == expected, "\(y)-\(m)-\(d)")
            #expect(CivilDate(dayNumber: expected) == CivilDate(year: y, month: m, day: d), "\(expected)")
        }
    }

    @Test func consecutiveDaysAcrossYearsAreConsecutiveNumbers() {
        var previous = CivilDate(year: 1899, month: 12, day: 31).dayNumber
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...31 where CivilDate.isValid(year: year, month: month, day: day) {
                    let n = CivilDate(year: year, month: month, day: day).dayNumber
                    #expect(n == previous + 1, "\(year)-\(month)-\(day)")
                    previous = n
                }
            }
        }
        #expect(previous == CivilDate(year: 2100, month: 12, day: 31).dayNumber)
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(!CivilDate.isValid(year: 1997, month: 2, day: 29))
        #expect(!CivilDate.isValid(year: 1900, month: 2, day: 29))
        #expect(CivilDate.isValid(year: 2000, month: 2, day: 29))
        #expect(!CivilDate.isValid(year: 1997, month: 4, day: 31))
        #expect(!CivilDate.isValid(year: 1997, month: 13, day: 1))
        #expect(!CivilDate.isValid(year: 1997, month: 1, day: 0))
        #expect(CivilDate(compact: "19970229") == nil)
        #expect(CivilDate(compact: "1997093") == nil)
        #expect(CivilDate(compact: "+1997093") == nil)
        #expect(CivilDate(compact: "19970930")?.dayNumber == 10134)
        #expect(CivilDate(compact: CivilDate(year: 2026, month: 11, day: 16).compactString) == CivilDate(year: 2026, month: 11, day: 16))
    }
}
