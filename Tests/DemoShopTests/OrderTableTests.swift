import CLVModels
import DemoShop
import Foundation
import JourneysCore
import Testing

/// The demo shop's order table of the 18 months before its logs (`journeys sample --orders`):
/// deterministic, in the layout `journeys history import` reads, joined to the logs' customers,
/// apart from the logs' order numbers, and rich enough for repeat-purchase figures and a BG/NBD fit.
@Suite struct OrderTableTests {
    /// The default demo (5 weeks, 700 visits a day) with its table, generated once for the suite.
    struct Demo: Sendable {
        var summary: OrderTableSummary
        var bytes: Data
        /// Customer ids in the user field of the logs' readable lines.
        var logCustomers: Set<String>
        /// Order numbers of the logs' confirmation pages.
        var logOrders: Set<String>
        var firstLogDate: String
    }

    struct Failure: Error, Sendable { var message: String }

    static let demo: Result<Demo, Failure> = {
        do {
            let dir = try TemporaryDirectory()
            let logs = dir.path + "/logs", table = dir.path + "/orders.csv"
            let sample = try SampleGenerator.write(to: logs, options: SampleOptions(), orderTable: table)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: table))
            var logCustomers = Set<String>(), logOrders = Set<String>()
            for path in sample.files {
                for line in try logLines(path) {
                    guard let p = ParsedLine(line) else { continue }
                    if p.user != "-" { logCustomers.insert(p.user) }
                    if let target = p.target, target.hasPrefix("/checkout/confirmation?order="),
                       let order = target.dropFirst("/checkout/confirmation?order=".count).split(separator: "&").first {
                        logOrders.insert(String(order))
                    }
                }
            }
            guard let summary = sample.orderTable else { return .failure(Failure(message: "no order table in the summary")) }
            return .success(Demo(summary: summary, bytes: bytes, logCustomers: logCustomers, logOrders: logOrders,
                                 firstLogDate: sample.days[0].date))
        } catch {
            return .failure(Failure(message: "\(error)"))
        }
    }()

    /// One line of the table, parsed by the test's own rules.
    struct Row: Sendable {
        var customer: String
        var order: String
        /// Local date as written, e.g. "2025-11-28".
        var date: String
        /// Seconds since 1970, UTC.
        var time: Int
        var cents: Int
    }

    /// Reads the table strictly: the header, then `c-<digits>,NL-<digits>,<date>T<time>±hh:mm,<euros>.<cents>`.
    static func parse(_ data: Data) throws -> [Row] {
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.hasSuffix("\n"))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.removeLast() == "")
        #expect(lines.first == "customer_id,order_id,ordered_at,value")
        let digits: (Substring) -> Bool = { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        return try lines.dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            try #require(f.count == 4, "\(line)")
            try #require(f[0].hasPrefix("c-") && digits(f[0].dropFirst(2)), "\(line)")
            try #require(f[1].hasPrefix("NL-") && digits(f[1].dropFirst(3)), "\(line)")
            // 2025-11-28T20:14:03+01:00
            let t = Array(f[2].utf8)
            try #require(t.count == 25 && t[10] == UInt8(ascii: "T") && t[19] == UInt8(ascii: "+") && t[22] == UInt8(ascii: ":"), "\(line)")
            let date = try #require(CivilDate(f[2].prefix(10)), "\(line)")
            func n(_ r: Range<Int>) throws -> Int { try #require(Int(String(decoding: t[r], as: UTF8.self))) }
            let (h, m, s, oh, om) = (try n(11..<13), try n(14..<16), try n(17..<19), try n(20..<22), try n(23..<25))
            try #require(h < 24 && m < 60 && s < 60 && (oh == 1 || oh == 2) && om == 0, "\(line)")
            let value = f[3].split(separator: ".", omittingEmptySubsequences: false)
            try #require(value.count == 2 && digits(value[0]) && value[1].count == 2 && digits(value[1]), "\(line)")
            return Row(customer: String(f[0]), order: String(f[1]), date: date.description,
                       time: date.dayNumber * 86_400 + h * 3600 + m * 60 + s - oh * 3600,
                       cents: Int(value[0])! * 100 + Int(value[1])!)
        }
    }

    static func ordersByCustomer(_ rows: [Row]) -> [String: [Row]] {
        Dictionary(grouping: rows, by: \.customer)
    }

    @Test func sameOptionsGiveTheSameBytesAnotherSeedOthers() throws {
        let a = try TemporaryDirectory(), b = try TemporaryDirectory(), c = try TemporaryDirectory()
        let options = smallOptions(weeks: 5, dailyVisits: 60)
        var other = options
        other.seed = 48
        let sa = try SampleGenerator.write(to: a.path + "/logs", options: options, orderTable: a.path + "/orders.csv")
        let sb = try SampleGenerator.write(to: b.path + "/logs", options: options, orderTable: b.path + "/orders.csv")
        _ = try SampleGenerator.write(to: c.path + "/logs", options: other, orderTable: c.path + "/orders.csv")
        let ta = try Data(contentsOf: URL(fileURLWithPath: a.path + "/orders.csv"))
        #expect(ta == (try Data(contentsOf: URL(fileURLWithPath: b.path + "/orders.csv"))))
        #expect(ta != (try Data(contentsOf: URL(fileURLWithPath: c.path + "/orders.csv"))))
        var expected = try #require(sb.orderTable)
        expected.path = a.path + "/orders.csv"
        #expect(sa.orderTable == expected)
    }

    @Test func theLogsAreTheSameBytesWithOrWithoutTheTable() throws {
        let a = try TemporaryDirectory(), b = try TemporaryDirectory()
        let options = smallOptions(weeks: 2, dailyVisits: 60)
        let with = try SampleGenerator.write(to: a.path + "/logs", options: options, orderTable: a.path + "/orders.csv")
        let without = try SampleGenerator.write(to: b.path + "/logs", options: options)
        #expect(without.orderTable == nil)
        #expect(with.days == without.days)
        for (fa, fb) in zip(with.files, without.files) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: fa)) == Data(contentsOf: URL(fileURLWithPath: fb)), "\(fa)")
        }
        // The logs' folder holds the logs only, so that `report --input` reads no order table.
        #expect(try FileManager.default.contentsOfDirectory(atPath: a.path + "/logs").sorted() == with.days.map(\.file))
    }

    @Test func aTableInsideTheLogsFolderIsRefused() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: SampleError.self) {
            try SampleGenerator.write(to: dir.path, options: smallOptions(), orderTable: dir.path + "/orders.csv")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func headerAndFormatsParseAndMatchTheSummary() throws {
        let demo = try Self.demo.get()
        let rows = try Self.parse(demo.bytes)
        #expect(demo.summary.rows == rows.count)
        #expect(demo.summary.customers == Set(rows.map(\.customer)).count)
        #expect(demo.summary.revenueCents == rows.reduce(0) { $0 + $1.cents })
        #expect(demo.summary.firstDate == rows.first?.date)
        #expect(demo.summary.lastDate == rows.last?.date)
        // An export in time order, order numbers counting up with it, each once.
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.time <= $1.time })
        let numbers = rows.map { Int($0.order.dropFirst(3))! }
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 })
        // Europe/Berlin: summer time until the last Sunday of October, +01:00 in winter.
        let text = String(decoding: demo.bytes, as: UTF8.self)
        #expect(text.contains("2025-07-") && text.contains("+02:00,") && text.contains("+01:00,"))
        #expect(rows.allSatisfy { $0.cents >= 1_000 && $0.cents <= 200_000 })
        let size = demo.bytes.count
        #expect(size < 2_000_000, "the table has \(size) bytes")
    }

    @Test func customersOverlapTheLogsAndSomeNeverShowUpThere() throws {
        let demo = try Self.demo.get()
        let rows = try Self.parse(demo.bytes)
        let table = Set(rows.map(\.customer))
        let both = table.intersection(demo.logCustomers)
        #expect(both.count == demo.summary.customersInLogs)
        #expect(both.count >= 100, "\(both.count) customers of the table log in during the logs")
        #expect(table.subtracting(demo.logCustomers).count >= table.count / 2)
        // Every account that logs in during the logs and existed before them has ordered before
        // (the accounts opened during the logs have higher numbers than any in the table).
        let highest = table.map { Int($0.dropFirst(2))! }.max()!
        let earlier = demo.logCustomers.filter { Int($0.dropFirst(2))! <= highest }
        #expect(earlier.isSubset(of: table))
    }

    @Test func orderNumbersDoNotCollideWithTheLogs() throws {
        let demo = try Self.demo.get()
        let rows = try Self.parse(demo.bytes)
        let ids = rows.map(\.order)
        #expect(Set(ids).count == ids.count)
        #expect(demo.logOrders.count > 500)
        #expect(demo.logOrders.isDisjoint(with: ids))
        let lowestInLogs = demo.logOrders.map { Int($0.dropFirst(3))! }.min()!
        #expect(ids.allSatisfy { Int($0.dropFirst(3))! < lowestInLogs })
    }

    @Test func coversTheEighteenMonthsBeforeTheFirstLogDayWithSeasons() throws {
        let demo = try Self.demo.get()
        let rows = try Self.parse(demo.bytes)
        #expect(demo.firstLogDate == "2026-10-19")
        let start = CivilDate(year: 2025, month: 4, day: 19), end = CivilDate(year: 2026, month: 10, day: 18)
        let first = try #require(CivilDate(demo.summary.firstDate)), last = try #require(CivilDate(demo.summary.lastDate))
        #expect(first >= start && first.dayNumber <= start.dayNumber + 7)
        #expect(last <= end && last.dayNumber >= end.dayNumber - 3)
        var byMonth: [String: Int] = [:]
        for r in rows { byMonth[String(r.date.prefix(7)), default: 0] += 1 }
        #expect(byMonth.count == 19)  // April 2025 to October 2026
        // November and December lead; the shop grows.
        #expect(Double(byMonth["2025-11"]!) > 1.5 * Double(byMonth["2025-09"]!))
        #expect(Double(byMonth["2025-12"]!) > 1.2 * Double(byMonth["2025-09"]!))
        #expect(byMonth["2026-09"]! > byMonth["2025-09"]!)
        // Customers join in every month (cohorts by first-purchase month).
        var cohorts: [String: Int] = [:]
        for (_, orders) in Self.ordersByCustomer(rows) { cohorts[String(orders[0].date.prefix(7)), default: 0] += 1 }
        #expect(cohorts.count == 19)
        #expect(cohorts.values.allSatisfy { $0 >= 30 })
    }

    @Test func aShareOfCustomersRepeatAndSomeStop() throws {
        let demo = try Self.demo.get()
        let rows = try Self.parse(demo.bytes)
        let byCustomer = Self.ordersByCustomer(rows)
        let repeaters = byCustomer.values.filter { $0.count >= 2 }.count
        #expect(repeaters == demo.summary.repeatCustomers)
        #expect(repeaters >= 500)
        let share = Double(repeaters) / Double(byCustomer.count)
        #expect(share > 0.2 && share < 0.5, "\(share) of the customers repeat")
        // Frequent buyers and one-off ones: purchases per customer vary.
        #expect(byCustomer.values.contains { $0.count >= 6 })
        // Spend varies by customer.
        let means = byCustomer.values.filter { $0.count >= 3 }.map { Double($0.reduce(0) { $0 + $1.cents }) / Double($0.count) }.sorted()
        #expect(means[means.count / 10] * 2 < means[means.count * 9 / 10])
        // Some stop: repeat buyers of the first half year with no order in the last six months.
        let cut = CivilDate(year: 2026, month: 4, day: 18).description
        let lapsed = byCustomer.values.filter { $0.count >= 2 && $0[0].date < "2025-10-19" && $0.last!.date < cut }
        #expect(lapsed.count >= 50)
    }

    @Test func aBGNBDAndAGammaGammaFitAreStable() throws {
        let demo = try Self.demo.get()
        let rows = try Self.parse(demo.bytes)
        let asOf = CivilDate(year: 2026, month: 10, day: 18).dayNumber
        var orders: [String: [CLVModels.Order]] = [:]
        for r in rows {
            let day = try #require(CivilDate(r.date)).dayNumber
            orders[r.customer, default: []].append(CLVModels.Order(day: day, value: Double(r.cents) / 100))
        }
        let customers = CustomerSummary.summaries(of: orders, asOf: asOf).values
        let purchases = BGNBD.fit(customers), spend = GammaGamma.fit(customers)
        #expect(purchases.isStable, "\(purchases.issues)")
        #expect(purchases.repeatCustomers >= 500)
        #expect(spend.isStable, "\(spend.issues)")
        // A quarter earlier, the fit tells the same story: the mean purchase rate r / alpha and the
        // mean drop-out probability a / (a + b) move by less than a fifth.
        let earlier = BGNBD.fit(CustomerSummary.summaries(of: orders, asOf: asOf - 91).values)
        #expect(earlier.isStable, "\(earlier.issues)")
        let (p, q) = (purchases.parameters, earlier.parameters)
        let rates = (p.r / p.alpha, q.r / q.alpha), dropouts = (p.a / (p.a + p.b), q.a / (q.a + q.b))
        #expect(abs(rates.0 / rates.1 - 1) < 0.2, "\(p) against \(q)")
        #expect(abs(dropouts.0 / dropouts.1 - 1) < 0.2, "\(p) against \(q)")
    }
}
