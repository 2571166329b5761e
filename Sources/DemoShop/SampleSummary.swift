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

    package init(days: [SampleDay], files: [String]) {
        self.days = days
        self.files = files
    }

    /// All lines over all files.
    package var totalLines: Int { days.reduce(0) { $0 + $1.lines } }
    /// All purchases over all files.
    package var totalOrders: Int { days.reduce(0) { $0 + $1.orders } }
    /// All revenue over all files, in euro cents.
    package var totalRevenueCents: Int { days.reduce(0) { $0 + $1.revenueCents } }
}
