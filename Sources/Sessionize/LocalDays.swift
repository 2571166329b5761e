import Foundation
import JourneysCore

/// Local day numbers of Unix times in one time zone, caching the zone's offset per hour so that
/// a midnight check per event does not call into Foundation per event.
struct LocalDays {
    let zone: TimeZone
    private var cachedHour: Int64 = .min
    private var cachedOffset: Int64 = 0

    init(zone: TimeZone) { self.zone = zone }

    mutating func day(of time: Int64) -> Int {
        let hour = time >= 0 ? time / 3600 : (time - 3599) / 3600
        if hour != cachedHour {
            cachedHour = hour
            cachedOffset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour * 3600))))
        }
        let local = time + cachedOffset
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}
