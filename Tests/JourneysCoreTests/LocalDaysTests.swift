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

    @Test(arguments: ["Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "America/Santiago"])
    func agreesWithFoundationInAnyOrder(zoneName: String) throws {
        // Times in shuffled order, as the demo shop asks for them: the cached stretch reaches back
        // to the last transition, so going back in time must stay exact too.
        let zone = try #require(TimeZone(identifier: zoneName))
        var days = LocalDays(zone: zone)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let from: Int64 = 20_454 * 86_400   // 2026-01-01T00:00Z
        var mismatches = 0
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let time = from + Int64(state >> 33) % (2 * 365 * 86_400)
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time)))
            let local = time + Int64(offset)
            let expected = Int((local - (local % 86_400 + 86_400) % 86_400) / 86_400)
            if days.offset(at: time) != offset || days.day(of: time) != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func offsetChangesAtTheTransitionSecond() {
        // Berlin: 2026-10-25T01:00Z clocks go back from +02:00 to +01:00; 2026-03-29T01:00Z forward.
        var days = LocalDays(zone: TimeZone(identifier: "Europe/Berlin")!)
        let autumn: Int64 = 20_751 * 86_400 + 3600
        let spring: Int64 = 20_541 * 86_400 + 3600
        #expect(days.offset(at: autumn) == 3600)
        #expect(days.offset(at: autumn - 1) == 7200)
        #expect(days.offset(at: spring) == 7200)
        #expect(days.offset(at: spring - 1) == 3600)
        #expect(days.offset(at: autumn + 1) == 3600)
    }

    @Test func localSecondsRoundDownToWholeDays() {
        #expect(LocalDays.day(ofLocal: 0) == 0)
        #expect(LocalDays.day(ofLocal: 86_399) == 0)
        #expect(LocalDays.day(ofLocal: 86_400) == 1)
        #expect(LocalDays.day(ofLocal: -1) == -1)
        #expect(LocalDays.day(ofLocal: -86_400) == -1)
        #expect(LocalDays.day(ofLocal: -86_401) == -2)
        #expect(LocalDays.day(of: -1, in: TimeZone(identifier: "UTC")!) == -1)
    }
}
