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
            try body(StoredOrder(customer: Pseudonym(stored: statement.int64(1)), time: time, valueCents: value, channel: channel,
                                 isMarked: statement.int64(5) != 0, row: statement))
        }
    }
}
