import Foundation

/// Local day numbers (days since 1970-01-01 in the zone's calendar) of Unix times in one time zone.
/// It caches the zone's UTC offset together with the stretch of time it holds for (from the zone's
/// last daylight-saving transition to its next), so a midnight check per event calls into
/// Foundation about twice a year of log time, in whatever order the times come, and stays exact
/// for zones whose transitions are not on a whole hour (America/St_Johns, Australia/Lord_Howe).
///
/// The one place that turns an instant into a local day: sessionize's midnight rule, the period's
/// dates and the demo shop's log timestamps all count days through it.
package struct LocalDays: Sendable {
    package let zone: TimeZone
    /// The cached offset holds for `validFrom ..< validUntil`.
    private var validFrom: Int64 = .max
    private var validUntil: Int64 = .min
    private var offset: Int64 = 0

    package init(zone: TimeZone) { self.zone = zone }

    /// Seconds east of UTC at `time`.
    package mutating func offset(at time: Int64) -> Int {
        if time < validFrom || time >= validUntil { refresh(at: time) }
        return Int(offset)
    }

    package mutating func day(of time: Int64) -> Int {
        Self.day(ofLocal: time + Int64(offset(at: time)))
    }

    /// The local day of `time` with one lookup and no cache, for a single instant.
    package static func day(of time: Int64, in zone: TimeZone) -> Int {
        day(ofLocal: time + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time)))))
    }

    /// The day number of a local time in seconds since 1970-01-01T00:00 local: whole days,
    /// rounded down also before 1970.
    package static func day(ofLocal seconds: Int64) -> Int {
        Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    private mutating func refresh(at time: Int64) {
        let date = Date(timeIntervalSince1970: Double(time))
        offset = Int64(zone.secondsFromGMT(for: date))
        if let next = zone.nextDaylightSavingTimeTransition(after: date) {
            let t = next.timeIntervalSince1970
            // Transitions are on whole seconds; guard against a transition that is not after `time`.
            validUntil = t > Double(time) ? Int64(t.rounded(.up)) : time + 1
        } else {
            validUntil = .max
        }
        // Foundation only looks forward: find the last transition at or before `time` by walking
        // from a year back. Without one in that year the offset held all year.
        var from = time - 366 * 86_400
        validFrom = from
        while let previous = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: Double(from))) {
            let t = previous.timeIntervalSince1970
            guard t <= Double(time), t > Double(from) else { break }
            validFrom = Int64(t.rounded(.up))
            from = Int64(t.rounded(.up))
        }
    }
}

/// Local days in a partial file: the zone's identifier (the cache is made again).
extension LocalDays: Codable {
    package init(from decoder: Decoder) throws {
        let id = try decoder.singleValueContainer().decode(String.self)
        guard let zone = TimeZone(identifier: id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown time zone \(id)"))
        }
        self.init(zone: zone)
    }
    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(zone.identifier)
    }
}
