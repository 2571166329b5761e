import JourneysCore
import ReportModel

/// The words the page's code puts together (as opposed to the template's fixed text): the
/// catalogue of the page's locale and its number style, with the look-ups that turn report.json's
/// ids into names. report.json names things in English; where it gives an id too (a KPI, a
/// channel, a funnel step, a data-quality reason) the catalogue's text of that id wins, and an id
/// the catalogue does not know keeps report.json's English name.
package struct PageLabels: Sendable {
    package let catalogue: Catalogue
    package let style: NumberStyle

    package var locale: String { catalogue.locale }

    package init(catalogue: Catalogue, style: NumberStyle) {
        self.catalogue = catalogue
        self.style = style
    }

    package func text(_ key: String, _ values: [String: String] = [:]) -> String { catalogue.text(key, values) }

    package func plural(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = values["count"] ?? style.integer(count)
        return catalogue.plural(key, count: count, values)
    }

    /// Monday first, as the weekday x hour table.
    package var weekdays: [String] { (1...7).map { text("weekday.\($0)") } }


    /// "12 rows about fewer than 5 people withheld"; nil when nothing was withheld.
    package func withheld(_ rows: Int, k: Int) -> String? {
        guard rows > 0 else { return nil }
        return plural("withheld.rows", count: rows, ["k": style.integer(k)])
    }

    /// The sentence for the rows `tables` withheld, as the ledger `suppressed` counts them; nil
    /// when they withheld none.
    package func withheldNote(_ tables: [String], in suppressed: Suppressed?) -> String? {
        guard let suppressed else { return nil }
        return withheld(tables.reduce(0) { $0 + (suppressed.byTable[$1] ?? 0) }, k: suppressed.k)
    }

    /// The tables of report.json that can withhold rows, in page order, each with the key of the
    /// name the page gives it.
    package static let withheldTables: [(key: String, label: String)] = [
        (WithheldTable.satisfactionByChannel.rawValue, "withheld.table.satisfactionByChannel"),
        (WithheldTable.satisfactionByDevice.rawValue, "withheld.table.satisfactionByDevice"),
        (WithheldTable.satisfactionByTouchpoint.rawValue, "withheld.table.satisfactionByTouchpoint"),
        (WithheldTable.satisfactionByVariant.rawValue, "withheld.table.satisfactionByVariant"),
        (WithheldTable.detractorPaths.rawValue, "withheld.table.detractorPaths"),
        (WithheldTable.promoterPaths.rawValue, "withheld.table.promoterPaths"),
        (WithheldTable.supportByKind.rawValue, "withheld.table.supportByKind"),
        (WithheldTable.supportByChannel.rawValue, "withheld.table.supportByChannel"),
        (WithheldTable.supportByPhase.rawValue, "withheld.table.supportByPhase"),
        (WithheldTable.cartsByChannel.rawValue, "withheld.table.cartsByChannel"),
        (WithheldTable.cartsByTouchpoint.rawValue, "withheld.table.cartsByTouchpoint"),
        // "After the drop-off" (Sources/Sections/DropOffs) keeps its place in the list here.
        ("dropOffs", "withheld.table.dropOffs"),
        (WithheldTable.variants.rawValue, "withheld.table.variants"),
        (WithheldTable.frictionExits.rawValue, "withheld.table.frictionExits"),
        (WithheldTable.funnelsByChannel.rawValue, "withheld.table.funnelsByChannel"),
        (WithheldTable.funnelsByDevice.rawValue, "withheld.table.funnelsByDevice"),
        (WithheldTable.entryPages.rawValue, "withheld.table.entryPages"),
        (WithheldTable.campaigns.rawValue, "withheld.table.campaigns"),
        (WithheldTable.searchTerms.rawValue, "withheld.table.searchTerms"),
        (WithheldTable.products.rawValue, "withheld.table.products"),
        (WithheldTable.paths.rawValue, "withheld.table.paths"),
        (WithheldTable.buyingPaths.rawValue, "withheld.table.buyingPaths"),
        (WithheldTable.loops.rawValue, "withheld.table.loops"),
    ]

    /// A journey phase by its id (`retention`), else the id.
    package func phase(_ id: String) -> String { catalogue.optional("phase.\(id)") ?? Markup.clean(id) }

    /// A channel by its id (`organic_search`), else report.json's name of it.
    package func channel(_ id: String, fallback: String) -> String { catalogue.optional("channel.\(id)") ?? Markup.clean(fallback) }

    /// A device class (`mobile`) by its id, else the id.
    package func device(_ id: String) -> String { catalogue.optional("device.\(id)") ?? Markup.clean(id) }

    /// A funnel step by its id (`add_to_cart`), else report.json's name of it.
    package func funnelStep(_ id: String, fallback: String) -> String { catalogue.optional("funnelStep.\(id)") ?? Markup.clean(fallback) }

    /// A KPI's name by its key, else report.json's English name.
    package func kpiLabel(_ key: String, fallback: String) -> String { catalogue.optional("kpi.\(key).label") ?? Markup.clean(fallback) }

    /// A KPI's definition by its key, else report.json's English one. Definitions that carry a
    /// figure get it from `values` (the CLV's lifespan, the retention cost's years).
    package func kpiDefinition(_ key: String, fallback: String, values: [String: String] = [:]) -> String {
        catalogue.optional("kpi.\(key).definition", values) ?? Markup.clean(fallback)
    }

    /// A spend tier (`high`, `medium`, `low`), else as report.json names it.
    package func tier(_ id: String) -> String { catalogue.optional("tier.\(id)") ?? Markup.clean(id) }

    /// A lifecycle state (`new`, `dormant`, ...), else as report.json names it.
    package func lifecycleState(_ id: String) -> String { catalogue.optional("lifecycle.state.\(id)") ?? Markup.clean(id) }

    /// The attribution models report.json names by their English label (disagreements), by id.
    package static let attributionModels: [String: String] = [
        "First touch": "first_touch", "Last touch": "last_touch", "Last non-direct touch": "last_non_direct",
        "Linear": "linear", "Time decay": "time_decay", "Position based (40/20/40)": "position_based",
        "Markov chain (removal effect)": "markov",
    ]

    /// An attribution model as a sentence names it ("last touch"), from report.json's label.
    package func modelInSentence(_ label: String) -> String {
        Self.attributionModels[label].flatMap { catalogue.optional("attribution.\($0).inSentence") } ?? Markup.clean(label.lowercased())
    }

    /// The noise tests the diff names in English, by their key in the catalogue.
    package static let noiseTests: [String: String] = [
        "two-proportion z": "twoProportion", "Welch's t on order values": "welch",
        "compound Poisson z on the sum of orders": "compoundPoisson", "Poisson z": "poisson",
        "z on the difference of two NPS": "nps", "two-proportion z on top-box answers": "topBox",
    ]

    package func noiseTest(_ name: String) -> String {
        Self.noiseTests[name].flatMap { catalogue.optional("noiseTest.\($0)") } ?? Markup.clean(name)
    }

    /// What report.json writes where a touchpoint would be when nothing came before a survey answer.
    package static let nothingBefore = "(nothing before)"

    /// A touchpoint id from report.json as the page names it: the config's name for it in the
    /// page's language (`labels:` on its rule), else the id as written; the names the report
    /// makes up itself (unmatched pages, nothing before an answer) come from the catalogue.
    package func touchpoint(_ name: String) -> String {
        if let named = catalogue.touchpoints[name] { return named }
        if name == Self.nothingBefore { return text("satisfaction.nothingBefore") }
        if name == Self.unmatched { return text("touchpoint.other") }
        return Markup.clean(name)
    }

    /// The touchpoint report.json counts pages under that no rule matches.
    package static let unmatched = "other"

    /// A path of touchpoints, "A → B → C".
    package func path(_ steps: [String]) -> String { steps.map(touchpoint).joined(separator: " → ") }

    /// A period's name as the text shows it (`KW 47/2026`).
    package func period(_ name: String) -> String { style.period(name) }

    /// A period's name as a sentence shows it where a narrow line must not break it ("2026-W46",
    /// "KW 46/2026"): a word joiner after its hyphen, a no-break space for its space.
    package func unbrokenPeriod(_ name: String) -> String {
        period(name).replacingOccurrences(of: "-", with: "-\u{2060}").replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// A day as the text shows it (`23.11.2026`).
    package func date(_ iso: String) -> String { style.date(iso) }
}
