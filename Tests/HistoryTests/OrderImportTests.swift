import Foundation
import JourneysCore
import Testing
@testable import History

/// A shop's order table into the history: streamed, one transaction, the first bad row stops it
/// with its file, line and column.
@Suite struct OrderImportTests {
    typealias F = HistoryFixtures
    static let header = "customer_id,order_id,ordered_at,value"
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// A stand-in for the pipeline's keyed pseudonym: any function of the id will do here.
    static func pseudonym(_ id: String) -> Pseudonym { Pseudonym.customer(id, key: SipHash(secret: "import-test")) }

    func importing(_ lines: [String], into path: String? = nil, separator: String = "\n") throws -> (OrderImportCounts, HistoryStore, String) {
        let store = try HistoryStore(path: try path ?? F.historyPath("import"))
        let csv = try F.file("orders.csv", lines, separator: separator)
        return (try store.importOrders(csv: csv, timeZone: Self.berlin, pseudonymize: Self.pseudonym), store, csv)
    }

    @Test func goodRowsInBothDateForms() throws {
        let (counts, store, _) = try importing([
            Self.header,
            "alice@example.com,A-1,2025-06-01,129.90",
            "bob,A-2,2025-06-02T10:20:30Z,5",
            "bob,A-3,2025-06-03T10:20:30.250+02:00,7.5",
            "carol,A-4,2025-12-24T23:59:59-0500,0.99",
        ])
        #expect(counts == OrderImportCounts(rows: 4, ordersAdded: 4, ordersAlreadyKnown: 0))
        let alice = Self.pseudonym("alice@example.com"), bob = Self.pseudonym("bob"), carol = Self.pseudonym("carol")
        #expect(try store.orders(before: .max) == [
            // A date alone: midnight in Berlin, 22:00 UTC the day before (summer time).
            HistoryOrder(id: "A-1", customer: alice, time: 1_748_728_800, valueCents: 12_990, channel: nil),
            HistoryOrder(id: "A-2", customer: bob, time: 1_748_859_630, valueCents: 500, channel: nil),
            HistoryOrder(id: "A-3", customer: bob, time: 1_748_938_830, valueCents: 750, channel: nil),
            HistoryOrder(id: "A-4", customer: carol, time: 1_766_638_799, valueCents: 99, channel: nil),
        ])
        // A customer is first seen on the local day of their first order, by no known channel.
        #expect(try store.customers() == [
            HistoryCustomer(customer: alice, firstSeen: F.day("2025-06-01"), firstChannel: nil),
            HistoryCustomer(customer: bob, firstSeen: F.day("2025-06-02"), firstChannel: nil),
            HistoryCustomer(customer: carol, firstSeen: F.day("2025-12-25"), firstChannel: nil),
        ])
    }

    @Test func columnsInAnyOrderQuotesCRLFAndABOM() throws {
        let (counts, store, _) = try importing([
            "\u{FEFF}Order_ID,value,note,ordered_at,customer_id",
            "A-1,10.00,\"gift, wrapped\",2025-06-01,\"doe, \"\"jane\"\"\"",
            "",
            "A-2,20.00,,2025-06-02,x",
        ], separator: "\r\n")
        #expect(counts.rows == 2)
        #expect(try store.orders(before: .max).map(\.customer) == [Self.pseudonym("doe, \"jane\""), Self.pseudonym("x")])
    }

    @Test func aDuplicateOrderIdIsKeptOnce() throws {
        let lines = [Self.header, "ann,A-1,2025-06-01,10.00", "ann,A-2,2025-06-02,20.00", "ann,A-1,2025-06-01,10.00"]
        let (counts, store, _) = try importing(lines)
        #expect(counts == OrderImportCounts(rows: 3, ordersAdded: 2, ordersAlreadyKnown: 1))
        #expect(try store.orders(before: .max).map(\.id) == ["A-1", "A-2"])
        // Importing the same table again adds nothing and changes nothing.
        let before = try F.dump(store.path)
        let again = try store.importOrders(csv: try F.file("orders.csv", lines), timeZone: Self.berlin, pseudonymize: Self.pseudonym)
        #expect(again == OrderImportCounts(rows: 3, ordersAdded: 0, ordersAlreadyKnown: 3))
        #expect(try F.dump(store.path) == before)
    }

    /// An order the logs recorded is already known; the earlier record stays (here the log's,
    /// placed at 09:30 UTC, before the import's 10:00 UTC of the same order).
    @Test func anOrderTheLogsRecordedIsAlreadyKnown() throws {
        let path = try F.historyPath("import-known")
        do { try HistoryStore(path: path).record(F.week46) }
        let (counts, store, _) = try importing([Self.header, "ada-id,O-1,2026-11-10T10:00:00Z,49.90", "ada-id,S-9,2026-01-05,1.00"], into: path)
        #expect(counts == OrderImportCounts(rows: 2, ordersAdded: 1, ordersAlreadyKnown: 1))
        let o1 = try #require(try store.orders(before: .max).first { $0.id == "O-1" })
        #expect(o1 == F.week46.orders[0])
    }

    @Test func rawIdsNeverReachTheDatabase() throws {
        let (_, store, _) = try importing([Self.header, "alice@example.com,A-1,2025-06-01,1.00"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        #expect(bytes.range(of: Data("alice".utf8)) == nil)
        #expect(bytes.range(of: Data("A-1".utf8)) != nil)  // the shop's order number is kept as given
    }

    /// Each bad row stops the import with its file, line and the column at fault, and nothing of
    /// the file is kept, not even the good rows before it.
    @Test(arguments: [
        ("x,A-2,06/01/2025,1.00", "expected ordered_at as a date (2025-06-01) or a date-time with a zone (2025-06-01T10:20:30Z, 2025-06-01T10:20:30+02:00), found '06/01/2025'"),
        ("x,A-2,2025-06-01T10:20:30,1.00", "expected ordered_at as a date (2025-06-01) or a date-time with a zone (2025-06-01T10:20:30Z, 2025-06-01T10:20:30+02:00), found '2025-06-01T10:20:30'"),
        ("x,A-2,2025-02-30,1.00", "expected ordered_at as a date (2025-06-01) or a date-time with a zone (2025-06-01T10:20:30Z, 2025-06-01T10:20:30+02:00), found '2025-02-30'"),
        ("x,A-2,0000-01-01,1.00", "expected ordered_at between 1970 and 2199 (an order of a shop's history), found '0000-01-01'"),
        ("x,A-2,9999-12-31,1.00", "expected ordered_at between 1970 and 2199 (an order of a shop's history), found '9999-12-31'"),
        ("x,A-2,\"1969-12-31T23:59:59Z\",1.00", "expected ordered_at between 1970 and 2199 (an order of a shop's history), found '1969-12-31T23:59:59Z'"),
        ("x,A-2,2025-06-01,\"1,2,3\"", "expected value as an amount of money (129.90, 1,234.56, 1.234,56 EUR), found '1,2,3'"),
        ("x,A-2,2025-06-01,1e3", "expected value as an amount of money (129.90, 1,234.56, 1.234,56 EUR), found '1e3'"),
        ("x,A-2,2025-06-01,-5.00", "expected value as an amount of money (129.90, 1,234.56, 1.234,56 EUR), found '-5.00'"),
        ("x,A-2,2025-06-01,", "expected value as an amount of money (129.90, 1,234.56, 1.234,56 EUR), found ''"),
        ("x,A-2,2025-06-01,100000.01", "expected value at most orders.max_value (100000.00), found '100000.01'"),
        ("x,A-2,2025-06-01,9999999999999.99", "expected value at most orders.max_value (100000.00), found '9999999999999.99'"),
        (",A-2,2025-06-01,1.00", "expected a customer id in column customer_id, found an empty field"),
        ("x,,2025-06-01,1.00", "expected an order number in column order_id, found an empty field"),
        ("x,A-2,2025-06-01", "expected 4 fields as the header has, found 3"),
        ("x,\"A-2,2025-06-01,1.00", "expected comma-separated fields, a quoted one ending in a quote before the next comma"),
    ])
    func aBadRowNamesFileLineAndColumn(row: String, message: String) throws {
        let path = try F.historyPath("import-bad")
        let store = try HistoryStore(path: path)
        let before = try F.dump(path)
        let csv = try F.file("orders.csv", [Self.header, "x,A-1,2025-06-01,1.00", row])
        #expect(throws: HistoryError(file: csv, line: 3, message: message)) {
            try store.importOrders(csv: csv, timeZone: Self.berlin, pseudonymize: Self.pseudonym)
        }
        #expect(try F.dump(path) == before)
        #expect(HistoryError(file: csv, line: 3, message: message).description == "\(csv):3: \(message)")
    }

    @Test func aBadHeaderOrFile() throws {
        let store = try HistoryStore(path: try F.historyPath("import-header"))
        let noHeader = try F.file("orders.csv", ["alice@example.com,A-1,2025-06-01,1.00"])
        #expect(throws: HistoryError(file: noHeader, line: 1, message: "expected the header customer_id,order_id,ordered_at,value; missing columns customer_id, order_id, ordered_at, value")) {
            try store.importOrders(csv: noHeader, timeZone: Self.berlin, pseudonymize: Self.pseudonym)
        }
        let noValue = try F.file("orders.csv", ["customer_id,order_id,ordered_at,amount"])
        #expect(throws: HistoryError(file: noValue, line: 1, message: "expected the header customer_id,order_id,ordered_at,value; missing column value")) {
            try store.importOrders(csv: noValue, timeZone: Self.berlin, pseudonymize: Self.pseudonym)
        }
        let empty = try F.scratch("empty") + "/orders.csv"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: HistoryError(file: empty, line: 1, message: "expected the header customer_id,order_id,ordered_at,value, found an empty file")) {
            try store.importOrders(csv: empty, timeZone: Self.berlin, pseudonymize: Self.pseudonym)
        }
        #expect(throws: HistoryError(file: "/no/such/orders.csv", message: "cannot open the order table: No such file or directory")) {
            try store.importOrders(csv: "/no/such/orders.csv", timeZone: Self.berlin, pseudonymize: Self.pseudonym)
        }
    }
}

/// The readers of `ordered_at` and `value`, and the CSV line splitter.
@Suite struct OrderTableValuesTests {
    @Test func times() {
        let utc = TimeZone(identifier: "UTC")!
        #expect(OrderTableValues.time("2025-06-01", zone: utc) == 1_748_736_000)
        #expect(OrderTableValues.time("2025-06-01T00:00:00Z", zone: utc) == 1_748_736_000)
        #expect(OrderTableValues.time("2025-06-01T02:00:00+02:00", zone: utc) == 1_748_736_000)
        #expect(OrderTableValues.time("2025-05-31T19:00:00-0500", zone: utc) == 1_748_736_000)
        #expect(OrderTableValues.time("2025-06-01T00:00:00.999999z", zone: utc) == 1_748_736_000)
        for bad in ["2025-06-01T00:00Z", "2025-06-01 00:00:00Z", "2025-06-01T24:00:00Z", "2025-06-01T00:00:00+2:00",
                    "2025-06-01T00:00:00+02:0", "2025-06-01T00:00:00.Z", "2025-06-01T00:00:00Zx", "2025-6-01", "1748736000"] {
            #expect(OrderTableValues.time(bad, zone: utc) == nil, "\(bad)")
        }
    }

    /// Values read as the logs' order values are (`MoneyText`).
    @Test func amounts() {
        #expect(OrderTableValues.cents("129.90") == 12_990)
        #expect(OrderTableValues.cents("129.9") == 12_990)
        #expect(OrderTableValues.cents("129") == 12_900)
        #expect(OrderTableValues.cents("0.05") == 5)
        #expect(OrderTableValues.cents("129,90") == 12_990)
        #expect(OrderTableValues.cents("1,299.00") == 129_900)
        #expect(OrderTableValues.cents("1.299,00 EUR") == 129_900)
        #expect(OrderTableValues.cents("1.999") == 200)
        #expect(OrderTableValues.cents(" +1.00") == 100)
        for bad in ["", "129.", "1e3", "-5", "12,34,5", "92233720368547758.08"] {
            #expect(OrderTableValues.cents(bad) == nil, "\(bad)")
        }
    }
}
