import ReportModel
import Sections

/// The one line at the top of the page when the touchpoint rules, not the shop, may be what the
/// figures show, and the "no values" that revenue and the average order value read when no order
/// carries a value.
enum RulesWarningView {
    /// The line, or nil when the report carries no warning.
    static func line(_ data: ReportData, labels: PageLabels) -> String? {
        guard let w = data.rulesWarning else { return nil }
        var reasons: [String] = []
        if w.tooMuchOther { reasons.append(labels.text("rulesWarning.other", ["share": labels.style.percent(w.otherShare)])) }
        if !w.emptySteps.isEmpty {
            let steps = w.emptySteps.map { labels.funnelStep($0, fallback: $0) }.joined(separator: ", ")
            reasons.append(labels.text("rulesWarning.steps", ["steps": steps]))
        }
        if w.noOrderValues { reasons.append(labels.text("rulesWarning.noValues")) }
        guard !reasons.isEmpty else { return nil }
        return labels.text("rulesWarning.line", ["reasons": reasons.joined(separator: "; ")])
    }

    /// What every money figure of a period reads when it has orders but none with a value.
    static func unknownMoney(_ data: ReportData, catalogue: Catalogue) -> String? {
        data.rulesWarning?.noOrderValues == true ? catalogue.text("kpis.noValues") : nil
    }

    /// What a money KPI shows: "no values" for revenue and the average order value when the
    /// period has orders but none with a value (neither is 0.00 then: it is unknown).
    static func moneyText(_ k: KPI, data: ReportData, labels: PageLabels) -> String? {
        guard k.key == "revenue" || k.key == "aov", data.rulesWarning?.noOrderValues == true else { return nil }
        return labels.text("kpis.noValues")
    }
}
