import JourneysCore
import Score
import Touchpoints
import ReportModel
import Sections

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
        TouchpointRule(pattern: .glob("/search"), touchpoint: "Search", phase: .consideration),
        TouchpointRule(pattern: .glob("/survey"), touchpoint: "Survey", phase: .advocacy),
        TouchpointRule(pattern: .glob("/support/**"), touchpoint: "Support chat", phase: .retention),
    ]
    static let support = [SupportContactRule(name: "Chat", start: .glob("/support/start"), end: .glob("/support/end"))]

    /// Adds a visit of `device` starting at `start` (seconds) with one page per `paths`, a minute apart.
    mutating func visit(_ device: UInt64, at start: Int64, _ paths: [String], referrer: String = "",
                        campaign: (source: String, medium: String)? = nil, order: (id: String, cents: Int64)? = nil,
                        customer: UInt64 = 0, gap: Int64 = 60, device deviceClass: DeviceClass = .desktop,
                        surveys: [SurveyAnswer] = [], searches: [(page: Int32, term: String)] = [],
                        durations: [(page: Int32, seconds: Int32)] = [], campaignName: String? = nil) {
        var v = Visit(device: Pseudonym(raw: device), start: start)
        v.pages = paths.map { symbols.intern($0) }
        v.pageTimes = paths.indices.map { Int32($0) * Int32(gap) }
        v.end = start + Int64(max(paths.count - 1, 0)) * gap
        v.deviceClass = deviceClass
        v.surveys = surveys
        v.searchTerms = searches.map { PageMark(page: $0.page, value: symbols.intern($0.term)) }
        v.handlingTimes = durations.map { PageMark(page: $0.page, value: $0.seconds) }
        v.referrerHost = symbols.intern(referrer)
        if let c = campaign { v.campaign = Campaign(source: symbols.intern(c.source), medium: symbols.intern(c.medium)) }
        if let name = campaignName { v.campaign = Campaign(source: symbols.intern("newsletter"), medium: symbols.intern("email"), name: symbols.intern(name)) }
        if let o = order { v.orders = [Order(id: symbols.intern(o.id), valueCents: o.cents)] }
        v.customer = Pseudonym(raw: customer)
        visits.append(v)
    }

    func input(period: Range<Int64>, previous: Range<Int64>? = nil, lookback: Int64 = 30 * 86_400,
               settings: QuestionSettings = ScoreTestShop.fewPeople) throws -> ScoreInput {
        let sorted = visits.sorted { $0.start < $1.start }
        var mapper = try TouchpointMapper(rules: Self.rules, unmatchedPhase: .consideration, channels: ChannelRules(), support: Self.support)
        let mapped = sorted.enumerated().map { mapper.map($1, index: $0, symbols: symbols) }
        var input = ScoreInput(visits: sorted, mapped: mapped, journeys: JourneyGrouping.byPerson(sorted), catalog: mapper.catalog,
                          symbols: symbols, period: period, previous: previous, lookback: lookback,
                          ruleNames: Self.rules.map(\.touchpoint), ruleHits: mapper.ruleHits, unmatched: mapper.unmatched)
        // Whole UTC days: the period's first and last day, and the previous period's.
        func days(_ r: Range<Int64>) -> ClosedRange<Int> { Int(r.lowerBound / 86_400)...Int((r.upperBound - 1) / 86_400) }
        input.questions = settings
        input.periodDays = days(period)
        input.previousDays = previous.map(days)
        return input
    }

    /// The settings of hand-made shops of a few people: no row withheld for privacy (k = 1).
    static var fewPeople: QuestionSettings {
        var s = QuestionSettings()
        s.minPeople = 1
        return s
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
