/// One visit (session): a person's requests with no gap over the session timeout, as sessionize
/// closes it. Holds paths, not touchpoints: mapping is the next stage's job.
package struct Visit: Sendable, Equatable {
    package var device: Pseudonym
    /// The customer id seen in any request of the visit, else `.none`.
    package var customer: Pseudonym = .none
    package var start: Int64
    package var end: Int64
    /// Page views in order.
    package var pages: [Symbol] = []
    /// External referrer host of the landing request.
    package var referrerHost: Symbol = .none
    /// Campaign of the landing request (under Matomo's rule, a direct entry's visit takes the
    /// first campaign that arrives in it, see `SessionRules.CampaignChange.nameOrKeyword`).
    package var campaign: Campaign? = nil
    /// Orders first seen in this visit: sessionize counts an order id once, in its first visit.
    package var orders: [Order] = []
    package var surveys: [SurveyAnswer] = []
    /// Seconds from `start` to each page view, one per entry of `pages`.
    package var pageTimes: [Int32] = []
    /// Site-search terms, by the page view that carried them.
    package var searchTerms: [PageMark<Symbol>] = []
    /// Handling times (seconds) that an export logged with a page view.
    package var handlingTimes: [PageMark<Int32>] = []
    package var deviceClass: DeviceClass = .desktop
    /// True when the maximum visit length cut this visit.
    package var wasCut: Bool = false

    package init(device: Pseudonym, start: Int64) {
        self.device = device
        self.start = start
        self.end = start
    }

    package var duration: Int64 { end - start }
    /// The time of page view `i`: from its offset, or the visit's start for a visit built
    /// without offsets.
    package func time(ofPage i: Int) -> Int64 { i < pageTimes.count ? start + Int64(pageTimes[i]) : start }
    /// A visit with a single interaction (the bounce of docs/definitions.md "Key figures (KPIs)").
    package var isBounce: Bool { pages.count == 1 }
    /// The orders' values added up in cents (saturating, see `Cents.add`).
    package var revenueCents: Int64 { orders.reduce(0) { Cents.add($0, $1.valueCents) } }
    /// Orders with a value, the denominator of an average order value.
    package var valuedOrders: Int { orders.reduce(0) { $0 + ($1.hasValue ? 1 : 0) } }
}

/// A value carried by one page view of a visit: the page's index in `Visit.pages` and the value.
/// Kept apart from the pages because few page views carry one.
package struct PageMark<Value: Sendable & Equatable>: Sendable, Equatable {
    package var page: Int32
    package var value: Value
    package init(page: Int32, value: Value) { self.page = page; self.value = value }
}

/// All visits of one person in the lookback window, oldest first: the unit of attribution.
package struct Journey: Sendable, Equatable {
    /// The customer pseudonym when the person ever logged in, else the device pseudonym.
    package var visitor: Pseudonym
    /// Indexes into the visit list the journey was built from, in time order.
    package var visits: [Int]
    package init(visitor: Pseudonym, visits: [Int]) { self.visitor = visitor; self.visits = visits }
}
