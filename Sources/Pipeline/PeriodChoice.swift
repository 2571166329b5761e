import Foundation
import JourneysCore

/// Picks the report's period when none is asked for: the last complete ISO week in the input,
/// else the latest (partial) week. A week is complete when the input covers its first and last hour.
enum PeriodChoice {
    static func choose(earliest: Int64, latest: Int64, zone: TimeZone) -> Period {
        let lastWeek = Period.isoWeek(containing: CivilDate.of(time: latest, in: zone))
        if covers(lastWeek, earliest: earliest, latest: latest, zone: zone) { return lastWeek }
        let before = lastWeek.previous
        if covers(before, earliest: earliest, latest: latest, zone: zone) { return before }
        var partial = lastWeek
        partial.isPartial = true
        return partial
    }

    static func covers(_ p: Period, earliest: Int64, latest: Int64, zone: TimeZone) -> Bool {
        earliest <= p.startTime(in: zone) + 3600 && latest >= p.endTime(in: zone) - 3600
    }
}
