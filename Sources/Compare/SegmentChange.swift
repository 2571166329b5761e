import ReportModel
import Statistics

/// One channel or device in both periods: its visits, orders and conversion, each tested.
package struct SegmentChange: Sendable, Equatable {
    package var id: String
    package var label: String
    package var visits: Counted
    package var orders: Counted
    package var revenue: (base: Double, new: Double)
    /// Visits with an order over visits.
    package var conversion: (base: Double?, new: Double?)
    package var conversionTest: NoiseTestResult

    /// A count in both periods with its Poisson test.
    package struct Counted: Sendable, Equatable {
        package var base: Int
        package var new: Int
        package var test: NoiseTestResult
        init(_ base: Int, _ new: Int) { self.base = base; self.new = new; test = Significance.count(new, against: base) }
    }

    package static func == (a: SegmentChange, b: SegmentChange) -> Bool {
        a.id == b.id && a.visits == b.visits && a.orders == b.orders && a.revenue == b.revenue
            && a.conversion == b.conversion && a.conversionTest == b.conversionTest
    }

    init(id: String, label: String, base: (RateCounts, orders: Int, revenue: Double)?, new: (RateCounts, orders: Int, revenue: Double)?) {
        let b = base?.0 ?? RateCounts(), n = new?.0 ?? RateCounts()
        self.id = id
        self.label = label
        visits = Counted(b.visits, n.visits)
        orders = Counted(base?.orders ?? 0, new?.orders ?? 0)
        revenue = (base?.revenue ?? 0, new?.revenue ?? 0)
        func rate(_ r: RateCounts) -> Double? { r.visits == 0 ? nil : Double(r.purchases) / Double(r.visits) }
        conversion = (rate(b), rate(n))
        conversionTest = Significance.proportion(n.purchases, of: n.visits, against: b.purchases, of: b.visits)
    }

    /// Every channel of either report, by its share of the new period's visits.
    static func channels(base: ReportData, new: ReportData) -> [SegmentChange] {
        let b = Dictionary(base.channels.map { ($0.channel, $0) }, uniquingKeysWith: { a, _ in a })
        let n = Dictionary(new.channels.map { ($0.channel, $0) }, uniquingKeysWith: { a, _ in a })
        return Set(b.keys).union(n.keys).map { id in
            SegmentChange(id: id, label: n[id]?.label ?? b[id]?.label ?? id,
                          base: b[id].map { ($0.rates, $0.orders, $0.revenue) }, new: n[id].map { ($0.rates, $0.orders, $0.revenue) })
        }.sorted(by: SegmentChange.byNewVisits)
    }

    /// Every device class of either report.
    static func devices(base: ReportData, new: ReportData) -> [SegmentChange] {
        func devices(_ r: ReportData) -> [String: SegmentRow] {
            Dictionary(r.segments.filter { $0.dimension == "device" }.map { ($0.segment, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let b = devices(base), n = devices(new)
        return Set(b.keys).union(n.keys).map { id in
            SegmentChange(id: id, label: id, base: b[id].map { ($0.rates, $0.orders, $0.revenue) },
                          new: n[id].map { ($0.rates, $0.orders, $0.revenue) })
        }.sorted(by: SegmentChange.byNewVisits)
    }

    static func byNewVisits(_ a: SegmentChange, _ b: SegmentChange) -> Bool {
        a.visits.new != b.visits.new ? a.visits.new > b.visits.new : a.id < b.id
    }
}
