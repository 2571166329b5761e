import Foundation
import JourneysCore
@testable import Sessionize

// Shared by the feature files: zones, a base time and small builders.

let berlin = TimeZone(identifier: "Europe/Berlin")!
let utc = TimeZone(identifier: "UTC")!

/// 2026-11-02T10:00:00Z (11:00 in Berlin), a Monday: 20,759 days after 1970-01-01, plus 10 h.
let t0: Int64 = 20_759 * 86_400 + 10 * 3600

/// An event of `device` at `time` requesting path number `path`.
func event(_ time: Int64, device: UInt64 = 1, path: UInt32 = 1, customer: UInt64 = 0,
           campaign: Campaign? = nil) -> Event {
    var e = Event(time: time, device: Pseudonym(raw: device), path: Symbol(raw: path))
    e.customer = Pseudonym(raw: customer)
    e.campaign = campaign
    return e
}

/// A campaign from utm parameters given as symbol numbers; `key` stands for Matomo's name and
/// keyword (extract derives it from the parameters), by default one per distinct campaign, so
/// that two campaigns made here differ under every rule unless a test says otherwise.
func utm(_ source: UInt32, _ medium: UInt32 = 1, _ name: UInt32 = 1, key: UInt64? = nil) -> Campaign {
    Campaign(source: Symbol(raw: source), medium: Symbol(raw: medium), name: Symbol(raw: name),
             nameAndKeyword: key ?? (UInt64(source) << 42 | UInt64(medium) << 21 | UInt64(name)))
}

/// `base` with some rules changed.
func rules(_ base: SessionRules = SessionRules(), _ change: (inout SessionRules) -> Void) -> SessionRules {
    var r = base
    change(&r)
    return r
}

/// Runs `events` (in the order given) through a collecting sessionizer.
func sessionize(_ events: [Event], rules: SessionRules = .ga4, zone: TimeZone = utc,
                newVisitsUntil: Int64 = .max) -> (visits: [Visit], sessionizer: Sessionizer) {
    let s = Sessionizer(rules: rules, timeZone: zone)
    s.newVisitsUntil = newVisitsUntil
    for e in events { s.add(e) }
    return (s.finish(), s)
}

extension Visit {
    /// The path numbers of the visit's pages, for short expectations.
    var pageNumbers: [UInt32] { pages.map(\.raw) }
}

