import JourneysCore
import ReportModel
@testable import Score
import Testing

/// Orders grouped once by customer give what a plain regrouping of every order by customer gives,
/// and the history's figures read from them equal the figures of that regrouping, on seeded
/// random histories.
@Suite struct CustomerHistoryTests {
    /// A random history: `customers` people, `orders` orders over the `days` before 2026-11-22
    /// (about three years; a short span puts several of a customer's orders on one day), some
    /// ids repeated, some with a channel.
    static func randomOrders(seed: UInt64, customers: Int = 60, orders: Int = 600, days: Int = 1_100) -> [HistoryFacts.Order] {
        var rng = SplitMix64(seed: seed)
        let end = CivilDate(year: 2026, month: 11, day: 22).dayNumber
        let channels: [Channel?] = [nil, nil, .direct, .paidSearch, .email]
        return (0..<orders).map { n in
            // ids in another order than the listing's: the first-channel rules differ on a shared day
            let k = Int.random(in: 0..<10, using: &rng) == 0 ? Int.random(in: 0..<n + 1, using: &rng) : n
            let id = "o\(k * 7_919 % 100_003)"
            return HistoryFacts.Order(customer: Pseudonym(raw: UInt64.random(in: 1...UInt64(customers), using: &rng) &* 0x9E37_79B9_7F4A_7C15),
                                      orderID: id, day: CivilDate(dayNumber: end - Int.random(in: 0..<days, using: &rng)),
                                      valueCents: Int64.random(in: 0..<20_000, using: &rng), channel: channels.randomElement(using: &rng)!)
        }
    }

    /// The plain regrouping: each id once (its first listing), per customer in listed order.
    static func regrouped(_ orders: [HistoryFacts.Order]) -> [Pseudonym: [HistoryFacts.Order]] {
        var seen = Set<String>(), out: [Pseudonym: [HistoryFacts.Order]] = [:]
        for o in orders where seen.insert(o.orderID).inserted { out[o.customer, default: []].append(o) }
        return out
    }

    @Test(arguments: zip([1, 2, 3, 4, 5] as [UInt64], [1_100, 1_100, 30, 30, 7]))
    func groupsAsAPlainRegrouping(seed: UInt64, days: Int) {
        let orders = Self.randomOrders(seed: seed, days: days)
        let history = CustomerHistory(orders)
        let plain = Self.regrouped(orders)
        #expect(history.pseudonyms == plain.keys.sorted())
        #expect(history.orderCount == plain.values.reduce(0) { $0 + $1.count })
        for (k, customer) in history.pseudonyms.enumerated() {
            let mine = plain[customer]!
            #expect(history.orders(of: k).map { history.day($0) } == mine.map(\.day.dayNumber))
            #expect(history.orders(of: k).map { history.value($0) } == mine.map(\.valueCents))
            let firstDay = mine.map(\.day).min()!
            #expect(history.firstDay(of: k) == firstDay.dayNumber)
            let byID = mine.filter { $0.day == firstDay }.min { $0.orderID < $1.orderID }!
            #expect(history.firstChannel(of: k) == byID.channel)
            #expect(history.listedFirstChannel(of: k) == mine.first { $0.day == firstDay }!.channel)
            #expect(history.index(of: customer) == k)
        }
        #expect(history.index(of: Pseudonym(raw: 12345)) == nil)
    }

    /// The histories above are ones where the two first-channel rules (smallest id on the first
    /// day, first listed on it) give different channels for some customer.
    @Test func theTwoFirstChannelRulesPartOnShortSpans() {
        let parted = [(3, 30), (4, 30), (5, 7)].map { seed, days in
            let history = CustomerHistory(Self.randomOrders(seed: UInt64(seed), days: days))
            return history.pseudonyms.indices.filter { history.firstChannel(of: $0) != history.listedFirstChannel(of: $0) }.count
        }
        #expect(parted.reduce(0, +) > 0)
    }

    /// Repeat buyers, days between purchases, returning customers and cohorts as the plain
    /// regrouping counts them, as of several days.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func figuresEqualThoseOfThePlainRegrouping(seed: UInt64) {
        let orders = Self.randomOrders(seed: seed, customers: 200, orders: 3_000)
        let history = CustomerHistory(orders)
        let plain = Self.regrouped(orders)
        for asOf in [CivilDate(year: 2026, month: 11, day: 22), CivilDate(year: 2026, month: 3, day: 9), CivilDate(year: 2025, month: 12, day: 31)] {
            for window in [90, 365] {
                let from = asOf.adding(days: 1 - window)
                let buyers = plain.values.map { $0.filter { $0.day >= from && $0.day <= asOf }.count }.filter { $0 > 0 }
                #expect(Retention.repeatBuyers(history, days: window, asOf: asOf) == (buyers.filter { $0 >= 2 }.count, buyers.count))
            }
            var gaps: [Int] = []
            for list in plain.values {
                let days = Set(list.filter { $0.day <= asOf }.map(\.day.dayNumber)).sorted()
                gaps += zip(days.dropFirst(), days).map { $0 - $1 }
            }
            gaps.sort()
            let median = gaps.isEmpty ? nil : gaps.count % 2 == 1 ? Double(gaps[gaps.count / 2])
                : Double(gaps[gaps.count / 2 - 1] + gaps[gaps.count / 2]) / 2
            #expect(Retention.medianDaysBetweenPurchases(history, asOf: asOf) == median)
            let year = asOf.year - 1
            let inYear = plain.values.filter { $0.contains { $0.day <= asOf && $0.day.year == year } }
            #expect(Retention.returning(history, year: year, asOf: asOf)
                    == (inYear.filter { $0.contains { $0.day <= asOf && $0.day.year == year + 1 } }.count, inYear.count))
            let table = Cohorts.table(history, asOf: asOf)
            for row in table.rows {
                let members = plain.values.filter { list in
                    let first = list.filter { $0.day <= asOf }.map(\.day).min()
                    return first.map { String(format: "%04d-%02d", $0.year, $0.month) } == row.cohort
                }
                #expect(row.customers == members.count)
                let cohort = Int(row.cohort.prefix(4))! * 12 + Int(row.cohort.suffix(2))! - 1
                for (k, buyers) in row.buyers.enumerated() where buyers != nil {
                    #expect(buyers == members.filter { $0.contains { $0.day <= asOf && $0.day.year * 12 + $0.day.month - 1 == cohort + k } }.count)
                }
                #expect(row.buyers.first! == members.count)
            }
            let recent = plain.values.filter { list in
                guard let first = list.filter({ $0.day <= asOf }).map(\.day).min() else { return false }
                return first.year * 12 + first.month > asOf.year * 12 + asOf.month - 12
            }
            #expect(table.rows.reduce(0) { $0 + $1.customers } == recent.count)
        }
    }

    /// A customer's lifecycle state from their activity weeks equals the state from the set of
    /// those weeks, for every customer of a random history.
    @Test func lifecycleCountsEqualTheStatesOfEachCustomersWeeks() {
        let orders = Self.randomOrders(seed: 21, customers: 300, orders: 2_000)
        let lastDay = CivilDate(year: 2026, month: 11, day: 22)
        let plain = Self.regrouped(orders)
        var visits: [Pseudonym: Set<Int>] = [:]
        var rng = SplitMix64(seed: 22)
        for customer in plain.keys where Bool.random(using: &rng) {
            visits[customer] = Set((0..<3).map { _ in CivilDate.monday(ofDay: lastDay.dayNumber - Int.random(in: 0..<300, using: &rng)) })
        }
        let info = Lifecycle.info(visits, history: CustomerHistory(orders), lastDay: lastDay)
        let monday = CivilDate.monday(ofDay: lastDay.dayNumber)
        var counts: [String: Int] = [:]
        for (customer, list) in plain {
            guard let first = list.filter({ $0.day <= lastDay }).map(\.day).min() else { continue }
            let weeks = (visits[customer] ?? []).union(list.map { CivilDate.monday(ofDay: $0.day.dayNumber) })
            if let s = Lifecycle.state(weeks, firstOrder: CivilDate.monday(ofDay: first.dayNumber), monday: monday) {
                counts[s.rawValue, default: 0] += 1
            }
        }
        #expect(info.counts.filter { $0.value > 0 } == counts)
    }

    /// The CLV models' summaries and the days between purchases, taken straight from each
    /// customer's days where they come in order (a listing by time) and by the general way where
    /// they do not, equal those of every customer's orders regrouped, to the bit.
    @Test(arguments: [31, 32] as [UInt64])
    func summariesAndGapsEqualThoseOfTheRegrouping(seed: UInt64) {
        let random = Self.randomOrders(seed: seed, customers: 150, orders: 2_000, days: 200)
        let byTime = random.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
        for orders in [random, byTime] {
            let history = CustomerHistory(orders)
            let plain = Self.regrouped(orders)
            for asOf in [CivilDate(year: 2026, month: 11, day: 22), CivilDate(year: 2026, month: 9, day: 1)] {
                // x, t_x and T in weeks, and the mean of the repeat days' values: each day's orders
                // summed in their listed order, the days in day order
                var expected: [Pseudonym: (x: Int, tx: Double, T: Double, m: Double?)] = [:]
                for (customer, list) in plain {
                    var byDay: [Int: Double] = [:]
                    for o in list where o.day <= asOf { byDay[o.day.dayNumber, default: 0] += Double(o.valueCents) / 100 }
                    let days = byDay.keys.sorted()
                    guard let first = days.first, let last = days.last else { continue }
                    var total = 0.0
                    for d in days.dropFirst() { total += byDay[d]! }
                    expected[customer] = (days.count - 1, Double(last - first) / 7, Double(asOf.dayNumber - first) / 7,
                                          days.count > 1 ? total / Double(days.count - 1) : nil)
                }
                let customers = PredictedCLV.customers(history, asOf: asOf)
                #expect(customers.map(\.pseudonym) == expected.keys.sorted())
                for c in customers {
                    let e = expected[c.pseudonym]!
                    #expect(c.summary.frequency == e.x)
                    #expect(c.summary.recency.bitPattern == e.tx.bitPattern)
                    #expect(c.summary.age.bitPattern == e.T.bitPattern)
                    #expect(c.summary.monetaryValue?.bitPattern == e.m?.bitPattern)
                }
                var gaps: [Int] = []
                for list in plain.values {
                    let days = Set(list.filter { $0.day <= asOf }.map(\.day.dayNumber)).sorted()
                    gaps += zip(days.dropFirst(), days).map { $0 - $1 }
                }
                gaps.sort()
                #expect(!gaps.isEmpty)
                let median = gaps.count % 2 == 1 ? Double(gaps[gaps.count / 2]) : Double(gaps[gaps.count / 2 - 1] + gaps[gaps.count / 2]) / 2
                #expect(Retention.medianDaysBetweenPurchases(history, asOf: asOf) == median)
            }
            // the listing by time takes the straight way for every customer, the random one not
            let straight = history.pseudonyms.indices.filter {
                PredictedCLV.summaryOfDayOrdered(history, $0, through: CivilDate(year: 2026, month: 11, day: 22).dayNumber) != nil
            }.count
            #expect((straight == history.count) == (orders == byTime))
        }
    }
}
