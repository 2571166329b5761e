import ByteCoding
import Foundation
import JourneysCore
#if canImport(Glibc)
import Glibc
#endif

/// What one import of an order table did.
package struct OrderImportCounts: Equatable, Sendable {
    /// Data rows read (not the header, not blank lines).
    package var rows = 0
    /// Orders the history did not hold before.
    package var ordersAdded = 0
    /// Rows whose order id the history already held (from the logs, an earlier import, or an
    /// earlier row of this file): the order is kept once.
    package var ordersAlreadyKnown = 0

    package init(rows: Int = 0, ordersAdded: Int = 0, ordersAlreadyKnown: Int = 0) {
        self.rows = rows; self.ordersAdded = ordersAdded; self.ordersAlreadyKnown = ordersAlreadyKnown
    }
}

extension HistoryStore {
    /// The columns an order table must have, in any order (others are ignored).
    package static let orderTableColumns = ["customer_id", "order_id", "ordered_at", "value"]

    /// Imports a shop's order table (`customer_id,order_id,ordered_at,value`), so that orders
    /// from before the logs count for repeat purchases and customer value. Read line by line,
    /// written in one transaction: the first bad row stops the import with
    /// `FILE:LINE: expected ...` naming the column, and nothing of the file is kept.
    ///
    /// Customer ids become pseudonyms through `pseudonymize` (the pipeline's
    /// `Pseudonym.customer`, so they are the customers the logs name); the raw ids are never
    /// stored. Order ids are stored as given, the shop's own order numbers. A date without a
    /// time is the first instant of that day in `timeZone`. An order id the history already
    /// holds is kept once, by the rule of `record`; an imported customer's first-seen day is the
    /// day of their first order, with no first channel.
    /// A value is read as the logs' order values are (`MoneyText`, in `currency` when given); a value above
    /// `maxValueCents` (`orders.max_value`) stops the import like any bad row.
    package func importOrders(csv path: String, timeZone: TimeZone, maxValueCents: Int64 = MoneyText.defaultCeilingCents,
                              currency: String? = nil, pseudonymize: (String) -> Pseudonym) throws -> OrderImportCounts {
        guard let file = fopen(path, "rb") else {
            throw HistoryError(file: path, message: "cannot open the order table: \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        return try db.transaction {
            let known = try db.prepare("SELECT 1 FROM orders WHERE order_id = ?1")
            let order = try db.prepare(Self.upsertOrder)
            let customer = try db.prepare(Self.upsertCustomer)
            var columns: [String: Int] = [:], fieldCount = 0
            var counts = OrderImportCounts()
            var lineNumber = 0
            var buffer: UnsafeMutablePointer<CChar>? = nil
            var capacity = 0
            defer { free(buffer) }
            while true {
                let length = getline(&buffer, &capacity, file)
                guard length >= 0, let start = buffer else { break }
                lineNumber += 1
                var line = UnsafeRawBufferPointer(start: start, count: length)
                while let last = line.last, last == 0x0A || last == 0x0D { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
                if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeRawBufferPointer(rebasing: line.dropFirst(3)) }
                func fail(_ message: String) -> HistoryError { HistoryError(file: path, line: lineNumber, message: message) }

                guard let fields = CSVRow.fields(line, separator: UInt8(ascii: ",")) else {
                    throw fail("expected comma-separated fields, a quoted one ending in a quote before the next comma")
                }
                if lineNumber == 1 {
                    columns = try Self.columns(of: fields, fail: fail)
                    fieldCount = fields.count
                    continue
                }
                if line.isEmpty { continue }
                guard fields.count == fieldCount else {
                    throw fail("expected \(fieldCount) fields as the header has, found \(fields.count)")
                }
                func field(_ name: String) -> String { fields[columns[name]!] }

                let customerID = field("customer_id"), orderID = field("order_id")
                guard !customerID.isEmpty else { throw fail("expected a customer id in column customer_id, found an empty field") }
                guard !orderID.isEmpty else { throw fail("expected an order number in column order_id, found an empty field") }
                guard let time = OrderTableValues.time(field("ordered_at"), zone: timeZone) else {
                    throw fail("expected ordered_at as a date (2025-06-01) or a date-time with a zone (2025-06-01T10:20:30Z, 2025-06-01T10:20:30+02:00), found '\(Self.shown(field("ordered_at")))'")
                }
                guard HistoryStore.orderTimes.contains(time) else {
                    throw fail("expected ordered_at between 1970 and 2199 (an order of a shop's history), found '\(Self.shown(field("ordered_at")))'")
                }
                guard let cents = OrderTableValues.cents(field("value"), currency: currency) else {
                    throw fail("expected value as an amount of money (129.90, 1,234.56, 1.234,56 \(currency ?? "EUR")), found '\(Self.shown(field("value")))'")
                }
                guard cents <= maxValueCents else {
                    throw fail("expected value at most orders.max_value (\(OrderTableValues.shown(cents: maxValueCents))), found '\(Self.shown(field("value")))'")
                }

                counts.rows += 1
                let person = pseudonymize(customerID)
                if try known.rows(.text(orderID), map: { _ in true }).isEmpty { counts.ordersAdded += 1 } else { counts.ordersAlreadyKnown += 1 }
                try order.run(.text(orderID), .pseudonym(person), .integer(time), .integer(cents), .null, .null)
                let day = CivilDate.of(time: time, in: timeZone)
                try customer.run(.pseudonym(person), .text(day.description), .null, .null)
            }
            guard ferror(file) == 0 else { throw HistoryError(file: path, message: "cannot read the order table") }
            guard lineNumber > 0 else {
                throw HistoryError(file: path, line: 1, message: "expected the header \(Self.orderTableColumns.joined(separator: ",")), found an empty file")
            }
            return counts
        }
    }

    /// Where each column is, from the header; the header's own text is not repeated in the error
    /// (a file without one starts with a customer's row).
    private static func columns(of header: [String], fail: (String) -> HistoryError) throws -> [String: Int] {
        var columns: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if columns[key] == nil { columns[key] = i }
        }
        let missing = orderTableColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw fail("expected the header \(orderTableColumns.joined(separator: ",")); missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
        return columns
    }

    /// A value for an error message: short, on one line.
    private static func shown(_ value: String) -> String {
        let flat = value.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return flat.count > 40 ? String(flat.prefix(40)) + "…" : String(flat)
    }
}
