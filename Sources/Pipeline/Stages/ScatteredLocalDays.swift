import Foundation
import JourneysCore

/// Local day numbers of times that come in no particular order over years, such as a history's
/// orders read customer by customer: one `LocalDays` per UTC day of the times, so that each keeps
/// the offset of its own day and Foundation is asked about once per day seen, not once each time
/// the times jump across a daylight-saving transition.
struct ScatteredLocalDays {
    let zone: TimeZone
    private var byUTCDay: [Int64: LocalDays] = [:]

    init(zone: TimeZone) { self.zone = zone }

    /// The day of `time` in `zone`, as `LocalDays.day(of:)` gives it.
    mutating func day(of time: Int64) -> Int {
        let utcDay = time >= 0 ? time / 86_400 : (time - 86_399) / 86_400
        return byUTCDay[utcDay, default: LocalDays(zone: zone)].day(of: time)
    }
}
