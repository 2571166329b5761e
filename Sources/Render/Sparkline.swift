import ReportModel

/// A KPI's trend as a small line in its card: the shape of the last periods at a glance, with
/// every value in the title (for screen readers and a hover) and the latest point marked.
enum Sparkline {
    static func svg(_ trend: [TrendPoint], label: String, labels: PageLabels, show: (Double?) -> String) -> String? {
        let points = trend.enumerated().compactMap { i, p in p.value.map { (i, $0) } }
        guard points.count >= 2 else { return nil }
        let width = 120.0, height = 28.0, pad = 3.0
        let low = points.map(\.1).min()!, high = points.map(\.1).max()!
        let span = high - low
        func x(_ i: Int) -> Double { pad + (width - 2 * pad) * Double(i) / Double(max(1, trend.count - 1)) }
        func y(_ v: Double) -> Double { span == 0 ? height / 2 : pad + (height - 2 * pad) * (1 - (v - low) / span) }
        let summary = trend.map { "\(labels.period($0.period)) \(show($0.value))" }.joined(separator: ", ")
        var svg = SVGBuilder(width: Int(width), height: Int(height), label: labels.text("sparkline.label", ["kpi": label, "values": summary]))
        svg.element("polyline", ["points": points.map { "\(fmt(x($0.0))),\(fmt(y($0.1)))" }.joined(separator: " "), "class": "spark"])
        let last = points.last!
        svg.element("circle", ["cx": fmt(x(last.0)), "cy": fmt(y(last.1)), "r": "2.5", "class": "spark-dot"])
        return svg.finished()
    }
}
