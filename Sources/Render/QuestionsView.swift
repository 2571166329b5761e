import JourneysCore
import ReportModel
import Sections

/// The values of the sections that answer a CX team's questions after "what happened": support,
/// carts per customer, journey variants and friction and the logged-value tables. Nil in reports
/// made before they existed, and the sections are left out.
enum QuestionsView {
    static func make(_ q: JourneyQuestions?, labels: PageLabels) -> [String: Any]? {
        guard let q else { return nil }
        let style = labels.style
        let page = SectionPage(labels: labels, suppressed: q.suppressed)
        func note(_ tables: [String]) -> [String: Any] { page.withheldNote(tables.map(WithheldTable.init(rawValue:))) }
        return [
            "support": SupportView.make(q.support, labels: labels),
            "supportWithheld": note(["support.byKind", "support.byChannel", "support.byPhase"]),
            "carts": CartRecoveryView.make(q.cartRecovery, labels: labels),
            "cartsWithheld": note(["cartRecovery.byChannel", "cartRecovery.byTouchpoint"]),
            "variants": FrictionView.variants(q.variants, labels: labels),
            "hasVariants": !q.variants.isEmpty,
            "variantsWithheld": note(["variants"]),
            "friction": FrictionView.make(q.friction, labels: labels),
            "frictionWithheld": note(["friction.exits"]),
            "valueTables": ValueTablesView.make(q, labels: labels),
            "valueTablesWithheld": note(["entryPages", "campaigns", "searchTerms", "products"]),
            "withheldText": labels.withheld(q.suppressed.rows, k: q.suppressed.k) ?? "",
            "withheldRows": style.integer(q.suppressed.rows),
            "hasWithheldRows": q.suppressed.rows > 0,
            "withheldByTable": withheldByTable(q.suppressed, labels: labels),
        ]
    }

    /// The data-quality list: every table that withheld rows, named as on the page, known tables
    /// in page order and any other by its report.json name after them.
    static func withheldByTable(_ s: Suppressed, labels: PageLabels) -> [[String: Any]] {
        // A section in a folder of its own names its tables after the ones listed in PageLabels.
        let listed = PageLabels.withheldTables
        let known = listed + SectionList.withheldTables.filter { t in !listed.contains { $0.key == t.key } }
        let names = Set(known.map(\.key))
        let rows = known.map { (labels.text($0.label), s.byTable[$0.key] ?? 0) }
            + s.byTable.keys.filter { !names.contains($0) }.sorted().map { ($0, s.byTable[$0] ?? 0) }
        return rows.filter { $0.1 > 0 }.map { ["table": Markup.clean($0.0), "rows": labels.style.integer($0.1)] }
    }
}
