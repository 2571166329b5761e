import JourneysCore

/// The rules that cut a person's requests into visits. Teams compare our numbers with the tool
/// they used before, so the presets reproduce those tools' rules.
///
/// Edges, all "at or over the limit cuts": requests `timeout - 1` seconds apart stay in one visit,
/// `timeout` apart start a new one; a request `maxVisitLength` or more after the visit's first
/// request starts a new visit (and counts as a cut); an event more than `outOfOrderTolerance`
/// seconds older than the newest event before it is late (counted, left out).
package struct SessionRules: Sendable, Equatable, Codable {
    /// Inactivity after which a visit ends, in seconds.
    package var timeout: Int64 = 30 * 60
    /// Which change of campaign starts a new visit (`CampaignChange`).
    package var campaignChange: CampaignChange = .anyParameter
    /// Whether a change of campaign starts a new visit at all. Setting it on keeps the way of
    /// comparing campaigns a preset chose (Matomo's name and keyword), else compares every parameter.
    package var newVisitOnCampaignChange: Bool {
        get { campaignChange != .off }
        set { if !newValue { campaignChange = .off } else if campaignChange == .off { campaignChange = .anyParameter } }
    }
    /// A visit ends at local midnight of the pipeline's time zone.
    package var splitAtMidnight: Bool = false
    /// Longest visit; longer ones are cut (and counted).
    package var maxVisitLength: Int64 = 24 * 60 * 60
    /// How far back in time an event may arrive and still be placed correctly (merged server logs).
    package var outOfOrderTolerance: Int64 = 5 * 60
    /// How extract tells visitors apart; sessionize itself only sees `Event.device` and
    /// `Event.customer`, so this field is an instruction to extract (see `Identity`).
    package var identity: Identity = .standard
    /// Name of the preset the rules came from, or "custom".
    package var preset: String = "matomo"

    /// Who a visitor is, as extract should compute `Event.device`.
    package enum Identity: String, Sendable, Equatable, Codable, CaseIterable {
        /// The industry order: a logged-in customer id (`Event.customer`), else a first-party cookie or
        /// session id, else a keyed hash of IP + user agent (`Event.device`).
        case standard
        /// AWStats: the visitor is the host. `Event.device` is a keyed hash of the IP address alone
        /// (no user agent, no cookie); customer ids still stitch journeys.
        case hostOnly = "host_only"
    }

    /// What makes a request's campaign another one than its visit's landing campaign. A request
    /// without utm parameters or a click id never starts a new visit by its campaign.
    package enum CampaignChange: String, Sendable, Equatable, Codable, CaseIterable {
        /// Campaigns never split visits (GA4, AWStats).
        case off = "false"
        /// Any utm parameter (source, medium, campaign, term, content), the kind of click id or
        /// its value differs: a second ad click, with a click id value of its own, is a new visit.
        case anyParameter = "true"
        /// Matomo: the campaign name (`utm_campaign`, else `utm_source`, else `utm_medium`) or
        /// keyword (`utm_term`) differs, compared lower-cased; a click id alone is no campaign. A
        /// visit that began as a direct entry (no Matomo campaign, no external referrer) is not
        /// split: it takes the campaign over (`takesOver`), as Matomo updates its referrer.
        case nameOrKeyword = "name_or_keyword"

        /// Whether `new` starts a new visit whose landing campaign is `landing` and whose
        /// external referrer host is `referrer`.
        @inline(__always)
        package func isNew(_ new: Campaign, landing: Campaign?, referrer: Symbol) -> Bool {
            switch self {
            case .off: false
            case .anyParameter: new != landing
            case .nameOrKeyword: new.nameAndKeyword != 0 && new.nameAndKeyword != (landing?.nameAndKeyword ?? 0)
                && !Self.isDirectEntry(landing, referrer: referrer)
            }
        }

        /// Whether a visit that continues with `new` takes it over as its campaign: under Matomo's
        /// rule, a direct entry's visit takes the first campaign that arrives in it.
        @inline(__always)
        package func takesOver(_ new: Campaign, landing: Campaign?, referrer: Symbol) -> Bool {
            self == .nameOrKeyword && new.nameAndKeyword != 0 && Self.isDirectEntry(landing, referrer: referrer)
        }

        /// Matomo's "direct entry": no campaign it sees and no external referrer.
        @inline(__always)
        static func isDirectEntry(_ landing: Campaign?, referrer: Symbol) -> Bool {
            (landing?.nameAndKeyword ?? 0) == 0 && referrer.isNone
        }
    }

    package init() {}

    package static let presetNames = ["matomo", "ga4", "awstats"]

    /// Matomo: 30 minutes, new visit when the campaign name or keyword changes ("create new visit
    /// when campaign changes", on by default), split at midnight.
    package static var matomo: SessionRules {
        var r = SessionRules()
        r.campaignChange = .nameOrKeyword
        r.splitAtMidnight = true
        r.preset = "matomo"
        return r
    }

    /// GA4: 30 minutes, no campaign or midnight split (unlike Universal Analytics, a new campaign
    /// does not start a new session in GA4).
    package static var ga4: SessionRules {
        var r = SessionRules()
        r.newVisitOnCampaignChange = false
        r.preset = "ga4"
        return r
    }

    /// AWStats: 60 minutes, no campaign or midnight split; its visitor is the host (`Identity.hostOnly`).
    package static var awstats: SessionRules {
        var r = SessionRules()
        r.timeout = 60 * 60
        r.newVisitOnCampaignChange = false
        r.identity = .hostOnly
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
        switch campaignChange {
        case .off: parts.append("no campaign split")
        case .anyParameter: parts.append("new visit on campaign change")
        case .nameOrKeyword: parts.append("new visit on campaign name or keyword change")
        }
        parts.append(splitAtMidnight ? "split at midnight" : "no midnight split")
        parts.append("max visit \(maxVisitLength / 3600) h")
        parts.append("out-of-order tolerance \(outOfOrderTolerance / 60) min")
        if identity == .hostOnly { parts.append("visitor = host") }
        return "\(preset): " + parts.joined(separator: ", ")
    }
}
