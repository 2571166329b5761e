import Sections
import JourneysCore
import ReportModel

/// One KPI of one period, with what is needed to compare it with another period.
struct Figure: Equatable {
    var key: String
    var label: String
    var unit: KPI.Unit
    var value: Double?
    var better: KPI.Better
    var sample: ChangeTest.Sample?
    var definition: String
    /// The 95% interval when it is not the one the sample gives (the AOV's bootstrap).
    var interval: Interval? = nil

    /// The figure `kpi` with its value and sample in a period; `formula` is the definition's
    /// formula with the period's values filled in, when it has any.
    init(_ kpi: KPIDefinition, _ value: Double?, _ sample: ChangeTest.Sample?, formula: String? = nil, interval: Interval? = nil) {
        key = kpi.id; label = kpi.label; unit = kpi.unit; self.value = value
        better = kpi.better; self.sample = sample; definition = formula ?? kpi.formula; self.interval = interval
    }
}

extension Figure {
    /// The 95% interval the sample gives: Wilson for a rate (and x 100 for a top-box score),
    /// the normal interval of NPS.
    var sampleInterval: Interval? {
        switch sample {
        case .proportion(let x, let n)?:
            return unit == .score ? Intervals.wilson(x, n, scale: 100, places: 10) : unit == .ratio ? Intervals.wilson(x, n) : nil
        case .nps(let p, let d, let n)?:
            return Intervals.nps(promoters: p, detractors: d, answers: n)
        default:
            return nil
        }
    }

    /// The KPIs of `now`, each with its value in `before` (matched by id) and the test of the
    /// change. Counts and sums of a partial period against a full one are not news: a partial
    /// period is compared by its rates only.
    static func kpis(_ now: [Figure], before: [Figure]?, partial: Bool) -> [KPI] {
        let previous = Dictionary((before ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return now.map { f in
            let then = (!partial || f.unit == .ratio) ? previous[f.key] : nil
            let test = f.sample.flatMap { now in then?.sample.map { ChangeTest.test(now, $0) } }
            var kpi = KPI(key: f.key, label: f.label, unit: f.unit, value: f.value, previous: then?.value, better: f.better,
                          significant: test?.isSignificant, definition: f.definition)
            kpi.pValue = test?.pValue.map { rounded($0, 1_000_000) }
            if case .proportion(let x, let n) = f.sample {
                kpi.numerator = x
                kpi.denominator = n
            }
            kpi.interval = f.interval ?? f.sampleInterval
            return kpi
        }
    }
}
