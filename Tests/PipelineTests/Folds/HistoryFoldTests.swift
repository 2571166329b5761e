import Foundation
import History
import JourneysCore
@testable import Pipeline
@testable import Touchpoints
import Testing

/// The history's fold of the people, on seeded random people: its weeks with a visit, the
/// period's customers and weekly visits and the window's orders are those a plain count of the
/// visits gives, whether the people are folded into one partial or into several merged in
/// order, and after a partial file's round trip.
@Suite struct HistoryFoldTests {
    static let zone = TimeZone(identifier: "Europe/Berlin")!
    static let window: PeriodWindow = {
        let period = Period(parsing: "2026-W47")!
        let range = period.startTime(in: zone)..<period.endTime(in: zone)
        return PeriodWindow(period: period, zone: zone, span: (range.lowerBound - 40 * 86_400, range.upperBound + 3 * 86_400))
    }()

    struct Person {
        var visitor: Pseudonym
        var visits: [Visit]
        var mapped: [MappedVisit]
    }

    /// People whose visits fall before, in and after the period; some share a visitor (added
    /// twice: the first addition's first visit counts), some have orders.
    static func people(seed: UInt64, symbols: inout SymbolTable) -> [Person] {
        var random = SplitMix64(seed: seed)
        let from = window.span.earliest, until = window.span.latest
        let channels = Channel.allCases
        return (0..<300).map { i in
            let visitor = Pseudonym(raw: 1 + random.below(i % 7 == 0 ? 40 : 250))
            var starts = (0..<(1 + Int(random.below(6)))).map { _ in from + Int64(random.below(UInt64(until - from))) }
            starts.sort()
            var visits: [Visit] = [], mapped: [MappedVisit] = []
            for (k, start) in starts.enumerated() {
                var v = Visit(device: visitor, start: start)
                if random.below(4) == 0 {
                    v.orders = [Order(id: symbols.intern("order-\(i)-\(k)"), valueCents: Int64(random.below(20_000)))]
                }
                visits.append(v)
                mapped.append(MappedVisit(visit: k, channel: channels[Int(random.below(UInt64(channels.count)))], touchpoints: [],
                                          steps: [], outcome: .browse))
            }
            return Person(visitor: visitor, visits: visits, mapped: mapped)
        }
    }

    /// The tables counted plainly from the people, in the order they were added.
    static func expected(_ people: [Person], symbols: SymbolTable)
        -> (weeks: [Pseudonym: Set<Int>], customers: [Pseudonym: HistoryCustomer], weekly: [Pseudonym: [ISOWeek: Int]], orders: [HistoryOrder]) {
        let range = window.periodRange
        var weeks: [Pseudonym: Set<Int>] = [:], customers: [Pseudonym: HistoryCustomer] = [:]
        var weekly: [Pseudonym: [ISOWeek: Int]] = [:], orders: [HistoryOrder] = []
        for p in people {
            for (v, m) in zip(p.visits, p.mapped) {
                for o in v.orders {
                    orders.append(HistoryOrder(id: symbols[o.id], customer: p.visitor, time: v.start, valueCents: o.valueCents, channel: m.channel))
                }
                let date = CivilDate.of(time: v.start, in: zone)
                if v.start < range.upperBound { weeks[p.visitor, default: []].insert(CivilDate.monday(ofDay: date.dayNumber)) }
                if range.contains(v.start) {
                    if customers[p.visitor] == nil {
                        customers[p.visitor] = HistoryCustomer(customer: p.visitor, firstSeen: date, firstChannel: m.channel)
                    }
                    weekly[p.visitor, default: [:]][ISOWeek(containing: date), default: 0] += 1
                }
            }
        }
        return (weeks, customers, weekly, orders.sorted { ($0.time, $0.id) < ($1.time, $1.id) })
    }

    static func fold(_ people: ArraySlice<Person>, symbols: SymbolTable) -> HistoryFold {
        var fold = HistoryFold()
        for p in people { fold.add(visitor: p.visitor, visits: p.visits, mapped: p.mapped, window: window, symbols: symbols) }
        return fold
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func foldedTablesAreThePlainCounts(seed: UInt64) throws {
        var symbols = SymbolTable()
        let people = Self.people(seed: seed, symbols: &symbols)
        let want = Self.expected(people, symbols: symbols)
        #expect(want.customers.count > 10 && want.orders.count > 10 && want.weeks.values.contains { $0.count > 1 })

        let whole = Self.fold(people[...], symbols: symbols)
        // three partials of consecutive people, merged in order
        var merged = Self.fold(people[0..<100], symbols: symbols)
        merged.merge(Self.fold(people[100..<180], symbols: symbols))
        merged.merge(Self.fold(people[180...], symbols: symbols))
        // the same partials absorbed in order, each emptied
        var absorbed = Self.fold(people[0..<100], symbols: symbols)
        var second = Self.fold(people[100..<180], symbols: symbols), third = Self.fold(people[180...], symbols: symbols)
        absorbed.absorb(&second)
        absorbed.absorb(&third)
        #expect(second.weeklyVisits.isEmpty && third.logOrders.isEmpty && third.customers.isEmpty)
        let file = try JSONEncoder().encode(merged)
        let decoded = try JSONDecoder().decode(HistoryFold.self, from: file)
        let weeklyVisits = want.weekly.flatMap { customer, weeks in weeks.map { WeeklyVisits(customer: customer, week: $0.key, visits: $0.value) } }
            .sorted { ($0.customer, $0.week) < ($1.customer, $1.week) }
        #expect(weeklyVisits.contains { $0.visits > 1 })
        for fold in [whole, merged, absorbed, decoded] {
            #expect(fold.visitWeeks == want.weeks)
            #expect(fold.customers == want.customers)
            #expect(fold.weekly == want.weekly)
            #expect(fold.weeklyVisits == weeklyVisits)
            #expect(fold.logOrders == want.orders)
        }
    }
}
