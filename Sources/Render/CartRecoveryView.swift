import ReportModel
import Sections

/// The "Carts per customer" section's values: the cohort of carts followed, what became of them,
/// and through which channels and landing touchpoints the recovered ones were bought.
enum CartRecoveryView {
    static func make(_ c: CartRecoveryInfo, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        func share(_ x: Int, of n: Int) -> String { style.share(x, of: n) }
        func figure(_ key: String, _ value: Int, detail: [String: String] = [:]) -> [String: Any] {
            ["label": labels.text("carts.figure.\(key).label"), "value": style.integer(value),
             "detail": labels.text("carts.figure.\(key).detail", detail),
             "definition": labels.text("carts.figure.\(key).definition", ["days": style.integer(c.recoveryDays)])]
        }
        let figures: [[String: Any]] = [
            figure("carts", c.carts),
            figure("abandoned", c.abandoned, detail: ["share": share(c.abandoned, of: c.carts)]),
            figure("recovered", c.recovered, detail: ["share": share(c.recovered, of: c.abandoned)]),
            figure("people", c.people, detail: ["people": style.integer(c.peopleAbandoned), "share": share(c.peopleAbandoned, of: c.people)]),
        ]
        func sources(_ rows: [CartRecoveryInfo.Source], label: (CartRecoveryInfo.Source) -> String) -> [[String: Any]] {
            rows.map { ["label": label($0), "carts": style.integer($0.carts), "people": style.integer($0.people),
                        "share": style.percent($0.share)] }
        }
        return [
            "recoveryDays": c.recoveryDays, "cohortFirst": labels.date(c.cohortFirst), "cohortLast": labels.date(c.cohortLast),
            "figures": figures,
            "sources": [
                ["title": labels.text("carts.byChannel.title"), "group": labels.text("carts.byChannel.group"),
                 "rows": sources(c.byChannel) { labels.channel($0.id, fallback: $0.label) }, "hasRows": !c.byChannel.isEmpty],
                ["title": labels.text("carts.byTouchpoint.title"), "group": labels.text("carts.byTouchpoint.group"),
                 "rows": sources(c.byTouchpoint) { labels.touchpoint($0.label) }, "hasRows": !c.byTouchpoint.isEmpty],
            ] as [[String: Any]],
        ]
    }
}
