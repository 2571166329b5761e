import JourneysCore
import ReportModel
import Sections

/// The closed purchase funnel: the period's visits that reached a step and so every step before it.
struct FunnelFold: SectionFold {
    /// Per funnel step, the visits that reached it.
    var reached = Array(repeating: 0, count: FunnelStep.allCases.count)

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[i]
            for (k, step) in FunnelStep.allCases.enumerated() where m.reached(step) { reached[k] += 1 }
        }
    }

    mutating func merge(_ o: FunnelFold) {
        for k in reached.indices { reached[k] += o.reached[k] }
    }

    func finish(_ context: inout FinishContext) -> [FunnelRow] {
        var rows: [FunnelRow] = []
        var previous = 0
        for (k, step) in FunnelStep.allCases.enumerated() {
            let n = reached[k]
            rows.append(FunnelRow(step: step.rawValue, label: step.label, visits: n,
                                  ofFirst: ratio(n, reached[0]),
                                  dropOff: k == 0 ? nil : ratio(previous - n, previous)))
            previous = n
        }
        return rows
    }
}

extension FunnelFold {
    init(zero context: FoldContext) { self.init() }
}
