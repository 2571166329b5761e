import JourneysCore
import ReportModel
@testable import Score
import Testing

/// The figures of the history, on orders written out by hand.
@Suite struct HistoryFiguresTests {
    let asOf = CivilDate(year: 2026, month: 11, day: 22)

    func order(_ customer: UInt64, _ id: String, daysBefore: Int, cents: Int64) -> HistoryFacts.Order {
        HistoryFacts.Order(customer: Pseudonym(raw: customer), orderID: id, day: asOf.adding(days: -daysBefore),
                           valueCents: cents, channel: nil)
    }

    /// Customer 1: orders 10 and 40 days ago (and 200 days ago); customer 2: one order 20 days ago
    /// and one 300 days ago; customer 3: two orders on one day 5 days ago; customer 4: 400 days ago.
    var orders: [HistoryFacts.Order] {
        [order(1, "a", daysBefore: 10, cents: 10_000), order(1, "b", daysBefore: 40, cents: 5_000), order(1, "c", daysBefore: 200, cents: 3_000),
         order(2, "d", daysBefore: 20, cents: 2_000), order(2, "e", daysBefore: 300, cents: 8_000),
         order(3, "f", daysBefore: 5, cents: 1_000), order(3, "g", daysBefore: 5, cents: 1_000),
         order(4, "h", daysBefore: 400, cents: 9_900)]
    }

    @Test func repeatBuyersCountOrdersInTheWindow() {
        // 90 days: customers 1 (a, b), 2 (d), 3 (f, g): repeaters 1 and 3 of 3 buyers
        #expect(Retention.repeatBuyers(orders, days: 90, asOf: asOf) == (2, 3))
        // 365 days: 1 (a, b, c), 2 (d, e), 3 (f, g); 4 is older: all three repeat
        #expect(Retention.repeatBuyers(orders, days: 365, asOf: asOf) == (3, 3))
        // the window's first day counts, the day before does not
        #expect(Retention.repeatBuyers([order(9, "x", daysBefore: 89, cents: 1), order(9, "y", daysBefore: 90, cents: 1)], days: 90, asOf: asOf) == (0, 1))
    }

    @Test func frequencyAndDaysBetweenPurchases() throws {
        // purchase days: 1: -200, -40, -10 (gaps 160, 30); 2: -300, -20 (280); 3: one day; 4: one day
        // gaps 30, 160, 280: median 160
        #expect(Retention.medianDaysBetweenPurchases(orders, asOf: asOf) == 160)
        #expect(Retention.medianDaysBetweenPurchases([order(1, "a", daysBefore: 1, cents: 1)], asOf: asOf) == nil)
    }

    @Test func customerLifetimeValueFromAYearOfOrders() throws {
        let figures = HistoryFigures.figures(orders, asOf: asOf, lifespanYears: 3)
        let byKey = Dictionary(uniqueKeysWithValues: figures.map { ($0.key, $0) })
        // a year: orders a-g, 100 + 50 + 30 + 20 + 80 + 10 + 10 = 300.00 in 7 orders by 3 customers
        // AOV 300 / 7 = 42.857; frequency 7 / 3 = 2.333; CLV = 42.857 * 2.333 * 3 years = 300.00
        #expect(byKey["clv"]?.value == 300)
        #expect(byKey["purchase_frequency_year"]?.value == 2.33)
        #expect(byKey["repeat_purchase_rate_90d"]?.value == 0.6667)
        #expect(byKey["repeat_purchase_rate_90d"]?.sample == .proportion(2, 3))
    }

    @Test func aShortHistoryIsAnnualisedAsTheSectionIs() throws {
        // 70 days of history: customer 1 three orders of 20.00 (60, 30 and 0 days before), customer
        // 2 one of 40.00 (69 days before): 4 orders, 100.00, 2 buyers in 70 days
        let short = [order(2, "p", daysBefore: 69, cents: 4_000), order(1, "q", daysBefore: 60, cents: 2_000),
                     order(1, "r", daysBefore: 30, cents: 2_000), order(1, "s", daysBefore: 0, cents: 2_000)]
        let byKey = Dictionary(uniqueKeysWithValues: HistoryFigures.figures(short, asOf: asOf, lifespanYears: 3).map { ($0.key, $0) })
        // AOV 25.00, 4 / 2 × 365 / 70 = 10.4286 purchases a year, × 3 years = 782.14
        #expect(byKey["purchase_frequency_year"]?.value == 10.43)
        #expect(byKey["clv"]?.value == 782.14)
        let section = try #require(CustomerValue.section(history: short, asOf: asOf, lifespanYears: CustomerValue.lifespan(history: short, asOf: asOf, configured: 3).years))
        #expect(section.all?.value == byKey["clv"]?.value)
        #expect(section.all?.purchasesPerYear == byKey["purchase_frequency_year"]?.value)
    }

    @Test func aMeasuredLifespanIsRoundedOnlyInTheEnd() throws {
        // the year before last: customers 1-7 (customer 7 on its first day, 729 days before); the
        // last year: customer 1 alone, once, 70.00. Retention 1/7, lifespan 1 / (1 - 1/7) = 7/6 years
        var two = (1...6).map { order(UInt64($0), "y\($0)", daysBefore: 400 + $0, cents: 1_000) }
        two.append(order(7, "y7", daysBefore: 729, cents: 1_000))
        two.append(order(1, "z", daysBefore: 10, cents: 7_000))
        let byKey = Dictionary(uniqueKeysWithValues: HistoryFigures.figures(two, asOf: asOf, lifespanYears: 3).map { ($0.key, $0) })
        // 70.00 × 1 purchase a year × 7/6 = 81.67 (with the lifespan rounded to 1.17 first: 81.90)
        #expect(byKey["clv"]?.value == 81.67)
        let section = try #require(CustomerValue.section(history: two, asOf: asOf, lifespanYears: CustomerValue.lifespan(history: two, asOf: asOf, configured: 3).years))
        #expect(section.all?.value == 81.67)
        #expect(section.lifespanYears == 1.17)
    }

    @Test func trendsAndTheYearBefore() {
        var history = HistoryFacts()
        history.snapshots = (1...14).map {
            HistoryFacts.Snapshot(period: "2026-W\($0 + 30)", kpis: ["orders": Double($0), "conversion_rate": 0.01 * Double($0)])
        }
        history.yearAgo = HistoryFacts.Snapshot(period: "2025-W47", kpis: ["orders": 100, "conversion_rate": 0.02,
                                                                           "conversion_rate.numerator": 20, "conversion_rate.denominator": 1000])
        var kpis = [KPI(key: "orders", label: "Orders", unit: .count, value: 150, better: .higher, definition: ""),
                    KPI(key: "conversion_rate", label: "Conversion", unit: .ratio, value: 0.03, better: .higher, definition: "")]
        kpis[1].numerator = 30
        kpis[1].denominator = 1000
        HistoryFigures.addTrends(&kpis, history, period: "2026-W47")
        // the last 12 earlier periods, oldest first, then this one
        #expect(kpis[0].trend.map(\.period) == (3...14).map { "2026-W\($0 + 30)" } + ["2026-W47"])
        #expect(kpis[0].trend.last?.value == 150)
        #expect(kpis[0].yearAgo == 100)
        // orders 150 vs 100: z = 50 / sqrt(250) = 3.16, larger than noise
        #expect(kpis[0].yearAgoSignificant == true)
        // conversion 30/1000 vs 20/1000: z = 0.01 / sqrt(0.025 * 0.975 * 0.002) = 1.43, within noise
        #expect(kpis[1].yearAgo == 0.02)
        #expect(kpis[1].yearAgoSignificant == false)
    }

    @Test func aSnapshotKeepsTheCountsOfRates() {
        var k = KPI(key: "conversion_rate", label: "", unit: .ratio, value: 0.03, better: .higher, definition: "")
        k.numerator = 30
        k.denominator = 1000
        let none = KPI(key: "aov", label: "", unit: .money, value: nil, better: .higher, definition: "")
        #expect(HistoryFigures.snapshot([k, none]) == ["conversion_rate": 0.03, "conversion_rate.numerator": 30, "conversion_rate.denominator": 1000])
    }
}

/// Cohorts by first-purchase month, on orders written out by hand.
@Suite struct CohortTests {
    @Test func sharesOfEachCohortBuyingInTheMonthsSince() throws {
        let asOf = CivilDate(year: 2026, month: 11, day: 22)
        func order(_ c: UInt64, _ id: String, _ year: Int, _ month: Int) -> HistoryFacts.Order {
            HistoryFacts.Order(customer: Pseudonym(raw: c), orderID: id, day: CivilDate(year: year, month: month, day: 3), valueCents: 100, channel: nil)
        }
        // September cohort: 1, 2, 3; 1 buys again in October, 1 and 2 in November.
        // November cohort: 4. Customer 5 first bought in 2025-06: outside the 12 months shown.
        let orders = [order(1, "a", 2026, 9), order(2, "b", 2026, 9), order(3, "c", 2026, 9), order(1, "d", 2026, 10),
                      order(1, "e", 2026, 11), order(2, "f", 2026, 11), order(4, "g", 2026, 11), order(5, "h", 2025, 6),
                      order(5, "i", 2026, 10), order(4, "later", 2026, 12)]
        let table = Cohorts.table(orders, asOf: asOf, months: 4)
        #expect(table.rows.map(\.cohort) == ["2026-09", "2026-11"])
        let september = try #require(table.rows.first)
        #expect(september.customers == 3)
        #expect(september.buyers == [3, 1, 2, nil])
        #expect(september.shares == [1, 0.3333, 0.6667, nil])
        // an order after asOf does not count
        #expect(table.rows[1].buyers == [1, nil, nil, nil])
    }
}

/// Lifecycle states on activity weeks and first orders written out by hand.
@Suite struct LifecycleTests {
    // 2026-11-16 is the Monday of 2026-W47
    let monday = CivilDate(year: 2026, month: 11, day: 16).dayNumber
    func weeks(_ ago: Int...) -> Set<Int> { Set(ago.map { monday - 7 * $0 }) }
    func week(_ ago: Int) -> Int { monday - 7 * ago }

    @Test func everyCustomerInOneState() {
        #expect(Lifecycle.state(weeks(0), firstOrder: week(0), monday: monday) == .new)
        // visits before the first order do not make an old customer: new is the first order
        #expect(Lifecycle.state(weeks(0, 5), firstOrder: week(0), monday: monday) == .new)
        #expect(Lifecycle.state(weeks(0, 3), firstOrder: week(3), monday: monday) == .returning)
        #expect(Lifecycle.state(weeks(7), firstOrder: week(7), monday: monday) == .returning)      // active within the 8 weeks
        #expect(Lifecycle.state(weeks(0, 8), firstOrder: week(8), monday: monday) == .resurrected) // back after 8 weeks
        #expect(Lifecycle.state(weeks(8), firstOrder: week(8), monday: monday) == .dormant)
        #expect(Lifecycle.state(weeks(25), firstOrder: week(25), monday: monday) == .dormant)
        #expect(Lifecycle.state(weeks(26), firstOrder: week(26), monday: monday) == .lost)
        #expect(Lifecycle.state(weeks(0), firstOrder: monday + 7, monday: monday) == nil)         // not a customer yet
    }

    @Test func countsCustomersNotVisitors() {
        let lastDay = CivilDate(year: 2026, month: 11, day: 22)
        func order(_ c: UInt64, weeksAgo: Int) -> HistoryFacts.Order {
            HistoryFacts.Order(customer: Pseudonym(raw: c), orderID: "o\(c)-\(weeksAgo)",
                               day: CivilDate(dayNumber: week(weeksAgo) + 2), valueCents: 100, channel: nil)
        }
        let visits: [Pseudonym: Set<Int>] = [
            Pseudonym(raw: 1): weeks(0),        // new
            Pseudonym(raw: 2): weeks(0, 1),     // returning, was new the week before
            Pseudonym(raw: 3): weeks(0, 10),    // resurrected, was dormant
            Pseudonym(raw: 4): weeks(26),       // lost, was dormant (25 weeks) the week before
            Pseudonym(raw: 5): weeks(0, 1, 2),  // visits, never an order: a visitor, not a customer
        ]
        let orders = [order(1, weeksAgo: 0), order(2, weeksAgo: 1), order(3, weeksAgo: 10), order(4, weeksAgo: 26),
                      // an imported order with no visit recorded, back after three months: resurrected
                      order(6, weeksAgo: 13), order(6, weeksAgo: 0)]
        var all = visits
        for o in orders { all[o.customer, default: []].insert(CivilDate.monday(ofDay: o.day.dayNumber)) }
        let info = Lifecycle.info(all, orders: orders, lastDay: lastDay)
        #expect(info.week == "2026-W47")
        #expect(info.counts == ["new": 1, "returning": 1, "resurrected": 2, "dormant": 0, "lost": 1])
        #expect(info.flows.map { "\($0.from ?? "-")>\($0.to):\($0.customers)" }
                == ["-" + ">new:1", "dormant>lost:1", "dormant>resurrected:2", "new>returning:1"])
    }
}

/// CLV per first channel and tier from a year of the history's orders.
@Suite struct HistoryCustomerValueTests {
    @Test func aYearOfOrdersNotAnnualisedFromAWeek() throws {
        let asOf = CivilDate(year: 2026, month: 11, day: 22)
        func order(_ c: UInt64, _ id: String, _ daysBefore: Int, _ cents: Int64, _ channel: Channel?) -> HistoryFacts.Order {
            HistoryFacts.Order(customer: Pseudonym(raw: c), orderID: id, day: asOf.adding(days: -daysBefore), valueCents: cents, channel: channel)
        }
        // customer 1 came by paid search 500 days ago and ordered three times in the last year;
        // customer 2 is known from an imported order only (no channel)
        let orders = [order(1, "a", 500, 1_000, .paidSearch), order(1, "b", 100, 6_000, .direct), order(1, "c", 50, 6_000, nil),
                      order(1, "d", 10, 6_000, nil), order(2, "e", 30, 2_000, nil)]
        let info = try #require(CustomerValue.section(history: orders, asOf: asOf, lifespanYears: CustomerValue.lifespan(history: orders, asOf: asOf, configured: 2).years))
        #expect(info.windowDays == 365)
        // the year: 4 orders, 200.00, 2 buyers: AOV 50, 2 orders per buyer and year, CLV 50 * 2 * 2 = 200
        let all = try #require(info.all)
        #expect(all.buyers == 2 && all.aov == 50 && all.purchasesPerYear == 2 && all.value == 200)
        // channels: only customers whose first order has a channel; customer 1's first is paid search
        #expect(info.channels.map(\.channel) == ["paid_search"])
        #expect(info.channels.first?.clv?.value == 360)  // 3 orders of 60: AOV 60 * 3 per year * 2 years
        #expect(info.tiers.map(\.tier) == ["high", "medium"])
    }
}

/// The retention cost, when the config gives last year's retention spend.
@Suite struct RetentionCostTests {
    @Test func lastYearsSpendPerCustomerWhoCameBack() throws {
        let asOf = CivilDate(year: 2026, month: 11, day: 22)
        func order(_ c: UInt64, _ id: String, _ year: Int, _ month: Int) -> HistoryFacts.Order {
            HistoryFacts.Order(customer: Pseudonym(raw: c), orderID: id, day: CivilDate(year: year, month: month, day: 1), valueCents: 100, channel: nil)
        }
        // 2025: customers 1, 2, 3; of them 1 and 3 ordered again in 2026
        let orders = [order(1, "a", 2025, 3), order(2, "b", 2025, 5), order(3, "c", 2025, 7),
                      order(1, "d", 2026, 2), order(3, "e", 2026, 10), order(4, "f", 2026, 11)]
        #expect(Retention.returning(orders, year: 2025, asOf: asOf) == (2, 3))
        let figures = HistoryFigures.figures(orders, asOf: asOf, lifespanYears: 3, retentionSpend: [2025: 1_000])
        #expect(figures.first { $0.key == "retention_cost" }?.value == 500)  // 1,000 / 2 customers
        // without the spend: no figure
        #expect(!HistoryFigures.figures(orders, asOf: asOf, lifespanYears: 3).contains { $0.key == "retention_cost" })
    }
}

/// A year earlier from the history's orders, when no report of that week was recorded.
@Suite struct YearAgoFromOrdersTests {
    @Test func theOrdersOfTheSameWeekAYearEarlier() throws {
        var history = HistoryFacts()
        // 2025-W47 is 2025-11-17 to 2025-11-23: two orders in it, one the week before
        func order(_ id: String, _ day: Int, _ cents: Int64) -> HistoryFacts.Order {
            HistoryFacts.Order(customer: Pseudonym(raw: 1), orderID: id, day: CivilDate(year: 2025, month: 11, day: day), valueCents: cents, channel: nil)
        }
        history.orders = CustomerHistory([order("a", 12, 500), order("b", 17, 1_000), order("c", 23, 3_000)])
        history.yearAgoPeriod = ("2025-W47", CivilDate(year: 2025, month: 11, day: 17), CivilDate(year: 2025, month: 11, day: 23))
        var kpis = [KPI(key: "orders", label: "Orders", unit: .count, value: 9, better: .higher, definition: ""),
                    KPI(key: "aov", label: "AOV", unit: .money, value: 30, better: .higher, definition: "")]
        HistoryFigures.addTrends(&kpis, history, period: "2026-W47")
        #expect(kpis[0].yearAgo == 2)
        #expect(kpis[1].yearAgo == 20)  // (10 + 30) / 2
        // 9 orders against 2: z = 7 / sqrt(11) = 2.11, larger than noise
        #expect(kpis[0].yearAgoSignificant == true)
    }
}

/// The lifespan from two years of history.
@Suite struct LifespanTests {
    @Test func yearlyRetentionGivesTheLifespan() throws {
        let asOf = CivilDate(year: 2026, month: 11, day: 22)
        func order(_ c: UInt64, _ id: String, _ daysBefore: Int) -> HistoryFacts.Order {
            HistoryFacts.Order(customer: Pseudonym(raw: c), orderID: id, day: asOf.adding(days: -daysBefore), valueCents: 100, channel: nil)
        }
        // the year before last: customers 1-4; in the last year 1 and 2 again (and 5, new): r = 0.5, lifespan 2 years
        let orders = [order(1, "a", 700), order(2, "b", 600), order(3, "c", 500), order(4, "d", 400), order(9, "z", 729),
                      order(1, "e", 100), order(2, "f", 50), order(5, "g", 10)]
        let measured = try #require(Retention.lifespanYears(orders, asOf: asOf))
        #expect(measured.retention == 0.4 && abs(measured.years - 1 / 0.6) < 1e-12)  // 2 of 5 (9 counts too)
        // less than two years of history: none
        #expect(Retention.lifespanYears(Array(orders.dropFirst(5)), asOf: asOf) == nil)
    }
}
