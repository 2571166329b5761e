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
///
/// Kept as flat lists, one entry per person and week, appended as people are added and joined
/// by a merge: a shop's week has tens of thousands of people, and a set and a dictionary of
/// their own for each (as `visitWeeks` and `weekly` hand them on) would cost the fold more
/// memory than every other table of the history together, twice while two threads' partials
/// are merged. The dictionaries are built when the history stage asks for them.
package struct HistoryFold: Codable, Mergeable {
    /// A week with a visit: the person, the Monday day number of the week.
    private struct PersonWeek {
        var person: Pseudonym
        var monday: Int
    }
    /// Visits in the period of one person in one week.
    private struct WeekVisits {
        var person: Pseudonym
        var monday: Int
        var visits: Int
    }
    /// The weeks each person visited in, up to the period's end.
    private var personWeeks: [PersonWeek] = []
    /// The period's customers, the first entry of a person counting (the partial merged into
    /// comes first).
    private var firstVisits: [HistoryCustomer] = []
    /// Visits in the period per person and week; entries of the same person and week add up.
    private var weekVisits: [WeekVisits] = []
    private var orders: [HistoryOrder] = []
    /// Local days of the visits' starts, with the zone's offsets cached (not kept in a file).
    private var days: LocalDays? = nil
    private enum CodingKeys: String, CodingKey { case visitWeeks, customers, weeklyByMonday, orders }

    package init() {}

    mutating func add(visitor: Pseudonym, visits: [Visit], mapped: [MappedVisit], window: PeriodWindow, symbols: SymbolTable) {
        let range = window.periodRange
        if days == nil { days = LocalDays(zone: window.zone) }
        // A person's weeks are few: gathered here, then appended once per person.
        var weeks: [Int] = []
        var weekly: [(monday: Int, visits: Int)] = []
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
            if let k = weekly.firstIndex(where: { $0.monday == monday }) { weekly[k].visits += 1 } else { weekly.append((monday, 1)) }
        }
        for monday in weeks { personWeeks.append(PersonWeek(person: visitor, monday: monday)) }
        if let first { firstVisits.append(first) }
        for w in weekly { weekVisits.append(WeekVisits(person: visitor, monday: w.monday, visits: w.visits)) }
    }

    /// Monday day numbers of the weeks each person visited in, up to the period's end.
    var visitWeeks: [Pseudonym: Set<Int>] {
        var out: [Pseudonym: Set<Int>] = [:]
        for w in personWeeks { out[w.person, default: []].insert(w.monday) }
        return out
    }

    /// The period's customers: each person's first visit in the period and its channel.
    var customers: [Pseudonym: HistoryCustomer] {
        var out: [Pseudonym: HistoryCustomer] = [:]
        for c in firstVisits where out[c.customer] == nil { out[c.customer] = c }
        return out
    }

    /// Visits in the period per person, by the Monday day number of their week.
    private var weeklyByMonday: [Pseudonym: [Int: Int]] {
        var out: [Pseudonym: [Int: Int]] = [:]
        for w in weekVisits { out[w.person, default: [:]][w.monday, default: 0] += w.visits }
        return out
    }

    /// Visits in the period per person and ISO week, in the order of person then week: the
    /// entries sorted and those of one person and week added up, with no dictionary per person
    /// (the period's facts are made while score runs, at the run's peak of memory).
    var weeklyVisits: [WeeklyVisits] {
        let sorted = weekVisits.sorted { ($0.person, $0.monday) < ($1.person, $1.monday) }
        var out: [WeeklyVisits] = []
        out.reserveCapacity(sorted.count)
        var last: (person: Pseudonym, monday: Int)? = nil
        for w in sorted {
            if let last, last.person == w.person, last.monday == w.monday {
                out[out.count - 1].visits += w.visits
            } else {
                out.append(WeeklyVisits(customer: w.person, week: ISOWeek(containing: CivilDate(dayNumber: w.monday)), visits: w.visits))
            }
            last = (w.person, w.monday)
        }
        return out
    }

    /// Visits in the period per person and ISO week.
    var weekly: [Pseudonym: [ISOWeek: Int]] {
        weeklyByMonday.mapValues { weeks in
            Dictionary(uniqueKeysWithValues: weeks.map { (ISOWeek(containing: CivilDate(dayNumber: $0.key)), $0.value) })
        }
    }

    package mutating func merge(_ o: HistoryFold) {
        personWeeks += o.personWeeks
        firstVisits += o.firstVisits
        weekVisits += o.weekVisits
        orders += o.orders
    }

    /// Joins `o` as `merge` does and empties it, each list freed once it is joined.
    package mutating func absorb(_ o: inout HistoryFold) {
        personWeeks += o.personWeeks; o.personWeeks = []
        firstVisits += o.firstVisits; o.firstVisits = []
        weekVisits += o.weekVisits; o.weekVisits = []
        orders += o.orders; o.orders = []
    }

    /// Every order of the read window, by the person whose journey it closed, at its visit's
    /// start, in time order (then by id).
    var logOrders: [HistoryOrder] { orders.sorted { ($0.time, $0.id) < ($1.time, $1.id) } }

    // A partial file holds the tables as `visitWeeks`, `customers` and `weekly` hand them on.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for (person, weeks) in try c.decode([Pseudonym: Set<Int>].self, forKey: .visitWeeks) {
            for monday in weeks { personWeeks.append(PersonWeek(person: person, monday: monday)) }
        }
        firstVisits = Array(try c.decode([Pseudonym: HistoryCustomer].self, forKey: .customers).values)
        for (person, weeks) in try c.decode([Pseudonym: [Int: Int]].self, forKey: .weeklyByMonday) {
            for (monday, visits) in weeks { weekVisits.append(WeekVisits(person: person, monday: monday, visits: visits)) }
        }
        orders = try c.decode([HistoryOrder].self, forKey: .orders)
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(visitWeeks, forKey: .visitWeeks)
        try c.encode(customers, forKey: .customers)
        try c.encode(weeklyByMonday, forKey: .weeklyByMonday)
        try c.encode(orders, forKey: .orders)
    }
}
