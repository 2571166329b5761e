import ReportModel
import Sections

/// The customers by where they stand in the week (new, returning, resurrected, dormant, lost) and
/// how they moved since the week before; a customer who stayed where they were is no move.
enum LifecycleView {
    static func make(_ life: LifecycleInfo, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        let states = LifecycleInfo.State.allCases.map(\.rawValue)
        return [
            "week": labels.period(life.week),
            "states": states.map { ["state": labels.lifecycleState($0), "customers": style.integer(life.counts[$0] ?? 0)] },
            "flows": life.flows.filter { $0.from != $0.to }.map {
                ["from": $0.from.map(labels.lifecycleState) ?? labels.text("lifecycle.notYetKnown"), "to": labels.lifecycleState($0.to),
                 "customers": style.integer($0.customers)]
            },
        ]
    }
}
