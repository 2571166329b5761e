import Foundation

/// Local day numbers (days since 1970-01-01 in the zone's calendar) of Unix times in one time zone.
/// It caches the zone's UTC offset together with the stretch of time it holds for (up to the zone's
/// next daylight-saving transition), so a midnight check per event calls into Foundation about
/// twice a year of log time, and stays exact for zones whose transitions are not on a whole hour
/// (America/St_Johns, Australia/Lord_Howe).
package struct LocalDays: Sendable {
    package let zone: TimeZone
    /// The cached offset holds for `validFrom ..< validUntil`.
    private var validFrom: Int64 = .max
    private var validUntil: Int64 = .min
    private var offset: Int64 = 0

    package init(zone: TimeZone) { self.zone = zone }

    package mutating func day(of time: Int64) -> Int {
        if time < validFrom || time >= validUntil {
            let date = Date(timeIntervalSince1970: Double(time))
            offset = Int64(zone.secondsFromGMT(for: date))
            validFrom = time
            if let next = zone.nextDaylightSavingTimeTransition(after: date) {
                let t = next.timeIntervalSince1970
                // Transitions are on whole seconds; guard against a transition that is not after `time`.
                validUntil = t > Double(time) ? Int64(t.rounded(.up)) : time + 1
            } else {
                validUntil = .max
            }
        }
        let local = time + offset
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}
