import ReportModel
import Sections

/// The purchase funnel: the chart, and the table of its steps with, when the previous period's
/// report was compared, the same step of that period beside each figure.
enum FunnelView {
    static func make(_ rows: [FunnelRow], before: [FunnelRow]?, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        let funnel = rows.map { row -> FunnelRow in
            var row = row
            row.label = labels.funnelStep(row.step, fallback: row.label)
            return row
        }
        let then = before.map { rows in Dictionary(rows.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first }) }
        return [
            "funnelSVG": FunnelChart.figure(funnel, labels: labels),
            "hasFunnelBefore": then != nil,
            "funnel": funnel.map { row -> [String: Any] in
                var cells: [String: Any] = ["label": row.label, "visits": style.integer(row.visits), "ofFirst": style.percent(row.ofFirst),
                                            "dropOff": style.percent(row.dropOff)]
                if let then {
                    let step = then[row.step]
                    cells["visitsBefore"] = step.map { style.integer($0.visits) } ?? style.missing
                    cells["ofFirstBefore"] = style.percent(step?.ofFirst)
                    cells["dropOffBefore"] = style.percent(step?.dropOff)
                }
                return cells
            },
        ]
    }
}
