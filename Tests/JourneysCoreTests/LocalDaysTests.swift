import Foundation
import JourneysCore
import Testing

/// The cached local-day computation agrees with `CivilDate.of(time:in:)` in zones with whole-hour,
/// half-hour and half-hour-DST offsets, forwards and backwards in time.
@Suite struct LocalDaysTests {
    @Test(arguments: ["Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kolkata",
                      "America/Santiago", "UTC"])
    func agreesWithCivilDate(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        var days = LocalDays(zone: zone)
        let from: Int64 = 20_454 * 86_400   // 2026-01-01T00:00Z
        var mismatches = 0
        // Every 7 minutes 30 seconds through 2026: each transition is hit within 450 s.
        for time in stride(from: from, to: from + 365 * 86_400, by: 450)
            where days.day(of: time) != CivilDate.of(time: time, in: zone).dayNumber {
            mismatches += 1
        }
        // Backwards, and around every UTC half hour.
        for time in stride(from: from + 365 * 86_400, to: from, by: -1799)
            where days.day(of: time) != CivilDate.of(time: time, in: zone).dayNumber {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }

    @Test func midnightOfAHalfHourZone() {
        // Lord Howe Island is at +10:30 on 2026-10-04 until 02:00 local; its midnight is 13:30Z on the 3rd.
        let zone = TimeZone(identifier: "Australia/Lord_Howe")!
        var days = LocalDays(zone: zone)
        let midnight: Int64 = 20_729 * 86_400 + 13 * 3600 + 1800
        #expect(days.day(of: midnight - 1) == 20_729)
        #expect(days.day(of: midnight) == 20_730)
    }
}
