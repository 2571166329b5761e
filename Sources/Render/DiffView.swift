import Compare
import ReportModel
import Sections

/// A diff of two periods as display strings, shared by the Markdown summary and the HTML page so
/// that both say the same thing, in the words of the catalogue. Names from the logs stay
/// unescaped here: each output escapes them for its own format.
struct DiffView {
    struct Row {
        var cells: [String]
        /// "good", "bad" or "flat": colour only for changes larger than noise.
        var trend: String
    }
    struct Listing {
        var title: String
        var items: [String]
    }

    let diff: ReportDiff!
    let labels: PageLabels
    var style: NumberStyle { labels.style }

    init(_ diff: ReportDiff, catalogue: Catalogue) {
        self.diff = diff
        labels = PageLabels(catalogue: catalogue, style: NumberStyle(catalogue: catalogue, currency: diff.currency))
    }

    /// Formatting only, for lines that need no diff (a report's own "What changed").
    init(labels: PageLabels) {
        diff = nil
        self.labels = labels
    }

    func text(_ key: String, _ values: [String: String] = [:]) -> String { labels.text(key, values) }

    var title: String { text("diff.title", ["new": labels.period(diff.new.name), "base": labels.period(diff.base.name)]) }
    /// The title as the page's heading shows it: the sentence wraps between the periods, never
    /// inside one ("KW 47/2026" on a phone).
    var heading: String {
        text("diff.title", ["new": labels.unbrokenPeriod(diff.new.name), "base": labels.unbrokenPeriod(diff.base.name)])
    }
    var subtitle: String {
        text("diff.subtitle", ["newFirst": labels.date(diff.new.first), "newLast": labels.date(diff.new.last),
                               "baseFirst": labels.date(diff.base.first), "baseLast": labels.date(diff.base.last)])
    }
    var ratesOnlyNote: String? {
        guard diff.ratesOnly else { return nil }
        let partial = [diff.base, diff.new].filter(\.isPartial).map { labels.period($0.name) }.joined(separator: " \(text("diff.and")) ")
        return text("diff.ratesOnly", ["periods": partial])
    }

    func value(_ v: Double?, _ unit: KPI.Unit) -> String { style.value(v, unit: unit) }

    func signed(_ text: String, _ x: Double) -> String { (x > 0 ? "+" : x < 0 ? "−" : "±") + text }

    /// A KPI's name by its id, else as the report names it.
    func kpiLabel(_ k: KPIChange) -> String { labels.catalogue.optional("kpi.\(k.id).label") ?? k.label }

    /// A channel (or a device class) by its id, else as the report names it.
    func segmentLabel(_ id: String, _ label: String) -> String {
        labels.catalogue.optional("channel.\(id)") ?? labels.catalogue.optional("device.\(id)") ?? label
    }

    /// The absolute change: percentage points for rates, the KPI's unit otherwise.
    func absolute(_ k: KPIChange) -> String {
        guard let d = k.absolute else { return style.missing }
        if k.isRate { return signed(text("unit.pp", ["value": style.decimal(abs(d) * 100, places: 1)]), d) }
        return signed(value(abs(d), k.unit), d)
    }

    func relative(_ k: KPIChange) -> String {
        guard let r = k.relative else { return style.missing }
        return signed(style.percent(abs(r)), r)
    }

    func noise(_ k: KPIChange) -> String {
        guard k.isCompared else { return text("diff.noise.notCompared") }
        switch k.test.isSignificant {
        case .some(true): return text("diff.noise.larger", ["test": labels.noiseTest(k.testName)])
        case .some(false): return text("diff.noise.within", ["test": labels.noiseTest(k.testName)])
        case .none: return text("diff.noise.noTest")
        }
    }

    func trend(_ verdict: Int) -> String { verdict > 0 ? "good" : verdict < 0 ? "bad" : "flat" }
    func mark(_ verdict: Int) -> String { verdict > 0 ? "▲ " : verdict < 0 ? "▼ " : "" }

    var kpiRows: [Row] {
        diff.kpis.map { k in
            Row(cells: [kpiLabel(k), value(k.base, k.unit), value(k.new, k.unit), absolute(k), relative(k), noise(k)], trend: trend(k.verdict))
        }
    }

    /// "What changed", one line each: the list the new period's page shows too.
    var priorities: [Row] { DiffView.lines(diff.changes, labels: labels) }

    /// `conversion −0.4 pp = −0.3 pp mix (Paid social share 12.0% → 20.0%) −0.1 pp rates (E-mail 3.1% → 2.6%)`.
    var rateSplits: [String] {
        diff.rateSplits.map { s in
            let exact = [s.shiftShare.mix * 100, s.shiftShare.rate * 100], total = s.shiftShare.total * 100
            // numbers beyond rounding (from a damaged report.json) are shown as they are
            var rounded = (total: total, parts: exact)
            if RoundedParts.canRound(exact + [total], decimals: 1) {
                let r = RoundedParts(exact, total: total, decimals: 1)
                rounded = (r.total, r.parts)
            }
            func pp(_ x: Double) -> String { signed(text("unit.pp", ["value": style.decimal(abs(x), places: 1)]), x) }
            func name(_ id: String) -> String { segmentLabel(id, s.labels[id] ?? id) }
            func rate(_ r: Double?) -> String { r.map { style.percent($0) } ?? style.missing }
            var parts = [text("diff.split.mix", ["rate": labels.catalogue.optional("diff.rate.\(s.kpi)") ?? s.label,
                                                 "dimension": text("diff.dimension.\(s.dimension)"),
                                                 "total": pp(rounded.total), "mix": pp(rounded.parts[0])])]
            if let m = s.mixLeader {
                parts.append(text("diff.split.mixLeader", ["segment": name(m.id), "base": style.percent(m.baseShare), "new": style.percent(m.newShare)]))
            }
            parts.append(text("diff.split.rates", ["rates": pp(rounded.parts[1])]))
            if let r = s.rateLeader {
                parts.append(text("diff.split.rateLeader", ["segment": name(r.id), "base": rate(r.baseRate), "new": rate(r.newRate)]))
            }
            return parts.joined(separator: " ")
        }
    }

    func segmentRows(_ segments: [SegmentChange]) -> [Row] {
        segments.map { c in
            func counted(_ x: SegmentChange.Counted) -> String {
                let verdict = x.test.isSignificant == true ? (x.new > x.base ? 1 : -1) : 0
                return "\(mark(verdict))\(style.integer(x.base)) → \(style.integer(x.new))"
            }
            let conversionVerdict = c.conversionTest.isSignificant == true
                ? ((c.conversion.new ?? 0) > (c.conversion.base ?? 0) ? 1 : -1) : 0
            let conversion = "\(mark(conversionVerdict))\(c.conversion.base.map { style.percent($0) } ?? style.missing) → \(c.conversion.new.map { style.percent($0) } ?? style.missing)"
            return Row(cells: [segmentLabel(c.id, c.label), counted(c.visits), counted(c.orders),
                               "\(style.money(c.revenue.base)) → \(style.money(c.revenue.new))",
                               conversion.trimmingCharacters(in: .whitespaces)], trend: "flat")
        }
    }

    var setListings: [Listing] {
        func items(_ s: SetChange, _ name: (String) -> String) -> [String] {
            s.appeared.map { text("diff.set.new", ["name": name($0.id), "count": style.integer($0.new)]) }
                + s.vanished.map { text("diff.set.gone", ["name": name($0.id), "count": style.integer($0.base)]) }
                + s.moved.map { "\(name($0.id)): \(style.integer($0.base)) → \(style.integer($0.new)) (\(signed(style.integer(abs($0.delta)), Double($0.delta))))" }
        }
        return [Listing(title: text("diff.set.touchpoints"), items: items(diff.touchpoints, node)),
                Listing(title: text("diff.set.links"), items: items(diff.links) { named($0, separator: " -> ", node) }),
                Listing(title: text("diff.set.paths"), items: items(diff.paths) { named($0, separator: " > ") { self.named($0) } })]
    }

    /// A touchpoint id as the report names it: the config's name in the diff's language, else the
    /// id. Without names (`journeys diff` on two published folders) every id stays as written.
    func named(_ id: String) -> String { labels.catalogue.touchpoints[id] ?? id }

    /// A map node's id, `name` or `name @ phase`, with the touchpoint named.
    func node(_ id: String) -> String {
        guard let at = id.range(of: " @ ") else { return named(id) }
        return named(String(id[..<at.lowerBound])) + id[at.lowerBound...]
    }

    /// `id` split at `separator`, each part named by `name`, joined as written.
    func named(_ id: String, separator: String, _ name: (String) -> String) -> String {
        id.components(separatedBy: separator).map(name).joined(separator: separator)
    }
}
