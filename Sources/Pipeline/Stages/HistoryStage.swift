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
    /// Orders are listed in that order, each part by time, and grouped by customer as the history's
    /// index gives them (`CustomerHistory`): no list of every order is made, and none is sorted.
    static func read(_ store: HistoryStore, window: PeriodWindow, folded: HistoryFold, logOrders: [HistoryOrder]) throws -> HistoryFacts {
        var facts = HistoryFacts()
        // the logs' weeks first: they are most of them, and taken whole
        facts.visitWeeks = folded.visitWeeks
        let range = window.periodRange
        facts.orders = try orders(store, before: range.upperBound, periodStart: range.lowerBound,
                                  notRecordedBy: window.period.description, logOrders: logOrders, zone: window.zone)
        // Visit weeks: the history's before the period, the logs' from their read window on; the
        // weeks of the customers' orders count too (`Lifecycle`: an order is a visit, and imported
        // customers have no visits recorded).
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

    /// The orders placed before `end`, grouped by customer, each day in `zone`: the history's
    /// orders before `periodStart`, then `logOrders` (before `end`), then the history's orders
    /// from `periodStart` on, each order id once (its first listing), leaving out the rows that
    /// an earlier run of `notRecordedBy` wrote.
    ///
    /// The history is read customer by customer through its index (`eachOrderByCustomer`), each
    /// customer's orders by time, and the logs' orders of a customer are put where that listing
    /// puts them: after the customer's history before the period. Which of the logs' orders the
    /// history held first, before the period, is looked up by id beforehand; only the ids the
    /// logs also hold are compared as strings.
    static func orders(_ store: HistoryStore, before end: Int64, periodStart: Int64, notRecordedBy period: String?,
                       logOrders: [HistoryOrder], zone: TimeZone) throws -> CustomerHistory {
        let logs = logOrders.filter { $0.time < end }
        let stored = try store.orderTimes(of: Set(logs.map(\.id)), before: end, notRecordedBy: period)
        // the logs' orders the listing keeps (not held by the history before the period, each id
        // once), per customer in the logs' order
        var logged = Set<String>()
        var logsOf: [Pseudonym: [HistoryOrder]] = [:]
        for o in logs where !(stored[o.id].map { $0 < periodStart } ?? false) && logged.insert(o.id).inserted {
            logsOf[o.customer, default: []].append(o)
        }
        let logCustomers = logsOf.keys.sorted()
        var builder = CustomerHistory.GroupedBuilder()
        var days = ScatteredLocalDays(zone: zone)
        func addLogs(of customer: Pseudonym) {
            for o in logsOf[customer] ?? [] {
                builder.add(customer: o.customer, day: days.day(of: o.time), cents: o.valueCents, channel: o.channel, orderID: o.id)
            }
        }
        // customers of the logs alone, up to (not including) `customer`
        var nextLogCustomer = 0
        func addLogCustomers(before customer: Pseudonym?) {
            while nextLogCustomer < logCustomers.count, customer.map({ logCustomers[nextLogCustomer] < $0 }) ?? true {
                addLogs(of: logCustomers[nextLogCustomer])
                nextLogCustomer += 1
            }
        }
        var current: Pseudonym? = nil, currentLogsAdded = true
        try store.eachOrderByCustomer(before: end, notRecordedBy: period) { o in
            if o.customer != current {
                if let c = current, !currentLogsAdded { addLogs(of: c) }
                addLogCustomers(before: o.customer)
                if nextLogCustomer < logCustomers.count, logCustomers[nextLogCustomer] == o.customer { nextLogCustomer += 1 }
                (current, currentLogsAdded) = (o.customer, false)
            }
            if o.time >= periodStart {
                if !currentLogsAdded { addLogs(of: o.customer); currentLogsAdded = true }
                if !logged.isEmpty, logged.contains(o.id()) { return }
            }
            builder.add(customer: o.customer, day: days.day(of: o.time), cents: o.valueCents, channel: o.channel, orderID: o.id())
        }
        if let c = current, !currentLogsAdded { addLogs(of: c) }
        addLogCustomers(before: nil)
        return builder.finish()
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
        return PeriodFacts(period: window.period, customers: folded.customers.values.sorted { $0.customer < $1.customer },
                           orders: orders, weeklyVisits: folded.weeklyVisits,
                           kpis: [:], reportSchemaVersion: ReportData.schemaVersion)
    }
}
