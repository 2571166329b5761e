/// The rules that cut a person's requests into visits. Teams compare our numbers with the tool
/// they used before, so the presets reproduce those tools' rules.
package struct SessionRules: Sendable, Equatable, Codable {
    /// Inactivity after which a visit ends, in seconds.
    package var timeout: Int64 = 30 * 60
    /// A request with other utm parameters or a click id than the visit's starts a new visit.
    package var newVisitOnCampaignChange: Bool = true
    /// A visit ends at local midnight of the pipeline's time zone.
    package var splitAtMidnight: Bool = false
    /// Longest visit; longer ones are cut (and counted).
    package var maxVisitLength: Int64 = 24 * 60 * 60
    /// How far back in time an event may arrive and still be placed correctly (merged server logs).
    package var outOfOrderTolerance: Int64 = 5 * 60
    /// Name of the preset the rules came from, or "custom".
    package var preset: String = "matomo"

    package init() {}

    package static let presetNames = ["matomo", "ga4", "awstats"]

    /// Matomo: 30 minutes, new visit on campaign change, split at midnight.
    package static var matomo: SessionRules {
        var r = SessionRules()
        r.splitAtMidnight = true
        r.preset = "matomo"
        return r
    }

    /// GA4: 30 minutes, no campaign or midnight split.
    package static var ga4: SessionRules {
        var r = SessionRules()
        r.newVisitOnCampaignChange = false
        r.preset = "ga4"
        return r
    }

    /// AWStats: 60 minutes; its visitor is the host, which identity: `host` gives.
    package static var awstats: SessionRules {
        var r = SessionRules()
        r.timeout = 60 * 60
        r.newVisitOnCampaignChange = false
        r.preset = "awstats"
        return r
    }

    package static func preset(named name: String) -> SessionRules? {
        switch name {
        case "matomo": .matomo
        case "ga4": .ga4
        case "awstats": .awstats
        default: nil
        }
    }

    /// One line for the report's footer.
    package var summary: String {
        var parts = ["timeout \(timeout / 60) min"]
        parts.append(newVisitOnCampaignChange ? "new visit on campaign change" : "no campaign split")
        parts.append(splitAtMidnight ? "split at midnight" : "no midnight split")
        parts.append("max visit \(maxVisitLength / 3600) h")
        parts.append("out-of-order tolerance \(outOfOrderTolerance / 60) min")
        return "\(preset): " + parts.joined(separator: ", ")
    }
}
