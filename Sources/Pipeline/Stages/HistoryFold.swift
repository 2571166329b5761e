import Foundation
import History
import JourneysCore
import Touchpoints

/// What the history needs of the read window's people, folded person by person with score's
/// sections: the weeks each person visited in (before the period's end), the period's customers
/// (first visit and its channel) and weekly visits, and every order of the window. People are
/// added once each, so partials of disjoint people merge by joining.
package struct HistoryFold: Codable {
    /// Monday day numbers of the weeks each person visited in, up to the period's end.
    var visitWeeks: [Pseudonym: Set<Int>] = [:]
    var customers: [Pseudonym: HistoryCustomer] = [:]
    var weekly: [Pseudonym: [ISOWeek: Int]] = [:]
    private var orders: [HistoryOrder] = []

    package init() {}

    mutating func add(visitor: Pseudonym, visits: [Visit], mapped: [MappedVisit], plan: ReadPlan, symbols: SymbolTable) {
        let range = plan.periodRange
        for (v, m) in zip(visits, mapped) {
            for o in v.orders {
                orders.append(HistoryOrder(id: symbols[o.id], customer: visitor, time: v.start, valueCents: o.valueCents, channel: m.channel))
            }
            guard v.start < range.upperBound else { continue }
            let day = CivilDate.of(time: v.start, in: plan.zone)
            visitWeeks[visitor, default: []].insert(day.adding(days: 1 - day.isoWeekday).dayNumber)
            guard range.contains(v.start) else { continue }
            if customers[visitor] == nil {
                customers[visitor] = HistoryCustomer(customer: visitor, firstSeen: day, firstChannel: m.channel)
            }
            weekly[visitor, default: [:]][ISOWeek(containing: day), default: 0] += 1
        }
    }

    mutating func merge(_ o: HistoryFold) {
        visitWeeks.merge(o.visitWeeks) { a, b in a.union(b) }
        customers.merge(o.customers) { a, _ in a }
        weekly.merge(o.weekly) { a, b in a.merging(b, uniquingKeysWith: +) }
        orders += o.orders
    }

    /// Every order of the read window, by the person whose journey it closed, at its visit's
    /// start, in time order (then by id).
    var logOrders: [HistoryOrder] { orders.sorted { ($0.time, $0.id) < ($1.time, $1.id) } }
}
