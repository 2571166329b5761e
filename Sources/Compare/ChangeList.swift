import ReportModel

/// "What changed": the one list of changes a period's page, its diff (HTML and Markdown) and the
/// index draw, computed once before render. Every key figure is tested against the previous
/// period, its recent weeks and the same week a year ago, every channel and device against the
/// previous period; the whole family is corrected for the number of tests (Benjamini-Hochberg),
/// tests resting on small samples are left out, and figures that move together for one cause
/// (visitors, visits and page views) make one item. Items are ranked by their estimated effect on
/// orders and revenue.
package struct ChangeList: Sendable, Equatable {
    /// What a figure is compared with.
    package enum Reference: String, Sendable, Equatable {
        /// The previous period (or the diff's base report).
        case previous
        /// The figure's usual range over its last weeks in the history.
        case trend
        /// The same ISO week (or month) a year earlier.
        case yearAgo
    }

    /// One test that came out as a discovery: a figure, what it was compared with, and how sure.
    package struct Evidence: Sendable, Equatable {
        /// A KPI id, or `visits`, `orders`, `conversion` of a segment.
        package var figure: String
        package var label: String
        package var unit: KPI.Unit
        package var better: KPI.Better
        package var reference: Reference
        /// The figure it was compared with: the previous or year-ago value, the recent weeks' mean.
        package var base: Double?
        package var new: Double?
        /// The recent weeks the trend test used: how many, and their lowest and highest value.
        package var trend: (count: Int, min: Double, max: Double)?
        package var pValue: Double
        /// The fewest observations the test rests on (answers, visits, orders), when it counts any.
        package var sample: Int?

        package var isRate: Bool { unit == .ratio }
        package var absolute: Double? { base.flatMap { b in new.map { $0 - b } } }
        package var relative: Double? {
            guard let base, let new, base != 0 else { return nil }
            return (new - base) / abs(base)
        }
        /// +1 good news, -1 bad news, 0 neither.
        package var verdict: Int {
            guard let d = absolute, d != 0 else { return 0 }
            switch better {
            case .higher: return d > 0 ? 1 : -1
            case .lower: return d < 0 ? 1 : -1
            case .neutral: return 0
            }
        }

        package static func == (a: Evidence, b: Evidence) -> Bool {
            a.figure == b.figure && a.label == b.label && a.unit == b.unit && a.better == b.better && a.reference == b.reference
                && a.base == b.base && a.new == b.new && a.trend?.count == b.trend?.count && a.trend?.min == b.trend?.min
                && a.trend?.max == b.trend?.max && a.pValue == b.pValue && a.sample == b.sample
        }
    }

    /// One change: one cause, with its strongest evidence and the figures that moved with it.
    package struct Item: Sendable, Equatable {
        /// The story: `traffic`, `sales`, a KPI id, `channel:<id>` or `device:<id>`.
        package var id: String
        /// The channel or device a segment item is about, as the report names it.
        package var segment: (id: String, label: String)?
        /// +1 good news, -1 bad news.
        package var verdict: Int
        /// Estimated orders and revenue the change brought or cost in the new period; nil where no
        /// estimate is honest (satisfaction scores).
        package var orders: Double?
        package var revenue: Double?
        package var lead: Evidence
        /// Other figures of the same story that moved beyond noise, each once, by its own
        /// strongest evidence.
        package var also: [Evidence]

        package static func == (a: Item, b: Item) -> Bool {
            a.id == b.id && a.segment?.id == b.segment?.id && a.segment?.label == b.segment?.label && a.verdict == b.verdict
                && a.orders == b.orders && a.revenue == b.revenue && a.lead == b.lead && a.also == b.also
        }
    }

    package var items: [Item]
    /// How many tests made the week's family (m of Benjamini-Hochberg).
    package var tests: Int
    /// How many of them were discoveries (some are grouped into one item, some are neutral).
    package var discoveries: Int
    /// Tests not run because a side rests on fewer than `minimumSample` observations.
    package var smallSamples: Int
    /// The false discovery rate the family is held to.
    package var falseDiscoveryRate: Double

    /// The false discovery rate of every list: at most 5% of the changes listed are expected to
    /// be noise, and a week with no real change lists nothing 95% of the time.
    package static let defaultFalseDiscoveryRate = 0.05
    /// A test whose smaller side rests on fewer observations (answers, visits, orders, a count's
    /// events over both periods) is not run: 6 survey answers against 5 are a hint, not a
    /// finding. The same as the report's small-sample mark on satisfaction (`surveys.min_answers`).
    package static let minimumSample = 30
    /// How many of a figure's earlier periods its trend test reads, and the fewest it needs.
    package static let trendWeeks = 8
    package static let minimumTrendWeeks = 4

    package init(items: [Item], tests: Int, discoveries: Int, smallSamples: Int, falseDiscoveryRate: Double) {
        self.items = items; self.tests = tests; self.discoveries = discoveries; self.smallSamples = smallSamples
        self.falseDiscoveryRate = falseDiscoveryRate
    }

    /// The list of one report on its own: its key figures against the previous period its KPIs
    /// carry, their recent weeks and a year ago (no channels or devices: those need the previous
    /// report).
    package static func of(_ report: ReportData) -> ChangeList {
        ChangeFamily(new: report).list(q: defaultFalseDiscoveryRate)
    }

    /// The list of `new` against `base` (a diff): the key figures by the diff's tests against
    /// `base`, and by their recent weeks and a year ago as `new` holds them; channels and devices
    /// against `base`.
    static func of(new: ReportData, base: ReportData, kpis: [KPIChange], channels: [SegmentChange], devices: [SegmentChange],
                   ratesOnly: Bool) -> ChangeList {
        var family = ChangeFamily(new: new, base: base, kpis: kpis, ratesOnly: ratesOnly)
        family.addSegments("channel", channels, ratesOnly: ratesOnly)
        family.addSegments("device", devices, ratesOnly: ratesOnly)
        return family.list(q: defaultFalseDiscoveryRate)
    }
}
