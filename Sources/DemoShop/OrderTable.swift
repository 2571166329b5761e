import JourneysCore

/// The demo shop's order table from before its logs: 18 months of orders up to the day before
/// the first log day, as a shop system would export them (`customer_id,order_id,ordered_at,value`,
/// the layout `journeys history import` reads).
///
/// Exists because five weeks of logs cannot show repeat purchases over a year, purchases per
/// customer and year, customer value, cohorts by first-purchase month or a BG/NBD fit; imported
/// into the history, this table gives those figures something to count. It is generated the way
/// the logs are: from the seed only, no clock, no dictionary order, so equal options give the same
/// bytes. Its own generator is seeded apart from the logs', so writing it changes no log byte.
///
/// The customers are the shop's account holders from before the logs (the customer ids the logs'
/// logged-in visitors carry, `c-104…` and up) and four times as many who never show up in the
/// logs (lower ids, `c-10399…` and down). Each joins with a first
/// order on a day drawn from a growing, seasonal curve (November and December, Black Week above
/// all), then buys as BG/NBD describes: while active at a rate of their own (most rarely, a few
/// often), more often in the season, and after each repeat order they drop out for good with a
/// probability of their own. Customers who log in during the logs never drop out (they are
/// evidently still around). Baskets come from the catalog (one to four items, a favourite
/// category, an occasional voucher), so values end in .90 and .99 like the logs' orders. Order
/// numbers count up with time and end just below the logs' first order number (NL-318…).
package enum OrderTable {
    /// The header of the file.
    package static let header = "customer_id,order_id,ordered_at,value"

    /// How many months before the first log day the table begins.
    package static let months = 18

    /// One order of the table.
    package struct Row: Sendable, Equatable {
        package var customerId: String
        package var orderId: String
        /// UTC instant, seconds since 1970.
        package var time: Int64
        package var cents: Int
    }

    /// The table for the log window beginning on local day `firstLogDay`: `priorCustomers` are the
    /// ids of the accounts that existed before it (in creation order), `loggedIn` those of them
    /// that log in during the logs.
    static func rows(firstLogDay: Int, priorCustomers: [String], loggedIn: Set<String>,
                     seed: UInt64, clock: inout ShopClock) throws -> [Row] {
        let first = CivilDate(dayNumber: firstLogDay)
        var startMonth = first.month - months, startYear = first.year
        while startMonth < 1 { startMonth += 12; startYear -= 1 }
        let start = CivilDate(year: startYear, month: startMonth,
                              day: min(first.day, CivilDate.daysIn(year: startYear, month: startMonth))).dayNumber
        let dayCount = firstLogDay - start
        var rng = RandomSource(seed: seed ^ 0x4F52_4445_5254_4142)  // "ORDERTAB": apart from the logs' stream

        // How likely a first order falls on each day: the shop grows by some 60 % over the 18
        // months, and the season lifts November and December.
        var joinWeights = [Double](repeating: 0, count: dayCount)
        var cumulative = [Double](repeating: 0, count: dayCount)
        var total = 0.0
        for i in 0..<dayCount {
            joinWeights[i] = (0.8 + 0.5 * Double(i) / Double(max(1, dayCount - 1))) * season(day: start + i)
            total += joinWeights[i]
            cumulative[i] = total
        }
        func joinDay() -> Int {
            let x = rng.unit() * total
            var low = 0, high = dayCount - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] > x { high = mid } else { low = mid + 1 }
            }
            return low
        }

        // The customers: the logs' earlier account holders (most of them with an order in the 18
        // months, all who log in during the logs), then four times as many who never show up there.
        struct Customer {
            var id: String
            var join: Int
            var active: Bool
        }
        var customers: [Customer] = []
        for id in priorCustomers where loggedIn.contains(id) || rng.chance(0.8) {
            customers.append(Customer(id: id, join: joinDay(), active: loggedIn.contains(id)))
        }
        let others = max(1, priorCustomers.count * 4)
        var otherJoins = (0..<others).map { _ in joinDay() }
        otherJoins.sort()
        // Older accounts have lower numbers: count down from just below the first account of the logs.
        guard others <= 103_000 else {
            throw SampleError.invalidOptions("the order table would need \(others) customer ids below c-104000; lower the daily visits")
        }
        let idGap = max(1, min(9, 103_000 / others))
        var nextId = 104_000
        var otherIds = [String](repeating: "", count: others)
        for k in stride(from: others - 1, through: 0, by: -1) {
            nextId -= rng.int(1...idGap)
            otherIds[k] = "c-\(nextId)"
        }
        for k in 0..<others { customers.append(Customer(id: otherIds[k], join: otherJoins[k], active: false)) }

        // Their orders: the first on the join day, then BG/NBD day by day.
        var rows: [(row: Row, seq: Int)] = []
        var seq = 0
        for c in customers {
            // Purchases per year while active: mostly rare, a long tail of frequent buyers.
            let u = rng.unit()
            let perYear = 0.15 + 7.0 * u * u * u * u
            // Probability of dropping out after a repeat order.
            let d = rng.unit()
            let dropout = 0.02 + 0.8 * d * d
            let basket = Basket(rng: &rng)
            var alive = true
            for i in c.join..<dayCount where alive {
                let day = start + i
                if i > c.join {
                    guard rng.chance(perYear / 365 * season(day: day)) else { continue }
                }
                let cents = basket.value(day: day, rng: &rng)
                let second = rng.weighted(Marketing.hourWeights) * 3600 + rng.below(3600)
                rows.append((Row(customerId: c.id, orderId: "", time: clock.instant(day: day, secondOfDay: second), cents: cents), seq))
                seq += 1
                if i > c.join && !c.active && rng.chance(dropout) { alive = false }
            }
        }

        // In time order, numbered up to just below the logs' first order number.
        rows.sort { ($0.row.time, $0.seq) < ($1.row.time, $1.seq) }
        guard rows.count <= 300_000 else {
            throw SampleError.invalidOptions("the order table would need \(rows.count) order numbers below NL-318000; lower the daily visits")
        }
        let orderGap = max(1, min(3, 300_000 / max(1, rows.count)))
        var nextOrder = 318_000
        for k in stride(from: rows.count - 1, through: 0, by: -1) {
            nextOrder -= rng.int(1...orderGap)
            rows[k].row.orderId = "NL-\(nextOrder)"
        }
        return rows.map(\.row)
    }

    /// The CSV file: the header, then one line per order, times with the shop's offset
    /// (`2025-11-28T20:14:03+01:00`), values in euros with two decimals.
    static func csv(_ rows: [Row], clock: inout ShopClock) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(48 * (rows.count + 1))
        out.append(contentsOf: header.utf8)
        out.append(UInt8(ascii: "\n"))
        for r in rows {
            out.append(contentsOf: r.customerId.utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: r.orderId.utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: timestamp(r.time, offset: clock.offset(at: r.time)).utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: Catalog.euros(r.cents).utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// `2025-11-28T20:14:03+01:00` for the UTC instant `t` shown at `offset` seconds east of UTC.
    static func timestamp(_ t: Int64, offset: Int) -> String {
        let local = t + Int64(offset)
        let day = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let second = Int(local - Int64(day) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = offset < 0 ? "-" : "+"
        let o = abs(offset) / 60
        return "\(CivilDate(dayNumber: day))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))"
            + "\(sign)\(two(o / 60)):\(two(o % 60))"
    }

    /// How much more (or less) people buy on a day than on an average one: November and December
    /// lead, Black Week (Monday to Cyber Monday around the fourth Friday of November) most of all,
    /// January and February are quiet, the summer sale lifts July a little.
    static func season(day: Int) -> Double {
        let date = CivilDate(dayNumber: day)
        let byMonth = [0.70, 0.72, 0.88, 0.92, 0.95, 0.90, 1.00, 0.85, 0.95, 1.10, 1.70, 1.55]
        var factor = byMonth[date.month - 1]
        // Black Friday: the Friday after the fourth Thursday of November.
        let november1 = CivilDate(year: date.year, month: 11, day: 1)
        let firstThursday = 1 + (4 - november1.isoWeekday + 7) % 7
        let blackFriday = CivilDate(year: date.year, month: 11, day: firstThursday + 22).dayNumber
        if day >= blackFriday - 4 && day <= blackFriday + 3 { factor *= 2.2 }
        // Christmas: orders stop after the last shipping day.
        if date.month == 12 && date.day >= 21 && date.day <= 26 { factor *= 0.45 }
        return factor
    }

    /// A customer's taste: favourite category, how many items they take, how often they use a voucher.
    private struct Basket {
        var favourite: Int
        var moreItems: Double
        var voucher: Double

        init(rng: inout RandomSource) {
            favourite = rng.weighted(Catalog.categoryWeights)
            moreItems = 0.05 + 0.3 * rng.unit()
            voucher = 0.02 + 0.2 * rng.unit()
        }

        /// One order's value in cents.
        func value(day: Int, rng: inout RandomSource) -> Int {
            let items = 1 + rng.repeats(moreItems, max: 3)
            var cents = 0
            for _ in 0..<items {
                let product: Int
                if rng.chance(0.6) {
                    let own = Catalog.productsByCategory[favourite]
                    product = own[rng.weighted(own.map { Catalog.productWeights[$0] })]
                } else {
                    product = rng.weighted(Catalog.productWeights)
                }
                cents += Catalog.products[product].priceCents
            }
            // 10 % off with a voucher, 20 % in Black Week; rounded to the cent.
            if rng.chance(voucher) {
                let off = season(day: day) > 2 ? 20 : 10
                cents = (cents * (100 - off) + 50) / 100
            }
            return cents
        }
    }
}
