import ReportModel

/// The purchase funnel as horizontal bars, with the loss between steps written beside them.
enum FunnelChart {
    /// `rows` carry the names the page gives the steps.
    static func svg(_ rows: [FunnelRow], labels: PageLabels) -> String {
        let style = labels.style
        let barHeight = 38.0, gap = 26.0, left = 150.0, maxWidth = 560.0
        let height = Int(Double(rows.count) * (barHeight + gap) + 10)
        var svg = SVGBuilder(width: 900, height: height, label: labels.text("funnel.title"))
        let first = max(rows.first?.visits ?? 0, 1)
        for (k, row) in rows.enumerated() {
            let y = Double(k) * (barHeight + gap) + 4
            let width = max(2, maxWidth * Double(row.visits) / Double(first))
            svg.element("text", ["x": fmt(left - 10), "y": fmt(y + barHeight / 2 + 5), "class": "label", "text-anchor": "end"], text: row.label)
            svg.open("rect", ["x": fmt(left), "y": fmt(y), "width": fmt(width), "height": fmt(barHeight), "rx": "3", "class": "bar step\(k)"])
            svg.title(labels.text("funnel.chart.bar", ["step": row.label, "visits": style.integer(row.visits)]))
            svg.close("rect")
            svg.element("text", ["x": fmt(left + width + 8), "y": fmt(y + barHeight / 2 + 5), "class": "value"],
                        text: "\(style.integer(row.visits)) · \(style.percent(row.ofFirst))")
            if k > 0 {
                svg.element("text", ["x": fmt(left + 4), "y": fmt(y - 7), "class": "drop"],
                            text: labels.text("funnel.chart.drop", ["percent": style.percent(row.dropOff), "step": rows[k - 1].label,
                                                                    "stepLowercased": rows[k - 1].label.lowercased()]))
            }
        }
        return svg.finished()
    }
}
