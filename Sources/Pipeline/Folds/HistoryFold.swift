import Foundation
import History
import JourneysCore
import Score
import Touchpoints
import Sections

/// What the history needs of the read window's people, folded person by person with score's
/// sections: the weeks each person visited in (before the period's end), the period's customers
/// (first visit and its channel) and weekly visits, and every order of the window. People are
/// added once each, so partials of disjoint people merge by joining.
package struct HistoryFold: Codable, Mergeable {
    /// Monday day numbers of the weeks each person visited in, up to the period's end.
    var visitWeeks: [Pseudonym: Set<Int>] = [:]
    var customers: [Pseudonym: HistoryCustomer] = [:]
    /// Visits in the period per person, by the Monday day number of their week.
    private var weeklyByMonday: [Pseudonym: [Int: Int]] = [:]
    private var orders: [HistoryOrder] = []
    /// Local days of the visits' starts, with the zone's offsets cached (not kept in a file).
    private var days: LocalDays? = nil
    private enum CodingKeys: String, CodingKey { case visitWeeks, customers, weeklyByMonday, orders }

    package init() {}

    mutating func add(visitor: Pseudonym, visits: [Visit], mapped: [MappedVisit], window: PeriodWindow, symbols: SymbolTable) {
        let range = window.periodRange
        if days == nil { days = LocalDays(zone: window.zone) }
        // A person's weeks are few: gathered here, then written to the tables once per person.
        var weeks: [Int] = []
        var weekly: [Int: Int] = [:]
        var first: HistoryCustomer? = nil
        for (v, m) in zip(visits, mapped) {
            for o in v.orders {
                orders.append(HistoryOrder(id: symbols[o.id], customer: visitor, time: v.start, valueCents: o.valueCents, channel: m.channel))
            }
            guard v.start < range.upperBound else { continue }
            let day = days!.day(of: v.start)
            let monday = CivilDate.monday(ofDay: day)
            if !weeks.contains(monday) { weeks.append(monday) }
            guard range.contains(v.start) else { continue }
            if first == nil { first = HistoryCustomer(customer: visitor, firstSeen: CivilDate(dayNumber: day), firstChannel: m.channel) }
            weekly[monday, default: 0] += 1
        }
        if !weeks.isEmpty { visitWeeks[visitor, default: []].formUnion(weeks) }
        if let first, customers[visitor] == nil { customers[visitor] = first }
        if !weekly.isEmpty { weeklyByMonday[visitor, default: [:]].merge(weekly, uniquingKeysWith: +) }
    }

    /// Visits in the period per person and ISO week.
    var weekly: [Pseudonym: [ISOWeek: Int]] {
        weeklyByMonday.mapValues { weeks in
            Dictionary(uniqueKeysWithValues: weeks.map { (ISOWeek(containing: CivilDate(dayNumber: $0.key)), $0.value) })
        }
    }

    package mutating func merge(_ o: HistoryFold) {
        visitWeeks.merge(o.visitWeeks) { a, b in a.union(b) }
        customers.merge(o.customers) { a, _ in a }
        weeklyByMonday.merge(o.weeklyByMonday) { a, b in a.merging(b, uniquingKeysWith: +) }
        orders += o.orders
    }

    /// Every order of the read window, by the person whose journey it closed, at its visit's
    /// start, in time order (then by id).
    var logOrders: [HistoryOrder] { orders.sorted { ($0.time, $0.id) < ($1.time, $1.id) } }
}
