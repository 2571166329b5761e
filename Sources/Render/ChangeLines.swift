import Compare
import ReportModel
import Sections

extension DiffView {
    /// The lines of "What changed", one per item, as the page, the diff, its Markdown and the
    /// index all show them.
    static func lines(_ changes: ChangeList, labels: PageLabels) -> [Row] {
        let v = DiffView(labels: labels)
        return changes.items.map(v.line)
    }

    /// How the list was made, in one sentence: how many tests, how many listed, the false
    /// discovery rate and the small samples left out.
    static func familyNote(_ changes: ChangeList, labels: PageLabels) -> String {
        let style = labels.style
        var note = labels.plural("changes.family", count: changes.items.count,
                                 ["items": style.integer(changes.items.count), "tests": style.integer(changes.tests),
                                  "rate": style.percent(changes.falseDiscoveryRate, places: 0)])
        if changes.smallSamples > 0 {
            note += " " + labels.text("changes.smallSamples", ["count": style.integer(changes.smallSamples),
                                                               "minimum": style.integer(ChangeList.minimumSample)])
        }
        return note
    }

    /// One change: what moved against what, the figures that moved with it, and its estimated
    /// effect on orders and revenue.
    func line(_ item: ChangeList.Item) -> Row {
        var text: String
        if let s = item.segment {
            text = segmentText(item.lead, segment: segmentLabel(s.id, s.label))
        } else {
            text = figureText(item.lead)
        }
        if !item.also.isEmpty {
            let figures = item.also.map { e in "\(kpiLabel(e)) \(change(e))" }.joined(separator: ", ")
            text += "; " + self.text("changes.also", ["figures": figures])
        }
        var effect: [String] = []
        if let o = item.orders, o.rounded() != 0 {
            effect.append(self.text("diff.line.orders", ["orders": signed(style.decimal(abs(o), places: 0), o)]))
        }
        if let r = item.revenue, r != 0 { effect.append("≈ \(signed(style.money(abs(r)), r))") }
        if !effect.isEmpty { text += ": " + effect.joined(separator: ", ") }
        return Row(cells: [text], trend: trend(item.verdict))
    }

    func kpiLabel(_ e: ChangeList.Evidence) -> String { labels.catalogue.optional("kpi.\(e.figure).label") ?? e.label }

    /// `+0.4 pp` for a rate, `+10.3%` otherwise (the absolute change when the base is 0).
    func change(_ e: ChangeList.Evidence) -> String {
        guard let d = e.absolute else { return style.missing }
        if e.isRate { return signed(text("unit.pp", ["value": style.decimal(abs(d) * 100, places: 1)]), d) }
        if let r = e.relative { return signed(style.percent(abs(r)), r) }
        return signed(value(abs(d), e.unit), d)
    }

    /// `Orders 150 → 177 (+18.0%) against 2026-W46`, `Orders 177 (+25.0%), outside the last 8
    /// weeks (120 to 160)`, `Repeat purchase rate (90 days) 18.1% → 7.5% (−10.6 pp) against a year ago`.
    func figureText(_ e: ChangeList.Evidence) -> String {
        let name = kpiLabel(e)
        switch e.reference {
        case .trend:
            let t = e.trend ?? (0, 0, 0)
            return "\(name) \(value(e.new, e.unit)) (\(change(e))), " + text("changes.against.trend", [
                "count": style.integer(t.count), "min": value(t.min, e.unit), "max": value(t.max, e.unit)])
        case .previous, .yearAgo:
            return "\(name) \(value(e.base, e.unit)) → \(value(e.new, e.unit)) (\(change(e))) "
                + text(e.reference == .previous ? "changes.against.previous" : "changes.against.yearAgo")
        }
    }

    /// A channel's or device's orders, visits or conversion against the previous period.
    func segmentText(_ e: ChangeList.Evidence, segment: String) -> String {
        func count(_ x: Double?) -> String { x.map { style.integer(Int($0.rounded())) } ?? style.missing }
        switch e.figure {
        case "orders": return text("diff.line.segmentOrders", ["segment": segment, "base": count(e.base), "new": count(e.new)])
        case "visits": return text("changes.segmentVisits", ["segment": segment, "base": count(e.base), "new": count(e.new)])
        default:
            return text("changes.segmentConversion", ["segment": segment, "base": style.percent(e.base), "new": style.percent(e.new)])
        }
    }
}
