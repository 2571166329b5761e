import Compare
import ReportModel

/// A diff of two periods as display strings, shared by the Markdown summary and the HTML page so
/// that both say the same thing. Names from the logs stay unescaped here: each output escapes them
/// for its own format.
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
    let style: NumberStyle

    init(_ diff: ReportDiff) {
        self.diff = diff
        style = NumberStyle(locale: diff.locale, currency: diff.currency)
    }

    /// Formatting only, for lines that need no diff (a report's own "What changed").
    init(style: NumberStyle) {
        diff = nil
        self.style = style
    }

    var title: String { "\(diff.new.name) against \(diff.base.name)" }
    var subtitle: String { "\(diff.new.first) to \(diff.new.last) against \(diff.base.first) to \(diff.base.last)" }
    var ratesOnlyNote: String? {
        guard diff.ratesOnly else { return nil }
        let partial = [diff.base, diff.new].filter(\.isPartial).map(\.name).joined(separator: " and ")
        return "\(partial) covers only part of its period: counts and sums are not compared, rates are."
    }

    func value(_ v: Double?, _ unit: KPI.Unit) -> String { style.value(v, unit: unit) }

    func signed(_ text: String, _ x: Double) -> String { (x > 0 ? "+" : x < 0 ? "−" : "±") + text }

    /// The absolute change: percentage points for rates, the KPI's unit otherwise.
    func absolute(_ k: KPIChange) -> String {
        guard let d = k.absolute else { return style.missing }
        if k.isRate { return signed(style.decimal(abs(d) * 100, places: 1) + " pp", d) }
        return signed(value(abs(d), k.unit), d)
    }

    func relative(_ k: KPIChange) -> String {
        guard let r = k.relative else { return style.missing }
        return signed(style.percent(abs(r)), r)
    }

    func noise(_ k: KPIChange) -> String {
        guard k.isCompared else { return "not compared (partial period)" }
        switch k.test.isSignificant {
        case .some(true): return "larger than noise (\(k.testName))"
        case .some(false): return "within noise (\(k.testName))"
        case .none: return "no test"
        }
    }

    func trend(_ verdict: Int) -> String { verdict > 0 ? "good" : verdict < 0 ? "bad" : "flat" }
    func mark(_ verdict: Int) -> String { verdict > 0 ? "▲ " : verdict < 0 ? "▼ " : "" }

    var kpiRows: [Row] {
        diff.kpis.map { k in
            Row(cells: [k.label, value(k.base, k.unit), value(k.new, k.unit), absolute(k), relative(k), noise(k)], trend: trend(k.verdict))
        }
    }

    /// "What to act on first", one line each.
    var priorities: [Row] { Self.lines(diff.priorities, style: style) }

    static func lines(_ priorities: [Priority], style: NumberStyle) -> [Row] {
        let v = DiffView(style: style)
        return priorities.map(v.line)
    }

    /// One change worth acting on: what moved, and its estimated effect.
    func line(_ p: Priority) -> Row {
        var text: String
        if let k = p.kpi {
            text = "\(k.label) \(value(k.base, k.unit)) → \(value(k.new, k.unit)) (\(k.isRate ? absolute(k) : relative(k)))"
        } else if let c = p.segment {
            text = "\(c.label): orders \(style.integer(c.orders.base)) → \(style.integer(c.orders.new))"
        } else {
            text = p.label
        }
        var effect: [String] = []
        if let o = p.orders, o != 0 { effect.append("≈ \(signed(style.decimal(abs(o), places: 0), o)) orders") }
        if let r = p.revenue, r != 0 { effect.append("≈ \(signed(style.money(abs(r)), r))") }
        if !effect.isEmpty { text += ": " + effect.joined(separator: ", ") }
        return Row(cells: [text], trend: trend(p.verdict))
    }

    /// `conversion −0.4 pp = −0.3 pp mix (Paid social share 12.0% → 20.0%) −0.1 pp rates (E-mail 3.1% → 2.6%)`.
    var rateSplits: [String] {
        diff.rateSplits.map { s in
            let rounded = RoundedParts([s.shiftShare.mix * 100, s.shiftShare.rate * 100], total: s.shiftShare.total * 100, decimals: 1)
            func pp(_ x: Double) -> String { signed(style.decimal(abs(x), places: 1), x) + " pp" }
            func name(_ id: String) -> String { s.labels[id] ?? id }
            var text = "\(s.label) by \(s.dimension): \(pp(rounded.total)) = \(pp(rounded.parts[0])) mix"
            if let m = s.mixLeader {
                text += " (\(name(m.id)) share \(style.percent(m.baseShare)) → \(style.percent(m.newShare)))"
            }
            text += " \(pp(rounded.parts[1])) rates"
            if let r = s.rateLeader {
                text += " (\(name(r.id)) \(r.baseRate.map { style.percent($0) } ?? style.missing) → \(r.newRate.map { style.percent($0) } ?? style.missing))"
            }
            return text
        }
    }

    func segmentRows(_ segments: [SegmentChange]) -> [Row] {
        segments.map { c in
            func counted(_ x: SegmentChange.Counted) -> String {
                let verdict = x.test.isSignificant == true ? (x.new > x.base ? 1 : -1) : 0
                return "\(style.integer(x.base)) → \(style.integer(x.new)) \(mark(verdict))".trimmingCharacters(in: .whitespaces)
            }
            let conversionVerdict = c.conversionTest.isSignificant == true
                ? ((c.conversion.new ?? 0) > (c.conversion.base ?? 0) ? 1 : -1) : 0
            let conversion = "\(c.conversion.base.map { style.percent($0) } ?? style.missing) → \(c.conversion.new.map { style.percent($0) } ?? style.missing) \(mark(conversionVerdict))"
            return Row(cells: [c.label, counted(c.visits), counted(c.orders),
                               "\(style.money(c.revenue.base)) → \(style.money(c.revenue.new))",
                               conversion.trimmingCharacters(in: .whitespaces)], trend: "flat")
        }
    }

    var setListings: [Listing] {
        func items(_ s: SetChange) -> [String] {
            s.appeared.map { "new: \($0.id) (\(style.integer($0.new)))" }
                + s.vanished.map { "gone: \($0.id) (\(style.integer($0.base)))" }
                + s.moved.map { "\($0.id): \(style.integer($0.base)) → \(style.integer($0.new)) (\(signed(style.integer(abs($0.delta)), Double($0.delta))))" }
        }
        return [Listing(title: "Touchpoints (views)", items: items(diff.touchpoints)),
                Listing(title: "Journey map links (transitions)", items: items(diff.links)),
                Listing(title: "Paths (visits)", items: items(diff.paths))]
    }
}
