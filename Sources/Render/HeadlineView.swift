import Compare
import ReportModel
import Sections

/// The figures the page opens with (`report.headline`): each with its value, its change against
/// the previous period in words, its verdict on noise and its trend. A reader sees how the week
/// went before any table. The verdict is the one of "What changed" (`changes`): a figure is larger
/// than noise when the list names it, after the control of false alarms over the whole week, so
/// that the first screen never calls a figure a change that the list below it leaves out.
enum HeadlineView {
    static func make(_ data: ReportData, keys: [String], labels: PageLabels, changes: ChangeList) -> [[String: Any]] {
        let listed = Set(changes.items.flatMap { [$0.lead] + $0.also }.map(\.figure))
        return keys.compactMap { key in data.kpi(key) }.map { figure(in: $0, data: data, labels: labels, listed: listed.contains($0.key)) }
    }

    /// `listed`: whether "What changed" names the figure.
    static func figure(in k: KPI, data: ReportData, labels: PageLabels, listed: Bool) -> [String: Any] {
        let card = ReportView.kpi(in: k, labels: labels, data: data)
        let style = labels.style
        let previous = labels.unbrokenPeriod(data.period.previous)
        // The change's size without its sign: the words say up or down.
        var size = "", direction = 0
        if let v = k.value, let before = k.previous {
            switch k.unit {
            case .ratio:
                let points = (v - before) * 100
                size = labels.text("unit.pp", ["value": style.decimal(abs(points), places: 1)])
                direction = abs(points) < 0.05 ? 0 : points > 0 ? 1 : -1
            case .score:
                let points = v - before
                size = labels.text("unit.points", ["value": style.decimal(abs(points), places: 1)])
                direction = abs(points) < 0.05 ? 0 : points > 0 ? 1 : -1
            default:
                if before != 0 {
                    let rel = (v - before) / abs(before)
                    size = style.percent(abs(rel))
                    direction = abs(rel) < 0.0005 ? 0 : rel > 0 ? 1 : -1
                }
            }
        }
        let words: String
        if k.value == nil || k.previous == nil {
            words = labels.text("headline.noPrevious", ["previous": previous])
        } else if size.isEmpty {
            // a change from zero has no relative size: the figure before says it
            words = labels.text("headline.previousValue", ["value": card["previous"] as? String ?? ""])
        } else if direction == 0 {
            words = labels.text("headline.same", ["previous": previous])
        } else {
            words = labels.text(direction > 0 ? "headline.up" : "headline.down", ["change": size, "previous": previous])
        }
        // no verdict where no test could be made (no previous value, or no test for the figure)
        let verdict = k.significant.map { _ in labels.text(listed ? "headline.significant" : "headline.withinNoise") }
        var figure: [String: Any] = ["key": k.key, "label": card["label"] ?? k.key, "value": card["value"] ?? "",
                                     "trend": listed ? card["trend"] ?? "flat" : "flat", "words": words]
        if let verdict { figure["verdict"] = verdict }
        if let spark = card["spark"] { figure["spark"] = spark }
        return figure
    }
}
