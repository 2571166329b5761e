import ReportModel

/// The section's part of report.json, `funnels`: the funnel of each channel and each device
/// class, most visits first.
struct SegmentFunnels: ReportPart, Equatable {
    static let key = "funnels"
    var byChannel: [SegmentFunnel]
    var byDevice: [SegmentFunnel]
    init(byChannel: [SegmentFunnel], byDevice: [SegmentFunnel]) { self.byChannel = byChannel; self.byDevice = byDevice }
}

/// The funnel of one segment (a channel, a device class).
struct SegmentFunnel: Codable, Equatable, Sendable {
    var id: String
    var label: String
    var visits: Int
    var people: Int
    /// Visits reaching each funnel step, in funnel order.
    var steps: [Int]
    var conversionRate: Double
    @ExplicitNull var interval: Interval?
    init(id: String, label: String, visits: Int, people: Int, steps: [Int], conversionRate: Double, interval: Interval?) {
        self.id = id; self.label = label; self.visits = visits; self.people = people; self.steps = steps
        self.conversionRate = conversionRate; self.interval = interval
    }
}
