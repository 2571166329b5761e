import ReportModel

/// The "Carts per customer" section's values: the cohort of carts followed, what became of them,
/// and through which channels and landing touchpoints the recovered ones were bought.
enum CartRecoveryView {
    static func make(_ c: CartRecoveryInfo, style: NumberStyle) -> [String: Any] {
        func share(_ x: Int, of n: Int) -> String { style.share(x, of: n) }
        let figures: [[String: Any]] = [
            ["label": "Carts", "value": style.integer(c.carts), "detail": "visits with an add to cart",
             "definition": "visits of the cohort days that reached add to cart"],
            ["label": "Abandoned", "value": style.integer(c.abandoned), "detail": share(c.abandoned, of: c.carts) + " of carts",
             "definition": "carts without an order in the same visit"],
            ["label": "Recovered", "value": style.integer(c.recovered), "detail": share(c.recovered, of: c.abandoned) + " of abandoned",
             "definition": "abandoned carts whose person ordered within \(c.recoveryDays) days"],
            ["label": "People with a cart", "value": style.integer(c.people),
             "detail": "\(style.integer(c.peopleAbandoned)) without an order (\(share(c.peopleAbandoned, of: c.people)))",
             "definition": "people with a cart; without an order: neither in that visit nor within the recovery window"],
        ]
        func sources(_ rows: [CartRecoveryInfo.Source]) -> [[String: Any]] {
            rows.map { ["label": Markup.clean($0.label), "carts": style.integer($0.carts), "people": style.integer($0.people),
                        "share": style.percent($0.share)] }
        }
        return [
            "recoveryDays": c.recoveryDays, "cohortFirst": c.cohortFirst, "cohortLast": c.cohortLast,
            "figures": figures,
            "sources": [
                ["title": "Recovered carts by channel", "group": "Channel of the visit with the order",
                 "rows": sources(c.byChannel), "hasRows": !c.byChannel.isEmpty],
                ["title": "Recovered carts by landing touchpoint", "group": "First page of the visit with the order",
                 "rows": sources(c.byTouchpoint), "hasRows": !c.byTouchpoint.isEmpty],
            ] as [[String: Any]],
        ]
    }
}
