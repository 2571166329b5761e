import JourneysCore
import ReportModel

/// Repeat purchases, purchase frequency and time between purchases from the history of orders,
/// as of the period's last day: what a week of logs cannot show.
enum Retention {
    /// Customers with an order in the `days` up to `asOf`, and those of them with two or more
    /// orders in that window.
    static func repeatBuyers(_ orders: [HistoryFacts.Order], days: Int, asOf: CivilDate) -> (repeaters: Int, buyers: Int) {
        let from = asOf.adding(days: 1 - days)
        var counts: [Pseudonym: Set<String>] = [:]
        for o in orders where o.day >= from && o.day <= asOf { counts[o.customer, default: []].insert(o.orderID) }
        return (counts.values.filter { $0.count >= 2 }.count, counts.count)
    }

    /// The median of the days between a customer's consecutive purchase days, over all customers
    /// and all history up to `asOf`; nil without a repeat purchase day.
    static func medianDaysBetweenPurchases(_ orders: [HistoryFacts.Order], asOf: CivilDate) -> Double? {
        var days: [Pseudonym: Set<Int>] = [:]
        for o in orders where o.day <= asOf { days[o.customer, default: []].insert(o.day.dayNumber) }
        var gaps: [Int] = []
        for (_, d) in days.sorted(by: { $0.key < $1.key }) {
            let sorted = d.sorted()
            for k in sorted.indices.dropFirst() { gaps.append(sorted[k] - sorted[k - 1]) }
        }
        guard !gaps.isEmpty else { return nil }
        gaps.sort()
        let n = gaps.count
        return n % 2 == 1 ? Double(gaps[n / 2]) : Double(gaps[n / 2 - 1] + gaps[n / 2]) / 2
    }

    /// Customers with an order in calendar year `year`, and those of them who ordered again in
    /// the next year up to `asOf`.
    static func returning(_ orders: [HistoryFacts.Order], year: Int, asOf: CivilDate) -> (returned: Int, customers: Int) {
        var inYear = Set<Pseudonym>(), next = Set<Pseudonym>()
        for o in orders where o.day <= asOf {
            if o.day.year == year { inYear.insert(o.customer) } else if o.day.year == year + 1 { next.insert(o.customer) }
        }
        return (inYear.intersection(next).count, inYear.count)
    }

    /// The average customer lifespan in years from two years of history: of the customers with an
    /// order in the year before last (the 365 days ending a year before `asOf`), the share r with
    /// an order in the last year is the yearly retention, and 1 / (1 - r) the expected lifespan
    /// (at most 20 years). Nil when the history does not reach two years back, or nobody
    /// ordered in the earlier year.
    static func lifespanYears(_ orders: [HistoryFacts.Order], asOf: CivilDate) -> (years: Double, retention: Double)? {
        guard let first = orders.map(\.day).min(), first <= asOf.adding(days: -729) else { return nil }
        let lastYear = asOf.adding(days: -364), yearBefore = asOf.adding(days: -729)
        var before = Set<Pseudonym>(), recent = Set<Pseudonym>()
        for o in orders where o.day <= asOf {
            if o.day >= lastYear { recent.insert(o.customer) } else if o.day >= yearBefore { before.insert(o.customer) }
        }
        guard !before.isEmpty else { return nil }
        let r = Double(before.intersection(recent).count) / Double(before.count)
        return (min(20, 1 / (1 - min(r, 0.95))), r)
    }
}
