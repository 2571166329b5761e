import ReportModel
import Sections

/// The purchase funnel as horizontal bars, with the loss between steps written beside them; a
/// narrow form of the same bars stacked for phones, so that no text shrinks and nothing scrolls
/// sideways. The page carries both; the stylesheet shows one.
enum FunnelChart {
    /// Both forms, wide first: what the page's funnel figure holds.
    static func figure(_ rows: [FunnelRow], labels: PageLabels) -> String {
        wideForm(svg(rows, labels: labels)) + narrowSVG(rows, labels: labels)
    }

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
                            text: drop(rows, k, labels: labels))
            }
        }
        return svg.finished()
    }

    /// The width of the narrow form: a 390 px phone less the page's and the section's margins.
    static let narrowWidth = 340.0

    /// The phone's form, top to bottom: per step its name and visits on one line, the bar across
    /// the whole width under them, and the loss from the step before between the bars.
    static func narrowSVG(_ rows: [FunnelRow], labels: PageLabels) -> String {
        let style = labels.style
        let nameLine = 18.0, barHeight = 22.0, dropLine = 20.0
        let step = nameLine + barHeight + dropLine
        let height = Int(Double(rows.count) * step - dropLine + 6)
        var svg = SVGBuilder(width: Int(narrowWidth), height: height, label: labels.text("funnel.title"), form: "narrow-form")
        let first = max(rows.first?.visits ?? 0, 1)
        for (k, row) in rows.enumerated() {
            let y = Double(k) * step
            svg.element("text", ["x": "0", "y": fmt(y + 14), "class": "label"], text: row.label)
            svg.element("text", ["x": fmt(narrowWidth), "y": fmt(y + 14), "class": "value", "text-anchor": "end"],
                        text: "\(style.integer(row.visits)) · \(style.percent(row.ofFirst))")
            let width = max(2, narrowWidth * Double(row.visits) / Double(first))
            svg.open("rect", ["x": "0", "y": fmt(y + nameLine), "width": fmt(width), "height": fmt(barHeight), "rx": "3", "class": "bar step\(k)"])
            svg.title(labels.text("funnel.chart.bar", ["step": row.label, "visits": style.integer(row.visits)]))
            svg.close("rect")
            if k + 1 < rows.count {
                svg.element("text", ["x": "0", "y": fmt(y + nameLine + barHeight + 15), "class": "drop"], text: drop(rows, k + 1, labels: labels))
            }
        }
        return svg.finished()
    }

    /// "−82% from product view": the loss into step `k` from the step before.
    static func drop(_ rows: [FunnelRow], _ k: Int, labels: PageLabels) -> String {
        labels.text("funnel.chart.drop", ["percent": labels.style.percent(rows[k].dropOff), "step": rows[k - 1].label,
                                          "stepLowercased": rows[k - 1].label.lowercased()])
    }
}
