import Sections
import JourneysCore
import ReportModel

/// Repeat purchases, purchase frequency and time between purchases from the history of orders,
/// as of the period's last day: what a week of logs cannot show.
enum Retention {
    /// Customers with an order in the `days` up to `asOf`, and those of them with two or more
    /// orders in that window.
    static func repeatBuyers(_ history: CustomerHistory, days: Int, asOf: CivilDate) -> (repeaters: Int, buyers: Int) {
        let from = asOf.adding(days: 1 - days).dayNumber, last = asOf.dayNumber
        var repeaters = 0, buyers = 0
        for k in 0..<history.count {
            var n = 0
            for i in history.orders(of: k) where history.day(i) >= from && history.day(i) <= last { n += 1 }
            if n > 0 { buyers += 1 }
            if n >= 2 { repeaters += 1 }
        }
        return (repeaters, buyers)
    }

    /// The median of the days between a customer's consecutive purchase days, over all customers
    /// and all history up to `asOf`; nil without a repeat purchase day. The gaps are whole days,
    /// counted by length (a history of years has a few thousand lengths, however many customers),
    /// so the median is read off the counts instead of sorting every gap.
    static func medianDaysBetweenPurchases(_ history: CustomerHistory, asOf: CivilDate) -> Double? {
        let last = asOf.dayNumber
        var gapCounts: [Int] = []
        var gaps = 0
        func count(_ gap: Int) {
            if gap >= gapCounts.count { gapCounts += [Int](repeating: 0, count: gap + 1 - gapCounts.count) }
            gapCounts[gap] += 1
            gaps += 1
        }
        for k in 0..<history.count {
            // the listing is by time, so the days nearly always come in order: their gaps are
            // counted as they come, and the few customers whose days do not are sorted first
            var previous = Int.min, inOrder = true
            for i in history.orders(of: k) where history.day(i) <= last {
                let day = history.day(i)
                if day < previous { inOrder = false; break }
                previous = day
            }
            if inOrder {
                previous = Int.min
                for i in history.orders(of: k) where history.day(i) <= last {
                    let day = history.day(i)
                    if previous != Int.min, day != previous { count(day - previous) }
                    previous = day
                }
            } else {
                let sorted = history.purchaseDays(of: k, through: last)
                for j in sorted.indices.dropFirst() { count(sorted[j] - sorted[j - 1]) }
            }
        }
        guard gaps > 0 else { return nil }
        // the gap at 0-based position `rank` of all gaps in ascending order
        func gap(at rank: Int) -> Int {
            var seen = 0
            for (length, n) in gapCounts.enumerated() {
                seen += n
                if rank < seen { return length }
            }
            preconditionFailure("rank \(rank) beyond \(gaps) gaps")
        }
        return gaps % 2 == 1 ? Double(gap(at: gaps / 2)) : Double(gap(at: gaps / 2 - 1) + gap(at: gaps / 2)) / 2
    }

    /// Customers with an order in calendar year `year`, and those of them who ordered again in
    /// the next year up to `asOf`.
    static func returning(_ history: CustomerHistory, year: Int, asOf: CivilDate) -> (returned: Int, customers: Int) {
        let start = CivilDate(year: year, month: 1, day: 1).dayNumber, next = CivilDate(year: year + 1, month: 1, day: 1).dayNumber
        let end = min(CivilDate(year: year + 2, month: 1, day: 1).dayNumber - 1, asOf.dayNumber)
        let kept = retained(history, from: start, splitAt: next, through: end)
        return (kept.retained, kept.customers)
    }

    /// Customers with an order on a day in `from..<splitAt`, and how many of them also ordered in
    /// `splitAt...through` (orders after `through` are not seen): the retention of one window
    /// into the next.
    static func retained(_ history: CustomerHistory, from: Int, splitAt: Int, through: Int) -> (retained: Int, customers: Int) {
        var retained = 0, customers = 0
        for k in 0..<history.count {
            var inEarlier = false, inLater = false
            for i in history.orders(of: k) {
                let d = history.day(i)
                guard d <= through else { continue }
                if d >= splitAt { inLater = true } else if d >= from { inEarlier = true }
            }
            if inEarlier { customers += 1; if inLater { retained += 1 } }
        }
        return (retained, customers)
    }

    /// The average customer lifespan in years from two years of history: of the customers with an
    /// order in the year before last (the 365 days ending a year before `asOf`), the share r with
    /// an order in the last year is the yearly retention, and 1 / (1 - r) the expected lifespan
    /// (at most 20 years). Nil when the history does not reach two years back, or nobody
    /// ordered in the earlier year.
    static func lifespanYears(_ history: CustomerHistory, asOf: CivilDate) -> (years: Double, retention: Double)? {
        guard let first = history.firstDay, first <= asOf.adding(days: -729).dayNumber else { return nil }
        let last = asOf.dayNumber, lastYear = asOf.adding(days: -364).dayNumber, yearBefore = asOf.adding(days: -729).dayNumber
        let (both, before) = retained(history, from: yearBefore, splitAt: lastYear, through: last)
        guard before > 0 else { return nil }
        let r = Double(both) / Double(before)
        return (min(20, 1 / (1 - min(r, 0.95))), r)
    }
}

extension Retention {
    /// `repeatBuyers` of orders listed one by one (each order id once).
    static func repeatBuyers(_ orders: [HistoryFacts.Order], days: Int, asOf: CivilDate) -> (repeaters: Int, buyers: Int) {
        repeatBuyers(CustomerHistory(orders), days: days, asOf: asOf)
    }

    /// `medianDaysBetweenPurchases` of orders listed one by one.
    static func medianDaysBetweenPurchases(_ orders: [HistoryFacts.Order], asOf: CivilDate) -> Double? {
        medianDaysBetweenPurchases(CustomerHistory(orders), asOf: asOf)
    }

    /// `returning` of orders listed one by one.
    static func returning(_ orders: [HistoryFacts.Order], year: Int, asOf: CivilDate) -> (returned: Int, customers: Int) {
        returning(CustomerHistory(orders), year: year, asOf: asOf)
    }

    /// `lifespanYears` of orders listed one by one.
    static func lifespanYears(_ orders: [HistoryFacts.Order], asOf: CivilDate) -> (years: Double, retention: Double)? {
        lifespanYears(CustomerHistory(orders), asOf: asOf)
    }
}
