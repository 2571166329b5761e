import Foundation
import JourneysCore

/// Local time of the shop (Europe/Berlin) for UTC instants, with the right offset per instant.
///
/// Exists because the logs are written in the server's local time and the daylight-saving change
/// (2026-10-25 03:00 CEST -> 02:00 CET) must show up as `+0200` before and `+0100` after. Offsets
/// and local days come from the pipeline's own `LocalDays` (cached between transitions), midnights
/// from `CivilDate`, so the shop and the report count the same days; timestamps are then formatted
/// by hand (no DateFormatter, no locale).
package struct ShopClock: Sendable {
    private let zone: TimeZone
    private var days: LocalDays

    package init(identifier: String = "Europe/Berlin") {
        zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 3600)!
        days = LocalDays(zone: zone)
    }

    /// Seconds east of UTC at the instant `t` (seconds since 1970, UTC).
    package mutating func offset(at t: Int64) -> Int { days.offset(at: t) }

    /// The local day number (days since 1970-01-01 in local time) of the instant `t`.
    package mutating func localDayNumber(at t: Int64) -> Int { days.day(of: t) }

    /// The UTC instant of local midnight starting the local day `dayNumber`.
    package func midnight(ofDay dayNumber: Int) -> Int64 {
        CivilDate(dayNumber: dayNumber).startTime(in: zone)
    }

    /// The UTC instant at which local clocks of day `dayNumber` show `secondOfDay`
    /// (for the repeated hour of the autumn change, the later one).
    package mutating func instant(day dayNumber: Int, secondOfDay: Int) -> Int64 {
        let start = midnight(ofDay: dayNumber)
        let candidate = start + Int64(secondOfDay)
        return candidate + Int64(offset(at: start) - offset(at: candidate))
    }
}
