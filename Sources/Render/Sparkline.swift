import ReportModel
import Sections

/// A KPI's trend as a small line in its card: the shape of the last periods at a glance, with
/// every value in the title (for screen readers and a hover) and the latest point marked.
///
/// A line is drawn only from `minimumPoints` values: two or three points stretched over the
/// height make a change within noise look steep. The line spans the figure's own range, and that
/// range is written beside it (its highest and lowest value, each on a rule at its height), so the
/// reader sees how little or how much the height means.
enum Sparkline {
    static let minimumPoints = 4

    static func svg(_ trend: [TrendPoint], label: String, labels: PageLabels, show: (Double?) -> String) -> String? {
        let points = trend.enumerated().compactMap { i, p in p.value.map { (i, $0) } }
        guard points.count >= minimumPoints else { return nil }
        let plot = 120.0, labelWidth = 48.0, height = 30.0, pad = 5.0
        let low = points.map(\.1).min()!, high = points.map(\.1).max()!
        let span = high - low
        func x(_ i: Int) -> Double { pad + (plot - 2 * pad) * Double(i) / Double(max(1, trend.count - 1)) }
        func y(_ v: Double) -> Double { span == 0 ? height / 2 : pad + (height - 2 * pad) * (1 - (v - low) / span) }
        let summary = trend.map { "\(labels.period($0.period)) \(show($0.value))" }.joined(separator: ", ")
        var svg = SVGBuilder(width: Int(plot + labelWidth), height: Int(height),
                             label: labels.text("sparkline.label", ["kpi": label, "values": summary]))
        // the range: a rule at the highest and the lowest value, each labelled with it (one when flat)
        for v in span == 0 ? [high] : [high, low] {
            svg.element("line", ["x1": fmt(pad), "y1": fmt(y(v)), "x2": fmt(plot), "y2": fmt(y(v)), "class": "spark-range"])
            svg.element("text", ["x": fmt(plot + 3), "y": fmt(y(v) + 3), "class": "spark-label"], text: show(v))
        }
        svg.element("polyline", ["points": points.map { "\(fmt(x($0.0))),\(fmt(y($0.1)))" }.joined(separator: " "), "class": "spark"])
        let last = points.last!
        svg.element("circle", ["cx": fmt(x(last.0)), "cy": fmt(y(last.1)), "r": "2.5", "class": "spark-dot"])
        return svg.finished()
    }
}
