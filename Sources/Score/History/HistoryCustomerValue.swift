import Sections
import JourneysCore
import ReportModel

extension CustomerValue {
    /// The average lifespan a history's CLV multiplies by, unrounded: measured from two years of
    /// orders (`Retention.lifespanYears`) when the history has them, else `configured`
    /// (`kpis.customer_lifespan_years`); `retention` is the measured yearly retention, if any.
    static func lifespan(history: CustomerHistory, asOf: CivilDate,
                         configured: Double) -> (years: Double, retention: Double?) {
        Retention.lifespanYears(history, asOf: asOf).map { ($0.years, $0.retention) } ?? (configured, nil)
    }

    /// Customer lifetime value from a year of the history's orders instead of the logs' window:
    /// the buyers of the 365 days up to `asOf` (or of the history's span when it is shorter,
    /// annualised from it), per first channel (the channel of the customer's first order in the
    /// history, the smallest order id on their first day; imported orders have none) and per
    /// spend tier, with `lifespanYears` from `lifespan(history:asOf:configured:)`. The one
    /// computation of the history's CLV: the `clv` key figure is this section's `all`.
    static func section(history: CustomerHistory, asOf: CivilDate, lifespanYears: Double) -> CustomerValueInfo? {
        let last = asOf.dayNumber
        var firstDay: Int? = nil
        for k in 0..<history.count where history.firstDay(of: k) <= last {
            firstDay = min(firstDay ?? .max, history.firstDay(of: k))
        }
        guard let firstDay else { return nil }
        let from = max(asOf.adding(days: -364).dayNumber, firstDay)
        let windowDays = Double(last - from + 1)
        // customers in pseudonym order, as the buyers are listed
        var all: [Buyer] = []
        var byChannel: [Channel: [Buyer]] = [:]
        for k in 0..<history.count {
            var orders = 0, revenue: Int64 = 0
            for i in history.orders(of: k) where history.day(i) >= from && history.day(i) <= last {
                orders += 1
                revenue = Cents.add(revenue, history.value(i))
            }
            guard orders > 0 else { continue }
            let channel = history.firstChannel(of: k)
            let buyer = Buyer(firstChannel: channel ?? .direct, orders: orders, revenueCents: revenue)
            all.append(buyer)
            if let channel { byChannel[channel, default: []].append(buyer) }
        }
        let channels = Channel.allCases.compactMap { c -> CustomerValueInfo.ChannelValue? in
            guard let group = byChannel[c], !group.isEmpty else { return nil }
            return .init(channel: c.rawValue, label: c.label, customers: group.count,
                         clv: clv(group, windowDays: windowDays, lifespanYears: lifespanYears))
        }
        return CustomerValueInfo(windowDays: Int(windowDays), lifespanYears: rounded(lifespanYears, 100), channels: channels,
                                 tiers: tiers(all, windowDays: windowDays, lifespanYears: lifespanYears),
                                 all: clv(all, windowDays: windowDays, lifespanYears: lifespanYears))
    }

    /// `lifespan` of orders listed one by one (each order id once).
    static func lifespan(history orders: [HistoryFacts.Order], asOf: CivilDate, configured: Double) -> (years: Double, retention: Double?) {
        lifespan(history: CustomerHistory(orders), asOf: asOf, configured: configured)
    }

    /// `section` of orders listed one by one (each order id once).
    static func section(history orders: [HistoryFacts.Order], asOf: CivilDate, lifespanYears: Double) -> CustomerValueInfo? {
        section(history: CustomerHistory(orders), asOf: asOf, lifespanYears: lifespanYears)
    }
}
