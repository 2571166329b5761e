import JourneysCore

/// What one written log file contains, counted while writing it.
///
/// Exists so that tests and the end-to-end check can compare the report against the truth the
/// generator knows: a correct report for a week shows exactly the sum of its days' orders and
/// revenue.
package struct SampleDay: Sendable, Equatable {
    /// Local (Europe/Berlin) date, e.g. "2026-11-16".
    package var date: String
    /// File name inside the output directory, e.g. "access.log-20261116.gz".
    package var file: String
    /// All lines of the file, malformed ones included.
    package var lines: Int
    /// Confirmation-page requests with status 200 by human visitors (real purchases).
    package var orders: Int
    /// Sum of the `value` of those purchases, in euro cents.
    package var revenueCents: Int
    /// Lines no Combined Log Format parser can read (cut, binary garbage, impossible timestamp).
    /// The valid `"-"` 400 lines of port scanners are not counted here.
    package var malformedLines: Int
    /// Well-formed lines whose user agent is a crawler, monitor or script (any path).
    package var botLines: Int
    /// Well-formed static-asset lines (css, js, images, fonts, favicon) of human visitors.
    package var assetLines: Int

    package init(date: String, file: String, lines: Int = 0, orders: Int = 0, revenueCents: Int = 0,
                 malformedLines: Int = 0, botLines: Int = 0, assetLines: Int = 0) {
        self.date = date
        self.file = file
        self.lines = lines
        self.orders = orders
        self.revenueCents = revenueCents
        self.malformedLines = malformedLines
        self.botLines = botLines
        self.assetLines = assetLines
    }
}

/// The result of `SampleGenerator.write`: per-day truth plus where the files went.
///
/// Exists so callers (CLI, tests, benchmark) need not re-read the logs to know what was written.
package struct SampleSummary: Sendable {
    /// One entry per written file, in date order.
    package var days: [SampleDay]
    /// Absolute paths of the written files, in date order.
    package var files: [String]

    /// What the order table holds, when one was written.
    package var orderTable: OrderTableSummary?

    package init(days: [SampleDay], files: [String], orderTable: OrderTableSummary? = nil) {
        self.days = days
        self.files = files
        self.orderTable = orderTable
    }

    /// All lines over all files.
    package var totalLines: Int { days.reduce(0) { $0 + $1.lines } }
    /// All purchases over all files.
    package var totalOrders: Int { days.reduce(0) { $0 + $1.orders } }
    /// All revenue over all files, in euro cents.
    package var totalRevenueCents: Int { days.reduce(0) { $0 + $1.revenueCents } }
}

/// What the order table of the months before the logs holds, counted while writing it.
///
/// Exists so the command line can say what it wrote and tests can check the table against the
/// generator's own counts.
package struct OrderTableSummary: Sendable, Equatable {
    /// Absolute path of the written CSV file.
    package var path: String
    /// Orders (data lines, the header not counted).
    package var rows: Int
    /// Distinct customers.
    package var customers: Int
    /// Customers with two or more orders.
    package var repeatCustomers: Int
    /// Customers of the table who log in during the logs.
    package var customersInLogs: Int
    /// Sum of the order values, in euro cents.
    package var revenueCents: Int
    /// Local (Europe/Berlin) dates of the first and the last order, e.g. "2025-04-19".
    package var firstDate: String
    package var lastDate: String

    init(path: String, rows: [OrderTable.Row], loggedIn: Set<String>, clock: inout ShopClock) {
        var orders: [String: Int] = [:]
        for r in rows { orders[r.customerId, default: 0] += 1 }
        self.path = path
        self.rows = rows.count
        customers = orders.count
        repeatCustomers = orders.values.filter { $0 >= 2 }.count
        customersInLogs = orders.keys.filter { loggedIn.contains($0) }.count
        revenueCents = rows.reduce(0) { $0 + $1.cents }
        firstDate = rows.first.map { CivilDate(dayNumber: clock.localDayNumber(at: $0.time)).description } ?? ""
        lastDate = rows.last.map { CivilDate(dayNumber: clock.localDayNumber(at: $0.time)).description } ?? ""
    }
}
