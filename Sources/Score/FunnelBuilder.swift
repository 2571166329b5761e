import JourneysCore
import ReportModel

/// The closed purchase funnel: visits that reached a step and every step before it.
enum FunnelBuilder {
    static func funnel(_ input: ScoreInput, visits: [Int]) -> [FunnelRow] {
        var rows: [FunnelRow] = []
        var first = 0
        var previous = 0
        for (k, step) in FunnelStep.allCases.enumerated() {
            let n = visits.reduce(0) { $0 + (input.mapped[$1].reached(step) ? 1 : 0) }
            if k == 0 { first = n }
            rows.append(FunnelRow(step: step.rawValue, label: step.label, visits: n,
                                  ofFirst: ratio(n, first) ?? 0,
                                  dropOff: k == 0 ? 0 : (previous == 0 ? 0 : rounded(Double(previous - n) / Double(previous)))))
            previous = n
        }
        return rows
    }
}
