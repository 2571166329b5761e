import ReportModel

/// The section's part of report.json, `weekdayHour`: visits and orders by local weekday (Monday
/// first) and hour of the visit's start.
struct WeekdayHour: ReportPart, Equatable {
    static let key = "weekdayHour"
    /// 7 rows (Monday..Sunday) of 24 hours.
    var visits: [[Int]]
    var orders: [[Int]]
    init(visits: [[Int]], orders: [[Int]]) { self.visits = visits; self.orders = orders }
}
