import Sections
import JourneysCore

/// Every customer's orders, grouped by customer once, so that the history's figures (repeat
/// buyers, customer value, cohorts, lifecycle, the CLV models), each asked as of several days,
/// walk one customer at a time through flat arrays instead of regrouping every order by
/// customer in a dictionary: a history of ten million orders is read through once per figure.
///
/// Customers are in pseudonym order; each customer's orders are in the order they were added
/// (the history's listing: by time), as a day and a value. What does not depend on the as-of
/// day is kept per customer: the first order day and the two first-channel rules the figures
/// use (see `firstChannel` and `listedFirstChannel`).
package struct CustomerHistory: Sendable, Equatable {
    /// The customers, in ascending pseudonym order.
    package private(set) var pseudonyms: [Pseudonym] = []
    /// Customer k's orders are at `starts[k] ..< starts[k + 1]` of `days` and `cents`.
    private(set) var starts: [Int] = [0]
    /// Each order's day (days since 1970-01-01), grouped by customer.
    private(set) var days: [Int32] = []
    /// Each order's value in cents, grouped by customer.
    private(set) var cents: [Int64] = []
    /// Each customer's first order day.
    private(set) var firstDays: [Int32] = []
    /// The channel of the customer's first order by (day, order id); nil when it has none.
    private(set) var firstChannels: [Channel?] = []
    /// The channel of the first listed order of the customer's first day.
    private(set) var listedFirstChannels: [Channel?] = []

    package init() {}

    /// The orders grouped as `Builder` groups them, each order id once (its first listing).
    package init(_ orders: some Sequence<HistoryFacts.Order>) {
        var builder = Builder()
        var seen = Set<String>()
        for o in orders where seen.insert(o.orderID).inserted {
            builder.add(customer: o.customer, day: o.day.dayNumber, cents: o.valueCents, channel: o.channel, orderID: o.orderID)
        }
        self = builder.finish()
    }

    /// How many customers have an order.
    package var count: Int { pseudonyms.count }
    /// How many orders there are.
    package var orderCount: Int { days.count }

    /// The earliest order day of all, if any.
    package var firstDay: Int? { firstDays.min().map(Int.init) }

    /// Customer `k`'s orders: positions in `days` and `cents`.
    @inline(__always) func orders(of k: Int) -> Range<Int> { starts[k]..<starts[k + 1] }
    @inline(__always) func day(_ i: Int) -> Int { Int(days[i]) }
    @inline(__always) func value(_ i: Int) -> Int64 { cents[i] }
    @inline(__always) func firstDay(of k: Int) -> Int { Int(firstDays[k]) }
    /// The channel of customer `k`'s first order, the smallest (day, order id).
    @inline(__always) func firstChannel(of k: Int) -> Channel? { firstChannels[k] }
    /// The channel of customer `k`'s first order on their first day in the order they were listed.
    @inline(__always) func listedFirstChannel(of k: Int) -> Channel? { listedFirstChannels[k] }

    /// The distinct order days of customer `k` on or before `last`, ascending.
    func purchaseDays(of k: Int, through last: Int) -> [Int] {
        var out: [Int] = []
        for i in orders(of: k) where day(i) <= last { out.append(day(i)) }
        out.sort()
        var unique: [Int] = []
        unique.reserveCapacity(out.count)
        for d in out where unique.last != d { unique.append(d) }
        return unique
    }

    /// The index of `customer`, if they have an order.
    package func index(of customer: Pseudonym) -> Int? {
        var lo = 0, hi = pseudonyms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pseudonyms[mid] < customer { lo = mid + 1 } else { hi = mid }
        }
        return lo < pseudonyms.count && pseudonyms[lo] == customer ? lo : nil
    }

    /// Groups orders added in the history's order (each id once) by customer: each order is
    /// kept as an index of its customer, a day, a value; the first day's order ids are compared
    /// as they come, so that no order id is kept.
    package struct Builder {
        private var index: [Pseudonym: Int32] = [:]
        private var customers: [Pseudonym] = []
        private var firstDays: [Int32] = []
        private var firstIDs: [String] = []
        private var firstChannels: [Channel?] = []
        private var listedChannels: [Channel?] = []
        private var owners: [Int32] = []
        private var days: [Int32] = []
        private var cents: [Int64] = []

        package init() {}

        /// Adds one order; `orderID` is read only when the order falls on its customer's first
        /// day so far.
        package mutating func add(customer: Pseudonym, day: Int, cents value: Int64, channel: Channel?,
                                  orderID: @autoclosure () -> String) {
            let d = Int32(clamping: day)
            let k: Int
            if let known = index[customer] {
                k = Int(known)
                if d < firstDays[k] {
                    let id = orderID()
                    (firstDays[k], firstIDs[k], firstChannels[k], listedChannels[k]) = (d, id, channel, channel)
                } else if d == firstDays[k] {
                    let id = orderID()
                    if id < firstIDs[k] { (firstIDs[k], firstChannels[k]) = (id, channel) }
                }
            } else {
                k = customers.count
                index[customer] = Int32(k)
                customers.append(customer)
                firstDays.append(d)
                firstIDs.append(orderID())
                firstChannels.append(channel)
                listedChannels.append(channel)
            }
            owners.append(Int32(k))
            days.append(d)
            cents.append(value)
        }

        /// The orders grouped by customer, customers by pseudonym, each customer's orders in the
        /// order they were added.
        package consuming func finish() -> CustomerHistory {
            index = [:]
            firstIDs = []
            let order = customers.indices.sorted { customers[$0] < customers[$1] }
            var rank = [Int32](repeating: 0, count: customers.count)
            for (r, k) in order.enumerated() { rank[k] = Int32(r) }
            var out = CustomerHistory()
            out.pseudonyms = order.map { customers[$0] }
            out.firstDays = order.map { firstDays[$0] }
            out.firstChannels = order.map { firstChannels[$0] }
            out.listedFirstChannels = order.map { listedChannels[$0] }
            // a counting sort by rank keeps each customer's orders in the order they came
            var starts = [Int](repeating: 0, count: customers.count + 1)
            for k in owners { starts[Int(rank[Int(k)]) + 1] += 1 }
            for r in 0..<customers.count { starts[r + 1] += starts[r] }
            var next = starts
            var sortedDays = [Int32](repeating: 0, count: days.count)
            var sortedCents = [Int64](repeating: 0, count: days.count)
            for i in owners.indices {
                let r = Int(rank[Int(owners[i])])
                sortedDays[next[r]] = days[i]
                sortedCents[next[r]] = cents[i]
                next[r] += 1
            }
            out.starts = starts
            out.days = sortedDays
            out.cents = sortedCents
            return out
        }
    }

    /// Groups orders that come already grouped: customer by customer in ascending pseudonym order
    /// (as `HistoryStore.eachOrderByCustomer` reads them through its index), each customer's
    /// orders in their listing order. The history is built as it comes, with no dictionary of
    /// customers and no regrouping, and equals what `Builder` makes of the same orders.
    package struct GroupedBuilder {
        private var out = CustomerHistory()
        /// The smallest order id of the current customer's first day.
        private var firstID = ""

        package init() {}

        /// Adds one order of the current customer, or of a customer after every one added so far;
        /// `orderID` is read only when the order falls on its customer's first day so far.
        package mutating func add(customer: Pseudonym, day: Int, cents value: Int64, channel: Channel?,
                                  orderID: @autoclosure () -> String) {
            let d = Int32(clamping: day)
            if let last = out.pseudonyms.last, last == customer {
                let k = out.pseudonyms.count - 1
                if d < out.firstDays[k] {
                    firstID = orderID()
                    (out.firstDays[k], out.firstChannels[k], out.listedFirstChannels[k]) = (d, channel, channel)
                } else if d == out.firstDays[k] {
                    let id = orderID()
                    if id < firstID { (firstID, out.firstChannels[k]) = (id, channel) }
                }
            } else {
                precondition(out.pseudonyms.last.map { $0 < customer } ?? true, "customers must come in ascending order, each once")
                if !out.pseudonyms.isEmpty { out.starts.append(out.days.count) }
                out.pseudonyms.append(customer)
                out.firstDays.append(d)
                firstID = orderID()
                out.firstChannels.append(channel)
                out.listedFirstChannels.append(channel)
            }
            out.days.append(d)
            out.cents.append(value)
        }

        /// The orders added, grouped by customer.
        package consuming func finish() -> CustomerHistory {
            if !out.pseudonyms.isEmpty { out.starts.append(out.days.count) }
            return out
        }
    }
}
