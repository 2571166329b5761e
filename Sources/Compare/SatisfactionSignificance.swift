import ReportModel
import Statistics

extension KPIChange {
    /// NPS, CSAT and CES as key figures of the diff (ids `nps`, `csat`, `ces`, in points 0..100 or
    /// -100..100), tested on the counts behind them.
    static func satisfaction(base: Satisfaction, new: Satisfaction) -> [KPIChange] {
        func change(_ kpi: KPIDefinition, _ b: Satisfaction.Score, _ n: Satisfaction.Score) -> KPIChange {
            var c = KPIChange(id: kpi.id, label: kpi.label, unit: kpi.unit, better: kpi.better, base: b.value, new: n.value,
                              test: .notTestable, testName: "")
            if let p1 = n.promoters, let d1 = n.detractors, let p0 = b.promoters, let d0 = b.detractors {
                c.test = Significance.nps(promoters: p1, detractors: d1, answers: n.answers, against: p0, detractors: d0, answers: b.answers)
                c.testName = "z on the difference of two NPS"
            } else if let t1 = n.topBox, let t0 = b.topBox {
                c.test = Significance.proportion(t1, of: n.answers, against: t0, of: b.answers)
                c.testName = "two-proportion z on top-box answers"
            }
            return c
        }
        return [change(.nps, base.nps, new.nps), change(.csat, base.csat, new.csat), change(.ces, base.ces, new.ces)]
    }
}
