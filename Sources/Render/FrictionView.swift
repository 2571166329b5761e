import JourneysCore
import ReportModel

/// The "Journey variants and friction" section's values: the most common variants with their
/// conversion and its interval, the funnel steps by visits lost, and the touchpoints people leave
/// from most on the way to purchase.
enum FrictionView {
    static func variants(_ rows: [Variant], style: NumberStyle) -> [[String: Any]] {
        rows.map {
            ["steps": $0.steps.map(Markup.clean).joined(separator: " → "), "visits": style.integer($0.visits),
             "share": style.percent($0.share), "purchases": style.integer($0.purchases), "rate": style.percent($0.conversionRate),
             "interval": style.interval($0.interval, unit: .ratio)]
        }
    }

    static func make(_ f: Friction, style: NumberStyle, labels: PageLabels) -> [String: Any] {
        [
            "steps": f.steps.map {
                ["label": $0.label, "lost": style.integer($0.lost), "rate": style.percent($0.lossRate)] as [String: Any]
            },
            "hasSteps": !f.steps.isEmpty,
            "exits": f.exits.map {
                ["touchpoint": Markup.clean($0.touchpoint),
                 "phase": Phase(rawValue: $0.phase)?.label(locale: labels.locale) ?? Markup.clean($0.phase),
                 "visits": style.integer($0.visits), "exits": style.integer($0.exits), "rate": style.percent($0.exitRate),
                 "interval": style.interval($0.interval, unit: .ratio)] as [String: Any]
            },
            "hasExits": !f.exits.isEmpty,
        ]
    }
}
