import ReportModel

/// The figures the page opens with (`report.headline`): each with its value, its change against
/// the previous period in words, the noise test's verdict the key figures carry (`KPI.significant`,
/// the test the diff and "What changed" use too) and its trend. A reader sees how the week went
/// before any table.
enum HeadlineView {
    static func make(_ data: ReportData, keys: [String], labels: PageLabels) -> [[String: Any]] {
        keys.compactMap { key in data.kpi(key) }.map { figure(in: $0, data: data, labels: labels) }
    }

    static func figure(in k: KPI, data: ReportData, labels: PageLabels) -> [String: Any] {
        let card = ReportView.kpi(in: k, labels: labels, data: data)
        let style = labels.style
        let previous = unbroken(labels.period(data.period.previous))
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
        let verdict = k.significant.map { labels.text($0 ? "headline.significant" : "headline.withinNoise") }
        var figure: [String: Any] = ["key": k.key, "label": card["label"] ?? k.key, "value": card["value"] ?? "",
                                     "trend": card["trend"] ?? "flat", "words": words]
        if let verdict { figure["verdict"] = verdict }
        if let spark = card["spark"] { figure["spark"] = spark }
        return figure
    }

    /// A period's name that a narrow figure does not break ("2026-W46", "KW 46/2026"): no line
    /// break at its hyphen (a word joiner after it) or its space (a no-break space).
    static func unbroken(_ name: String) -> String {
        name.replacingOccurrences(of: "-", with: "-\u{2060}").replacingOccurrences(of: " ", with: "\u{00A0}")
    }
}
