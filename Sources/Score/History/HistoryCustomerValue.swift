import JourneysCore
import ReportModel

extension CustomerValue {
    /// The average lifespan a history's CLV multiplies by, unrounded: measured from two years of
    /// orders (`Retention.lifespanYears`) when the history has them, else `configured`
    /// (`kpis.customer_lifespan_years`); `retention` is the measured yearly retention, if any.
    static func lifespan(history orders: [HistoryFacts.Order], asOf: CivilDate,
                         configured: Double) -> (years: Double, retention: Double?) {
        Retention.lifespanYears(orders, asOf: asOf).map { ($0.years, $0.retention) } ?? (configured, nil)
    }

    /// Customer lifetime value from a year of the history's orders instead of the logs' window:
    /// the buyers of the 365 days up to `asOf` (or of the history's span when it is shorter,
    /// annualised from it), per first channel (the channel of the customer's first order in the
    /// history; imported orders have none) and per spend tier, with `lifespanYears` from
    /// `lifespan(history:asOf:configured:)`. The one computation of the history's CLV: the `clv`
    /// key figure is this section's `all`.
    static func section(history orders: [HistoryFacts.Order], asOf: CivilDate, lifespanYears: Double) -> CustomerValueInfo? {
        guard let firstDay = orders.lazy.filter({ $0.day <= asOf }).map(\.day).min() else { return nil }
        let from = max(asOf.adding(days: -364), firstDay)
        let windowDays = Double(asOf.dayNumber - from.dayNumber + 1)
        var firstChannel: [Pseudonym: (CivilDate, String, Channel?)] = [:]
        for o in orders where o.day <= asOf {
            if let f = firstChannel[o.customer], (f.0, f.1) <= (o.day, o.orderID) { continue }
            firstChannel[o.customer] = (o.day, o.orderID, o.channel)
        }
        var buyers: [Pseudonym: Buyer] = [:]
        for o in orders where o.day >= from && o.day <= asOf {
            let channel = firstChannel[o.customer]?.2 ?? .direct
            buyers[o.customer, default: Buyer(firstChannel: channel, orders: 0, revenueCents: 0)].orders += 1
            buyers[o.customer]!.revenueCents = Cents.add(buyers[o.customer]!.revenueCents, o.valueCents)
        }
        let all = buyers.sorted { $0.key < $1.key }.map(\.value)
        let known = Set(buyers.keys.filter { firstChannel[$0]?.2 != nil })
        let channels = Channel.allCases.compactMap { c -> CustomerValueInfo.ChannelValue? in
            let group = buyers.filter { known.contains($0.key) && $0.value.firstChannel == c }.sorted { $0.key < $1.key }.map(\.value)
            guard !group.isEmpty else { return nil }
            return .init(channel: c.rawValue, label: c.label, customers: group.count,
                         clv: clv(group, windowDays: windowDays, lifespanYears: lifespanYears))
        }
        return CustomerValueInfo(windowDays: Int(windowDays), lifespanYears: rounded(lifespanYears, 100), channels: channels,
                                 tiers: tiers(all, windowDays: windowDays, lifespanYears: lifespanYears),
                                 all: clv(all, windowDays: windowDays, lifespanYears: lifespanYears))
    }
}
