/// One page request (or tracking event) of a person, as extract hands it to sessionize:
/// small and fixed-size, strings replaced by `Symbol`s and people by `Pseudonym`s.
package struct Event: Sendable, Equatable {
    /// Unix time in seconds (UTC).
    package var time: Int64
    /// Who, by device: keyed hash of IP + user agent, or of a cookie / session id when the source has one.
    package var device: Pseudonym
    /// Who, by account: keyed hash of the logged-in customer id; `.none` when not logged in.
    package var customer: Pseudonym = .none
    /// The request path without query string.
    package var path: Symbol
    /// Host of an external referrer (the shop's own hosts are `.none`).
    package var referrerHost: Symbol = .none
    /// The campaign this request arrived through, if its URL carried utm parameters or a click id.
    package var campaign: Campaign? = nil
    /// A completed order, when this is an order confirmation.
    package var order: Order? = nil
    /// A survey answer, when this request submitted one.
    package var survey: SurveyAnswer? = nil
    package var deviceClass: DeviceClass = .desktop
    /// The site-search term this page view carried (`extract.searchParameter`), normalised.
    package var searchTerm: Symbol = .none
    /// Handling time in seconds a support export logged with this event; -1 when none.
    package var handlingSeconds: Int32 = -1

    package init(time: Int64, device: Pseudonym, path: Symbol) {
        self.time = time
        self.device = device
        self.path = path
    }
}

/// utm parameters and click ids of a landing URL; a change of campaign starts a new visit.
///
/// Values a visit keeps for the report are symbols; what the session rules only compare is kept as
/// 64-bit fingerprints (FNV-1a of the decoded bytes): every ad click carries a click id value of
/// its own, and interning each would grow the run's strings with every click.
package struct Campaign: Sendable, Hashable {
    package var source: Symbol = .none
    package var medium: Symbol = .none
    package var name: Symbol = .none
    package var clickID: ClickID? = nil
    /// Fingerprint of the click id's value (a second ad click has another one); 0 when none.
    package var clickValue: UInt64 = 0
    /// Fingerprint of `utm_term` and `utm_content`; 0 when neither is given.
    package var termAndContent: UInt64 = 0
    /// Fingerprint of the campaign as Matomo compares it: its name (the first of `utm_campaign`,
    /// `utm_source`, `utm_medium` given) and keyword (`utm_term`), lower-cased; 0 when there is
    /// neither (a click id alone is no Matomo campaign).
    package var nameAndKeyword: UInt64 = 0
    package init(source: Symbol = .none, medium: Symbol = .none, name: Symbol = .none, clickID: ClickID? = nil,
                 clickValue: UInt64 = 0, termAndContent: UInt64 = 0, nameAndKeyword: UInt64 = 0) {
        self.source = source; self.medium = medium; self.name = name; self.clickID = clickID
        self.clickValue = clickValue; self.termAndContent = termAndContent; self.nameAndKeyword = nameAndKeyword
    }

    /// The fields that decide the channel (source, medium, name and the kind of click id), the
    /// fingerprints cleared: landings that differ only in those share one channel decision.
    package var channelKey: Campaign { Campaign(source: source, medium: medium, name: name, clickID: clickID) }

    /// FNV-1a, 64 bits: stable across runs and machines, so the same log splits the same way.
    package static func fingerprint(_ bytes: some Sequence<UInt8>, into hash: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = hash
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The fingerprint of several values in order; a 0xFF byte (never in UTF-8) between them,
    /// so that ("ab", "c") and ("a", "bc") differ. Never 0, so 0 can mean "none".
    package static func fingerprint(_ values: [String]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in values { h = fingerprint(v.utf8, into: h); h = fingerprint(CollectionOfOne(0xFF), into: h) }
        return h == 0 ? 1 : h
    }
}

/// Ad platforms' click ids; each implies a paid channel.
package enum ClickID: String, Sendable, Hashable, CaseIterable {
    case gclid, msclkid, fbclid, ttclid
}

/// An order seen on the confirmation page, or one row of a purchase in an export.
package struct Order: Sendable, Equatable {
    package var id: Symbol
    /// Order value in cents, so sums are exact; never negative, 0 when the order has no value.
    package var valueCents: Int64
    /// Whether this is one line item of the order (an export's purchase row): the line items of
    /// an order add up within its visit. Otherwise it is the whole order, and a repeat (a
    /// reloaded confirmation page) adds nothing.
    package var isLineItem: Bool
    /// False for an order whose value is missing or unreadable (for line items: any of them):
    /// it counts as an order, but not in the average order value.
    package var hasValue: Bool
    /// True for a line item whose own value is above the order value bound (noted by extract):
    /// it rejects its whole order, as a total above the bound would (`Sessionizer`).
    package var isRejected: Bool = false
    package init(id: Symbol, valueCents: Int64, isLineItem: Bool = false, hasValue: Bool = true, isRejected: Bool = false) {
        self.id = id; self.valueCents = valueCents; self.isLineItem = isLineItem; self.hasValue = hasValue
        self.isRejected = isRejected
    }
}

/// One answer of a satisfaction survey.
package struct SurveyAnswer: Sendable, Equatable {
    package enum Kind: String, Sendable, Codable, CaseIterable {
        case nps, csat, ces

        /// The answers the survey offers: NPS 0-10, CSAT 1-5 (5 = very satisfied), CES 1 to
        /// `cesPoints` (the top answer = very easy; 5 by default, `surveys.ces_scale`).
        package func scale(cesPoints: Int = 5) -> ClosedRange<Int> {
            switch self {
            case .nps: 0...10
            case .csat: 1...5
            case .ces: 1...cesPoints
            }
        }
    }
    package var kind: Kind
    package var score: Int
    /// Index of the page view that carried the answer in its visit (set by sessionize), so that
    /// score can tell what the person went through before answering.
    package var page: Int32 = 0
    package init(kind: Kind, score: Int, page: Int32 = 0) { self.kind = kind; self.score = score; self.page = page }
}

/// Device class from the user agent; a segment of the report.
package enum DeviceClass: String, Sendable, Codable, CaseIterable {
    case desktop, mobile, tablet
}
