import Foundation
import JourneysCore

/// One order as `HistoryStore.eachOrder` reads it: its fields without the order id, which is
/// made into a string only when asked for (`id()`), so that a history of millions of orders is
/// read without a string per order.
package struct StoredOrder {
    package var customer: Pseudonym
    /// Unix seconds.
    package var time: Int64
    package var valueCents: Int64
    /// The channel of the visit it was placed in; nil for an imported order.
    package var channel: Channel?
    /// Whether its id is one of the ids `eachOrder` was asked to mark.
    package var isMarked: Bool
    let row: SQLiteStatement

    /// The shop's order number.
    package func id() -> String { row.text(0) }
}

extension HistoryStore {
    /// Every order placed before `end`, as `orders(before:notRecordedBy:)` lists and checks them
    /// (oldest first, the same refusals), one at a time: nothing is kept per order. An order whose
    /// id is in `marked` says so (`StoredOrder.isMarked`), so that orders the logs also hold are
    /// found without making every order's id a string.
    package func eachOrder(before end: Int64, notRecordedBy period: String? = nil, marking marked: Set<String> = [],
                           _ body: (StoredOrder) throws -> Void) throws {
        let ids = try String(decoding: JSONEncoder().encode(marked.sorted()), as: UTF8.self)
        let statement = try db.prepare("""
            SELECT order_id, customer, time, value_cents, channel, order_id IN (SELECT value FROM json_each(?3)) FROM orders
            WHERE time < ?1 AND (?2 IS NULL OR period IS NULL OR period <> ?2) ORDER BY time, order_id
            """)
        try statement.bind([.integer(end), .text(period), .text(ids)])
        var total: Int64 = 0
        while try statement.step() {
            try body(try checkedOrder(statement, total: &total, isMarked: statement.int64(5) != 0))
        }
    }

    /// Every order placed before `end`, checked and left out as `eachOrder` does, customer by
    /// customer in ascending pseudonym order (`Pseudonym`'s order: its 64 bits unsigned, so the
    /// customers stored as non-negative integers come first), each customer's orders by time,
    /// then order id: the order of the index `orders_by_customer_time`, which holds every column
    /// read here, so SQLite neither sorts nor looks a row up. No order is marked.
    package func eachOrderByCustomer(before end: Int64, notRecordedBy period: String? = nil,
                                     _ body: (StoredOrder) throws -> Void) throws {
        let statement = try db.prepare(Self.ordersByCustomer)
        var total: Int64 = 0
        for (low, high) in [(Int64(0), Int64.max), (Int64.min, Int64(-1))] {
            try statement.bind([.integer(end), .text(period), .integer(low), .integer(high)])
            while try statement.step() {
                try body(try checkedOrder(statement, total: &total, isMarked: false))
            }
        }
    }

    /// The query of `eachOrderByCustomer`, for one range of the stored customer integers.
    static let ordersByCustomer = """
        SELECT order_id, customer, time, value_cents, channel FROM orders
        WHERE customer BETWEEN ?3 AND ?4 AND time < ?1 AND (?2 IS NULL OR period IS NULL OR period <> ?2)
        ORDER BY customer, time, order_id
        """

    /// The times of the orders among `ids` placed before `end`, left out the rows an earlier run
    /// of `notRecordedBy` wrote: which of the orders the logs hold the history holds too, and since
    /// when. Looked up by order id.
    package func orderTimes(of ids: Set<String>, before end: Int64, notRecordedBy period: String? = nil) throws -> [String: Int64] {
        guard !ids.isEmpty else { return [:] }
        let json = try String(decoding: JSONEncoder().encode(ids.sorted()), as: UTF8.self)
        var out: [String: Int64] = [:]
        for (id, time) in try db.prepare("""
            SELECT order_id, time FROM orders
            WHERE order_id IN (SELECT value FROM json_each(?3)) AND time < ?1 AND (?2 IS NULL OR period IS NULL OR period <> ?2)
            """).rows(.integer(end), .text(period), .text(json), map: { ($0.text(0), $0.int64(1)) }) {
            out[id] = time
        }
        return out
    }

    /// The order at `statement`'s row (columns order_id, customer, time, value_cents, channel),
    /// refused when no history journeys writes holds it; `total` adds up the values read so far.
    private func checkedOrder(_ statement: SQLiteStatement, total: inout Int64, isMarked: Bool) throws -> StoredOrder {
        let value = statement.int64(3), time = statement.int64(2)
        guard Self.orderTimes.contains(time) else {
            throw HistoryError(file: path, message: "order '\(statement.text(0).prefix(40))' has a time (\(time)) outside 1970 to 2199; the file is not a history journeys wrote")
        }
        guard value <= MoneyText.maxCeilingCents else {
            throw HistoryError(file: path, message: "order '\(statement.text(0).prefix(40))' has a value_cents (\(value)) above the highest orders.max_value (10,000,000.00); the file is not a history journeys wrote")
        }
        guard value >= 0 else {
            throw HistoryError(file: path, message: "order '\(statement.text(0))' has a negative value_cents (\(value)); an order's value is never negative")
        }
        let (sum, overflow) = total.addingReportingOverflow(value)
        guard !overflow else {
            throw HistoryError(file: path, message: "the orders' value_cents add up to more than 64-bit cents hold (at order '\(statement.text(0))', \(value) cents); the file is not a history journeys wrote")
        }
        total = sum
        var channel: Channel? = nil
        if let text = statement.optionalText(4) {
            guard let c = Channel(rawValue: text) else {
                throw HistoryError(file: path, message: "orders.channel holds '\(text.prefix(40))', which this journeys cannot read")
            }
            channel = c
        }
        return StoredOrder(customer: Pseudonym(stored: statement.int64(1)), time: time, valueCents: value, channel: channel,
                           isMarked: isMarked, row: statement)
    }
}
