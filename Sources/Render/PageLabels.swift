/// Words the page's code puts together (as opposed to the template's fixed text), in one place
/// per locale. English for now, German where it is only a name (weekdays); a German catalogue of
/// the sentences comes later and replaces the English fallbacks here.
struct PageLabels: Sendable {
    let locale: String

    /// Monday first, as the weekday x hour table.
    var weekdays: [String] {
        locale == "de" ? ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    }

    /// Where visits that left a funnel step went next (`DropOff.Next.kind`).
    func nextKind(_ kind: String) -> String {
        switch kind {
        case "visit": "next page in the same visit"
        case "next_visit": "first page of their next visit"
        case "none": "did not come back"
        default: kind
        }
    }

    /// "12 rows about fewer than 5 people withheld"; nil when nothing was withheld.
    func withheld(_ rows: Int, k: Int, style: NumberStyle) -> String? {
        guard rows > 0 else { return nil }
        return "\(style.integer(rows)) \(rows == 1 ? "row" : "rows") about fewer than \(style.integer(k)) people withheld"
    }

    /// The tables of report.json that can withhold rows, as the page names them, in page order.
    static let withheldTables: [(key: String, label: String)] = [
        ("satisfaction.byChannel", "Satisfaction by channel"),
        ("satisfaction.byDevice", "Satisfaction by device"),
        ("satisfaction.byTouchpoint", "Satisfaction by touchpoint before the answer"),
        ("satisfaction.byVariant", "Satisfaction by journey variant"),
        ("satisfaction.detractorPaths", "Paths of detractors"),
        ("satisfaction.promoterPaths", "Paths of promoters"),
        ("support.byKind", "Support by kind"),
        ("support.byChannel", "Support by channel"),
        ("support.byPhase", "Support by phase"),
        ("cartRecovery.byChannel", "Recovered carts by channel"),
        ("cartRecovery.byTouchpoint", "Recovered carts by landing touchpoint"),
        ("dropOffs", "After the drop-off"),
        ("variants", "Journey variants"),
        ("friction.exits", "Exits on the way to purchase"),
        ("funnels.byChannel", "Funnels by channel"),
        ("funnels.byDevice", "Funnels by device"),
        ("entryPages", "Entry pages"),
        ("campaigns", "Campaigns"),
        ("searchTerms", "Search terms"),
        ("products", "Products"),
    ]
}
