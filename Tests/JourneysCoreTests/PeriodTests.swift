import JourneysCore
import Foundation
import Testing

@Suite struct PeriodTests {
    @Test func isoWeekParsesToMondayThroughSunday() throws {
        let p = try #require(Period(parsing: "2026-W47"))
        #expect(p.first == CivilDate(year: 2026, month: 11, day: 16))
        #expect(p.last == CivilDate(year: 2026, month: 11, day: 22))
        #expect(p.description == "2026-W47")
        #expect(p.previous.description == "2026-W46")
    }

    @Test func isoWeekOneCanStartInThePreviousYear() throws {
        // 2026-01-01 is a Thursday, so ISO week 1 of 2026 starts on Monday 2025-12-29.
        let p = try #require(Period(parsing: "2026-W01"))
        #expect(p.first == CivilDate(year: 2025, month: 12, day: 29))
        #expect(CivilDate(year: 2027, month: 1, day: 1).isoWeek == (2026, 53))
        #expect(Period.weeksIn(isoYear: 2026) == 53)
        #expect(Period(parsing: "2025-W53") == nil)
    }

    @Test func monthAndRange() throws {
        let m = try #require(Period(parsing: "2026-02"))
        #expect(m.first == CivilDate(year: 2026, month: 2, day: 1))
        #expect(m.last == CivilDate(year: 2026, month: 2, day: 28))
        #expect(m.previous.description == "2026-01")
        let r = try #require(Period(parsing: "2026-11-02..2026-11-15"))
        #expect(r.days == 14)
        #expect(r.previous.first == CivilDate(year: 2026, month: 10, day: 19))
        #expect(r.previous.last == CivilDate(year: 2026, month: 11, day: 1))
    }

    @Test func rejectsWhatIsNotAPeriod() {
        for text in ["2026-W54", "2026-13", "2026-11-15..2026-11-02", "W47", "2026-11-31..2026-12-01", ""] {
            #expect(Period(parsing: text) == nil, "\(text)")
        }
    }

    @Test func localMidnightFollowsDaylightSaving() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // 2026-10-25 00:00 CEST = 2026-10-24 22:00 UTC; 2026-10-26 00:00 CET = 2026-10-25 23:00 UTC:
        // that day has 25 hours.
        #expect(CivilDate(year: 2026, month: 10, day: 25).startTime(in: berlin) == 1_792_879_200)
        #expect(CivilDate(year: 2026, month: 10, day: 26).startTime(in: berlin) == 1_792_969_200)
        #expect(CivilDate.of(time: 1_792_969_199, in: berlin) == CivilDate(year: 2026, month: 10, day: 25))
        #expect(CivilDate.of(time: 1_792_969_200, in: berlin) == CivilDate(year: 2026, month: 10, day: 26))
    }

    @Test func aDayWhoseMidnightDaylightSavingSkipsStartsAfterTheGap() throws {
        // Chile moves clocks from 00:00 to 01:00 on 2026-09-06: that day starts at 01:00 -03:00.
        let santiago = try #require(TimeZone(identifier: "America/Santiago"))
        #expect(CivilDate(year: 2026, month: 9, day: 5).startTime(in: santiago) == 1_788_580_800)
        #expect(CivilDate(year: 2026, month: 9, day: 6).startTime(in: santiago) == 1_788_667_200)
        #expect(CivilDate(year: 2026, month: 9, day: 7).startTime(in: santiago) == 1_788_750_000)
    }

    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CivilDate(year: 2026, month: 11, day: 22).isoWeekday == 7)
    }
}
