import Foundation

/// Local time of the shop (Europe/Berlin) for UTC instants, with the right offset per instant.
///
/// Exists because the logs are written in the server's local time and the daylight-saving change
/// (2026-10-25 03:00 CEST -> 02:00 CET) must show up as `+0200` before and `+0100` after; offsets
/// come from Foundation's tz database once per UTC hour and are cached, timestamps are then
/// formatted by hand (no DateFormatter, no locale).
package struct ShopClock: Sendable {
    private let zone: TimeZone
    private var offsets: [Int64: Int] = [:]

    package init(identifier: String = "Europe/Berlin") {
        zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 3600)!
    }

    /// Seconds east of UTC at the instant `t` (seconds since 1970, UTC).
    /// All real offset changes happen on whole UTC hours for this zone, so one lookup per hour.
    package mutating func offset(at t: Int64) -> Int {
        let hour = t >= 0 ? t / 3600 : (t - 3599) / 3600
        if let cached = offsets[hour] { return cached }
        let value = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
        offsets[hour] = value
        return value
    }

    /// The local day number (days since 1970-01-01 in local time) of the instant `t`.
    package mutating func localDayNumber(at t: Int64) -> Int {
        let local = t + Int64(offset(at: t))
        return Int(local >= 0 ? local / 86400 : (local - 86399) / 86400)
    }

    /// The UTC instant of local midnight starting the local day `dayNumber`.
    package mutating func midnight(ofDay dayNumber: Int) -> Int64 {
        let local = Int64(dayNumber) * 86400
        var t = local - Int64(offset(at: local - 3 * 3600))
        let actual = offset(at: t)
        t = local - Int64(actual)
        return t
    }

    /// The UTC instant at which local clocks of day `dayNumber` show `secondOfDay`
    /// (for the repeated hour of the autumn change, the later one).
    package mutating func instant(day dayNumber: Int, secondOfDay: Int) -> Int64 {
        let start = midnight(ofDay: dayNumber)
        let candidate = start + Int64(secondOfDay)
        return candidate + Int64(offset(at: start) - offset(at: candidate))
    }
}
