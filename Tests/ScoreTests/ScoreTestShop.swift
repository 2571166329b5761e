import JourneysCore
import Score
import Touchpoints
import ReportModel

/// A tiny shop for score tests: five touchpoints, visits built by hand, mapped by the real
/// touchpoint rules, so that every expected number can be worked out on paper.
struct ScoreTestShop {
    var symbols = SymbolTable()
    var visits: [Visit] = []

    static let rules = [
        TouchpointRule(pattern: .glob("/"), touchpoint: "Home", phase: .awareness),
        TouchpointRule(pattern: .glob("/p/*"), touchpoint: "Product", phase: .consideration, funnelStep: .productView),
        TouchpointRule(pattern: .glob("/cart/add"), touchpoint: "Add to cart", phase: .purchase, funnelStep: .addToCart),
        TouchpointRule(pattern: .glob("/checkout/pay"), touchpoint: "Checkout", phase: .purchase, funnelStep: .checkout),
        TouchpointRule(pattern: .glob("/checkout/done"), touchpoint: "Confirmation", phase: .purchase, funnelStep: .purchase),
    ]

    /// Adds a visit of `device` starting at `start` (seconds) with one page per `paths`, a minute apart.
    mutating func visit(_ device: UInt64, at start: Int64, _ paths: [String], referrer: String = "",
                        campaign: (source: String, medium: String)? = nil, order: (id: String, cents: Int64)? = nil,
                        customer: UInt64 = 0) {
        var v = Visit(device: Pseudonym(raw: device), start: start)
        v.pages = paths.map { symbols.intern($0) }
        v.end = start + Int64(max(paths.count - 1, 0)) * 60
        v.referrerHost = symbols.intern(referrer)
        if let c = campaign { v.campaign = Campaign(source: symbols.intern(c.source), medium: symbols.intern(c.medium)) }
        if let o = order { v.orders = [Order(id: symbols.intern(o.id), valueCents: o.cents)] }
        v.customer = Pseudonym(raw: customer)
        visits.append(v)
    }

    func input(period: Range<Int64>, previous: Range<Int64>? = nil, lookback: Int64 = 30 * 86_400) throws -> ScoreInput {
        let sorted = visits.sorted { $0.start < $1.start }
        var mapper = try TouchpointMapper(rules: Self.rules, unmatchedPhase: .consideration, channels: ChannelRules())
        let mapped = sorted.enumerated().map { mapper.map($1, index: $0, symbols: symbols) }
        return ScoreInput(visits: sorted, mapped: mapped, journeys: JourneyGrouping.byPerson(sorted), catalog: mapper.catalog,
                          symbols: symbols, period: period, previous: previous, lookback: lookback,
                          ruleNames: Self.rules.map(\.touchpoint), ruleHits: mapper.ruleHits, unmatched: mapper.unmatched)
    }

    static let context = Scorer.Context(
        period: PeriodInfo(name: "test", first: "2026-11-16", last: "2026-11-22", isPartial: false, previous: "before",
                           timeZone: "UTC", currency: "EUR", locale: "en"),
        rules: RulesInfo(preset: "matomo", summary: "", timeoutMinutes: 30, newVisitOnCampaignChange: true,
                         splitAtMidnight: true, maxVisitHours: 24, identity: "", lookbackDays: 30))
}

/// Journeys by customer, else device: what the sessionizer's journey builder does, written
/// plainly here so that score tests do not depend on the sessionize module.
enum JourneyGrouping {
    static func byPerson(_ visits: [Visit]) -> [Journey] {
        var order: [Pseudonym] = []
        var groups: [Pseudonym: [Int]] = [:]
        for (i, v) in visits.enumerated() {
            let person = v.customer.isNone ? v.device : v.customer
            if groups[person] == nil { order.append(person) }
            groups[person, default: []].append(i)
        }
        return order.map { Journey(visitor: $0, visits: groups[$0]!) }
    }
}
