import ReportModel

/// Why a headline rate moved between two periods: its change split into the part from the
/// traffic mix (segments' shares of the denominator shifting) and the part from rates changing
/// within segments (`ShiftShare`), with the segments that did most of each.
package struct RateSplit: Sendable, Equatable {
    /// `conversion_rate`, `cart_abandonment` or `bounce_rate`.
    package var kpi: String
    package var label: String
    /// `channel` or `device`.
    package var dimension: String
    package var shiftShare: ShiftShare
    /// The segment whose share change moved the rate most, and the one whose own rate did.
    package var mixLeader: ShiftShare.Part?
    package var rateLeader: ShiftShare.Part?
    /// Segment ids to names.
    package var labels: [String: String]

    /// The headline rates and how to count them from a segment's visits.
    static let rates: [(kpi: String, label: String, numerator: @Sendable (RateCounts) -> Int, denominator: @Sendable (RateCounts) -> Int)] = [
        ("conversion_rate", "conversion", { $0.purchases }, { $0.visits }),
        ("cart_abandonment", "cart abandonment", { $0.abandonedCarts }, { $0.carts }),
        ("bounce_rate", "bounce", { $0.bounces }, { $0.visits }),
    ]

    /// Each headline rate split by channel and by device; none for a rate with no denominator in
    /// a period.
    static func all(base: ReportData, new: ReportData) -> [RateSplit] {
        func channels(_ r: ReportData) -> [(String, RateCounts)] { r.channels.map { ($0.channel, $0.rates) } }
        func devices(_ r: ReportData) -> [(String, RateCounts)] {
            r.segments.filter { $0.dimension == "device" }.map { ($0.segment, $0.rates) }
        }
        var labels: [String: String] = [:]
        for c in base.channels + new.channels { labels[c.channel] = c.label }
        var out: [RateSplit] = []
        for rate in rates {
            for (dimension, of) in [("channel", channels), ("device", devices)] {
                func segments(_ r: ReportData) -> [ShiftShare.Segment] {
                    of(r).map { ShiftShare.Segment(id: $0.0, numerator: Double(rate.numerator($0.1)), denominator: Double(rate.denominator($0.1))) }
                }
                guard let split = ShiftShare(base: segments(base), new: segments(new)) else { continue }
                func leader(_ part: (ShiftShare.Part) -> Double) -> ShiftShare.Part? {
                    split.parts.filter { part($0) != 0 }.min { abs(part($0)) != abs(part($1)) ? abs(part($0)) > abs(part($1)) : $0.id < $1.id }
                }
                out.append(RateSplit(kpi: rate.kpi, label: rate.label, dimension: dimension, shiftShare: split,
                                     mixLeader: leader(\.mix), rateLeader: leader(\.rate), labels: labels))
            }
        }
        return out
    }
}
