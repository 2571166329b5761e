import ReportModel

/// The section's part of report.json, `dropOffs`: one row per funnel step but the last, in
/// funnel order.
struct DropOffs: ListPart, Equatable {
    static let key = "dropOffs"
    var rows: [DropOff]
}

/// What people who left the funnel at one step did next.
struct DropOff: Codable, Equatable, Sendable {
    struct Next: Codable, Equatable, Sendable {
        /// `visit` (the next page of the same visit), `next_visit` (the landing of the person's
        /// next visit within the lookback) or `none`.
        var kind: String
        /// The touchpoint; empty for `none`.
        var touchpoint: String
        var visits: Int
        var people: Int
        var share: Double
        init(kind: String, touchpoint: String, visits: Int, people: Int, share: Double) {
            self.kind = kind; self.touchpoint = touchpoint; self.visits = visits; self.people = people; self.share = share
        }
    }
    var step: String
    var label: String
    /// Visits that reached the step and not the next one.
    var left: Int
    var people: Int
    var next: [Next]
    init(step: String, label: String, left: Int, people: Int, next: [Next]) {
        self.step = step; self.label = label; self.left = left; self.people = people; self.next = next
    }
}
