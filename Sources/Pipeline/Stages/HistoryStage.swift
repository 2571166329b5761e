import Foundation
import History
import JourneysCore
import ReportModel
import Score

/// Reads what score needs from the history before score runs, and gives the period's facts to
/// write (`HistoryRecording`, one transaction committed after publish): the history is a store
/// beside the pipeline, and score stays pure (values in, values out).
enum HistoryStage {
    /// Every order up to the period's end, the KPIs of up to 12 earlier periods and of the same
    /// period a year earlier. A period's orders are its logs' orders and the history's orders of
    /// its days that the logs do not hold (an order table imported weekly, another period's
    /// report), each order id once, the logs' record first; what an earlier run of this same
    /// period recorded is left out, so that a period run again counts its logs' orders afresh.
    /// Before the period the history's record of an order comes first, then the logs' read window.
    /// Orders are listed in that order, each part by time.
    static func read(_ store: HistoryStore, window: PeriodWindow, folded: HistoryFold, logOrders: [HistoryOrder]) throws -> HistoryFacts {
        var facts = HistoryFacts()
        // the logs' weeks first: they are most of them, and taken whole
        facts.visitWeeks = folded.visitWeeks
        let range = window.periodRange
        let stored = try store.orders(before: range.upperBound, notRecordedBy: window.period.description)
        var seen = Set<String>()
        func add(_ o: HistoryOrder) {
            guard seen.insert(o.id).inserted else { return }
            facts.orders.append(order(o, in: window.zone))
        }
        for o in stored where o.time < range.lowerBound { add(o) }
        for o in logOrders where o.time < range.upperBound { add(o) }
        for o in stored where range.contains(o.time) { add(o) }
        // Visit weeks: the history's before the period, the logs' from their read window on, and
        // the weeks of the customers' orders (an order is a visit, and imported customers have
        // no visits recorded).
        for o in facts.orders {
            facts.visitWeeks[o.customer, default: []].insert(CivilDate.monday(ofDay: o.day.dayNumber))
        }
        for w in try store.weeklyVisits(through: ISOWeek(containing: window.period.first).previous) where w.visits > 0 {
            facts.visitWeeks[w.customer, default: []].insert(w.week.monday.dayNumber)
        }
        facts.snapshots = try store.snapshots(last: 12, of: window.period.kind, before: window.period.first)
            .filter { !$0.isPartial }
            .map { HistoryFacts.Snapshot(period: $0.period, kpis: $0.kpis) }
        if let name = yearAgo(window.period), let year = try store.snapshot(period: name) {
            facts.yearAgo = HistoryFacts.Snapshot(period: year.period, kpis: year.kpis)
        }
        if let name = yearAgo(window.period), let earlier = Period(parsing: name) {
            facts.yearAgoPeriod = (name, earlier.first, earlier.last)
        }
        return facts
    }

    /// A stored order as score reads it: its day in the report's time zone.
    static func order(_ o: HistoryOrder, in zone: TimeZone) -> HistoryFacts.Order {
        HistoryFacts.Order(customer: o.customer, orderID: o.id, day: CivilDate.of(time: o.time, in: zone),
                           valueCents: o.valueCents, channel: o.channel)
    }

    /// The same ISO week, or month, a year earlier.
    static func yearAgo(_ period: Period) -> String? {
        switch period.kind {
        case .week: return ISOWeek(containing: period.first).yearEarlier.description
        case .month:
            let d = period.first
            return String(format: "%04d-%02d", d.year - 1, d.month)
        case .range: return nil
        }
    }

    /// The period's facts: its customers (first visit in it), orders and weekly visits; the KPIs
    /// come after score (`HistoryRecording.snapshot`).
    static func facts(window: PeriodWindow, folded: HistoryFold, logOrders: [HistoryOrder]) -> PeriodFacts {
        let range = window.periodRange
        let orders = logOrders.filter { range.contains($0.time) }
        let visits = folded.weekly.flatMap { customer, weeks in weeks.map { WeeklyVisits(customer: customer, week: $0.key, visits: $0.value) } }
        return PeriodFacts(period: window.period, customers: folded.customers.values.sorted { $0.customer < $1.customer },
                           orders: orders, weeklyVisits: visits.sorted { ($0.customer, $0.week) < ($1.customer, $1.week) },
                           kpis: [:], reportSchemaVersion: ReportData.schemaVersion)
    }
}
